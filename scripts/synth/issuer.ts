// How a county's report names its issuing body: the official name, with the prefecture where the
// name alone is not unique (鼓楼区, 城区), or the shortened form of an autonomous county (互助县).
import { counties, prefectures, type Division } from '../../src/lib/region.ts';
import type { Region } from '../../src/lib/schema.ts';
import type { Rng } from './prng.ts';

const countOf = <T>(items: readonly T[]) => {
  const m = new Map<T, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
};
const nameCount = countOf(counties.map((c) => c.name));
const shortCount = countOf([...counties, ...prefectures].map((c) => c.shortName));
const prefectureNames = new Set(prefectures.map((p) => p.name));
const countyNames = new Set(counties.map((c) => c.name));
const byCode = new Map(counties.map((c) => [c.code, c]));

/** True where the name alone names one county and nothing else. */
export function nameIsUnique(region: Pick<Region, 'name'>): boolean {
  return nameCount.get(region.name) === 1 && !prefectureNames.has(region.name);
}

/** The place as the title prints it, e.g. 民和回族土族自治县, 南京市鼓楼区, 互助县. */
export function placeName(rng: Rng, region: Region): string {
  const d: Division | undefined = byCode.get(region.code);
  const unique = nameIsUnique(region);
  const withPrefecture = region.prefecture && region.prefecture !== region.name ? `${region.prefecture}${region.name}` : region.name;
  if (!unique) return withPrefecture;
  // Shortened autonomous county (004: 互助县 for 互助土族自治县), only where that cannot mean another place.
  if (d && /自治(?:县|旗)$/u.test(region.name) && shortCount.get(d.shortName) === 1) {
    const short = `${d.shortName}${region.name.endsWith('旗') ? '旗' : '县'}`;
    if (!countyNames.has(short) && !prefectureNames.has(short) && rng.chance(0.2)) return short;
  }
  if (region.name.endsWith('区') && rng.chance(0.4)) return withPrefecture;
  return region.name;
}

/** The issuing body: 人民政府 mostly, sometimes its 办公室. */
export function issuerName(rng: Rng, place: string): string {
  return `${place}${rng.weighted([['人民政府', 9], ['人民政府办公室', 1]] as const)}`;
}

/** 县/区/市/旗 as the prose says 我县, 全县. */
export function placeKind(region: Pick<Region, 'name'>): string {
  const m = region.name.match(/(县|区|市|旗)$/u);
  return m ? m[1] : '县';
}
