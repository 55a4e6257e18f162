// Who issued a report and for which year: the title block, the title, the year, the region and the
// closing signature, each rule with its exact output. Written for the mutants `npm run mutation` left
// alive in identity.ts (README, Mutation testing).
import { describe, expect, it } from 'vitest';
import { resolveAlias, resolveRegion, signatureOf, titleBlock, titleOf, yearOf } from '../../src/lib/parse/identity.ts';
import { toLines } from '../../src/lib/parse/lines.ts';

const lines = (...texts: string[]) => toLines(texts.join('\n'));
const numbered = (n: number) => toLines(Array.from({ length: n }, (_, i) => `第${i + 1}行`).join('\n'));

describe('titleBlock', () => {
  it('the lines before the first heading, at most twelve; twelve where no heading was found', () => {
    const all = numbered(20);
    expect(titleBlock(all, 5)).toEqual(all.slice(0, 5));
    expect(titleBlock(all, 15)).toEqual(all.slice(0, 12));
    expect(titleBlock(all, 0)).toEqual(all.slice(0, 12));
  });
});

describe('titleOf', () => {
  it('up to the line that says 年度报告, document numbers left out, lines joined without white space', () => {
    const block = lines('某县人民政府办公室文件', '某政办〔2022〕', '12号', '某政办[2022]', '发文字号：某政办12号', '某县人民政府 2021年政府信息', '公开工作年度报告', '一、总体情况');
    expect(titleOf(block)).toEqual({ title: '某县人民政府办公室文件某县人民政府2021年政府信息公开工作年度报告', lines: 7 });
  });

  it('the first line alone when it says 年度报告; the first two lines when no line does', () => {
    expect(titleOf(lines('某县2021年政府信息公开工作年度报告', '某县人民政府'))).toEqual({ title: '某县2021年政府信息公开工作年度报告', lines: 1 });
    expect(titleOf(lines('某县人民政府', '2021年政府信息公开', '工作情况'))).toEqual({ title: '某县人民政府2021年政府信息公开', lines: 2 });
    expect(titleOf(lines('某县人民政府'))).toEqual({ title: '某县人民政府', lines: 1 });
  });

  it('号 inside a title line is not a document number', () => {
    expect(titleOf(lines('某县“一号工程”2021年政府信息公开工作年度报告')).title).toBe('某县“一号工程”2021年政府信息公开工作年度报告');
  });
});

describe('yearOf', () => {
  it('the year of the title, written with a space before 年 or in Chinese numerals', () => {
    expect(yearOf('某县人民政府2021 年度政府信息公开工作年度报告', lines('2019年，我县……'))).toBe(2021);
    expect(yearOf('某县人民政府二〇二二年政府信息公开工作年度报告', [])).toBe(2022);
    expect(yearOf('某县人民政府1999年政府信息公开工作年度报告', [])).toBe(1999);
  });

  it('no year in the title: the first year of the first 40 lines of the body, dates of signing passed over', () => {
    const body = lines('某县人民政府', '2022年1月20日', '2022年12月31日', '2023年3月5日', '2021年，我县认真贯彻……', '2020年');
    expect(yearOf('某县人民政府政府信息公开工作年度报告', body)).toBe(2021);
    expect(yearOf('某县人民政府政府信息公开工作年度报告', lines('本年度，全县……'))).toBeNull();
    expect(yearOf('某县人民政府政府信息公开工作年度报告', lines(...Array.from({ length: 40 }, (_, i) => `第${i + 1}行`), '2021年'))).toBeNull();
    expect(yearOf('某县人民政府政府信息公开工作年度报告', lines('202 1年，我县', '2021 年，我县'))).toBe(2021);
  });
});

describe('resolveRegion', () => {
  it('the county named first; white space inside its name ignored; the issuer up to 人民政府 (or its office)', () => {
    expect(resolveRegion('民和县人民政府关于互助县2021年政府信息公开工作年度报告', '')).toEqual({
      region: { code: '630222', name: '民和回族土族自治县', province: '青海省', prefecture: '海东市' },
      issuer: '民和县人民政府',
    });
    expect(resolveRegion('海东市民和 县人民政府办公室2021年政府信息公开工作年度报告', '')).toMatchObject({ region: { code: '630222' }, issuer: '民和县人民政府办公室' });
  });

  it('the issuer is the division’s name where the title has no 人民政府, or too long a text before it', () => {
    expect(resolveRegion('民和县2021年政府信息公开工作年度报告', '')).toMatchObject({ issuer: '民和回族土族自治县' });
    const forty = `民和县${'一'.repeat(33)}人民政府`;
    expect(forty).toHaveLength(40);
    expect(resolveRegion(`${forty}2021年政府信息公开工作年度报告`, '')).toMatchObject({ issuer: forty });
    expect(resolveRegion(`民和县${'一'.repeat(34)}人民政府2021年政府信息公开工作年度报告`, '')).toMatchObject({ issuer: '民和回族土族自治县' });
  });

  it('a name several divisions share: told apart by the prefecture (weighs more) and the province the text mentions', () => {
    const title = '新华区人民政府2021年政府信息公开工作年度报告';
    expect(resolveRegion(title, '河南省平顶山市')).toMatchObject({ region: { code: '410402' } });
    // 平顶山 and 河南 (2 + 1) over 沧州 alone (2).
    expect(resolveRegion(title, '河南省平顶山市，沧州')).toMatchObject({ region: { code: '410402' } });
    // The province's name printed with spaces still counts.
    expect(resolveRegion('朝阳区人民政府2021年政府信息公开工作年度报告', '吉 林 省')).toMatchObject({ region: { code: '220104' } });
  });

  it('nothing that tells them apart, or a tie: an error naming every candidate, never a guess', () => {
    const title = '新华区人民政府2021年政府信息公开工作年度报告';
    const names = '130105 河北省石家庄市新华区, 130902 河北省沧州市新华区, 410402 河南省平顶山市新华区';
    const none = resolveRegion(title, '');
    expect(none).toMatchObject({ rejected: { error: expect.stringContaining(names) } });
    // 河北 names two of them equally.
    expect(resolveRegion(title, '河北省')).toMatchObject({ rejected: { error: expect.stringContaining('新华区') } });
    // Only the first 4,000 characters of the text are read for mentions.
    expect(resolveRegion(title, `${'。'.repeat(4000)}河南省平顶山市`)).toMatchObject({ rejected: { error: expect.stringContaining(names) } });
  });

  it('a prefecture named in full is not its county’s short name; a county beside it is the issuer', () => {
    expect(resolveRegion('承德市人民政府2021年政府信息公开工作年度报告', '')).toMatchObject({ region: { code: '130800' } });
    expect(resolveRegion('承德市承德县人民政府2021年政府信息公开工作年度报告', '')).toMatchObject({ region: { code: '130821' } });
    // A county's short name beside its prefecture's full name is the county.
    expect(resolveRegion('海东市互助人民政府2021年政府信息公开工作年度报告', '')).toMatchObject({ region: { code: '630223' }, issuer: '互助人民政府' });
    // A prefecture named after the county covers nothing of it.
    expect(resolveRegion('互助县人民政府（海东市）2021年政府信息公开工作年度报告', '')).toMatchObject({ region: { code: '630223' } });
    // A county-level division sharing its prefecture's full name (嘉峪关市): the county level.
    expect(resolveRegion('嘉峪关市人民政府2021年政府信息公开工作年度报告', '')).toMatchObject({ region: { code: '620201' } });
    // A prefecture's short name is no name, even with its suffix.
    expect(resolveRegion('海东人民政府2021年政府信息公开工作年度报告', '')).toMatchObject({ rejected: { error: expect.stringContaining('no county') } });
  });

  it('a name inside a longer one is part of it (和县 inside 民和县); a longer name later in the title does not hide the first', () => {
    expect(resolveRegion('民和县人民政府2021年政府信息公开工作年度报告', '')).toMatchObject({ region: { code: '630222' } });
    // The first place a name stands counts, not a later repetition.
    expect(resolveRegion('民和县人民政府关于互助县与民和县2021年政府信息公开工作年度报告', '')).toMatchObject({ region: { code: '630222' } });
    expect(resolveRegion('和县人民政府转发互助土族自治县2021年政府信息公开工作年度报告', '')).toMatchObject({ region: { code: '340523' }, issuer: '和县人民政府' });
  });
});

describe('resolveAlias', () => {
  it('a body the alias list knows, white space inside it ignored; the issuer from its name on, up to 人民政府', () => {
    expect(resolveAlias('福建省平潭 综合实验区人民政府2021年政府信息公开工作年度报告')).toMatchObject({ region: { code: '350128' }, issuer: '平潭综合实验区人民政府' });
    // No 人民政府 after it: the division's name (as resolveRegion does).
    expect(resolveAlias('平潭综合实验区管理委员会2021年政府信息公开工作年度报告')).toMatchObject({ region: { code: '350128' }, issuer: '平潭县' });
    expect(resolveAlias('某县人民政府')).toBeNull();
  });
});

describe('signatureOf', () => {
  it('the body and the date among the last eight lines, the date beside the body or on its own line', () => {
    expect(signatureOf(lines('某县人民政府办公室', '2022年1月5日'))).toEqual({ body: '某县人民政府办公室', date: '2022-01-05' });
    expect(signatureOf(lines('正文。', '某县人民政府 2022年12月31日'))).toEqual({ body: '某县人民政府', date: '2022-12-31' });
  });

  it('a date at the end of a sentence is no signing date; a body before the last eight lines is none', () => {
    expect(signatureOf(lines('某县人民政府', '会议于2022年1月20日'))).toEqual({ body: '某县人民政府' });
    expect(signatureOf(lines('某县人民政府', ...Array.from({ length: 8 }, (_, i) => `第${i + 1}行。`)))).toEqual({});
    expect(signatureOf(lines('2022年1月20日印发'))).toEqual({});
    expect(signatureOf(lines('某县人民政府2022年1月20日印发'))).toEqual({});
  });
});
