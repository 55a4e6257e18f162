// The report's numbered sections and which tables their headings announce, each rule with its exact
// output. Written for the mutants `npm run mutation` left alive in sections.ts (README, Mutation
// testing): a bound, a pattern or a tie-break changed must fail here.
import { describe, expect, it } from 'vitest';
import { toLines } from '../../src/lib/parse/lines.ts';
import { chineseNumeral, findSections, isProseLine, tableOfHeading } from '../../src/lib/parse/sections.ts';

const headings = (lines: readonly string[]) => findSections(toLines(lines.join('\n'))).map((s) => s.heading);
const STANDARD = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

describe('chineseNumeral', () => {
  it('one to ten, 十X and X十', () => {
    expect(['一', '三', '九', '十', '十二', '十九', '二十', '三十'].map(chineseNumeral)).toEqual([1, 3, 9, 10, 12, 19, 20, 30]);
  });
});

describe('findSections: the frame of standard titles', () => {
  it('the six parts: each a section, from the line after its heading to the next heading', () => {
    const sections = findSections(toLines(['某县2021年政府信息公开工作年度报告', ...STANDARD.flatMap((h) => [h, '正文。'])].join('\n')));
    expect(sections).toEqual([
      { heading: '', number: 0, from: 0, to: 1 },
      ...STANDARD.map((heading, k) => ({ heading, number: k + 1, from: 2 + 2 * k, to: k === 5 ? 13 : 3 + 2 * k })),
    ]);
  });

  it('a heading as printed, white space inside it made one space, none at its ends', () => {
    expect(headings(['一、\t\t总体情况\t', '二、主动公开政府信息情况'])).toEqual(['', '一、 总体情况', '二、主动公开政府信息情况']);
  });

  it('two standard titles make a frame (a title matched with its spaces taken out): a sub-heading numbered as the next part is no section', () => {
    expect(headings(['一、基本 情况', '二、加强领导', '二、主动公开政府信息情况'])).toEqual(['', '一、基本 情况', '二、主动公开政府信息情况']);
    // A title of 32 characters still names its part.
    const long = '一、本年度本机关政府信息公开工作的总体情况及其主要做法与工作成效概述';
    expect(long.length - 2).toBe(32);
    expect(headings([long, '二、加强领导', '二、主动公开政府信息情况'])).toEqual(['', long, '二、主动公开政府信息情况']);
  });

  it('a title longer than 32 characters names no part: a long sub-heading does not take the place of section 三', () => {
    const sub = '三、本机关办理的依申请公开政府信息工作的各项情况统计与分析说明及其他事项';
    expect(sub.length - 2).toBe(34);
    expect(headings(['一、总体情况', '二、主动公开政府信息情况', '一、规范开展工作', sub, ...STANDARD.slice(2, 4)])).toEqual(['', ...STANDARD.slice(0, 4)]);
    // Nor does any other long numbered line: no part, and too far from 一 to be a section of its own.
    const long = '五、本年度本单位在政府信息公开工作方面所开展的各项具体工作及其取得的主要成效';
    expect(long.length - 2).toBeGreaterThan(32);
    expect(headings(['一、总体情况', long, '六、收到和处理政府信息公开申请情况'])).toEqual(['', '一、总体情况', '六、收到和处理政府信息公开申请情况']);
  });

  it('总体情况 is part of the frame: a numbered line of the title block before it is no section', () => {
    expect(headings(['某县2021年政府信息公开工作年度报告', '一、指导思想', ...STANDARD.slice(0, 3)])).toEqual(['', ...STANDARD.slice(0, 3)]);
  });

  it('the first of two equal frames, and the first of two equal headings in it', () => {
    const twice = findSections(toLines([STANDARD[0]!, STANDARD[1]!, '正文。', STANDARD[1]!].join('\n')));
    expect(twice.map((s) => [s.heading, s.from, s.to])).toEqual([
      ['', 0, 0],
      [STANDARD[0], 1, 1],
      [STANDARD[1], 2, 4],
    ]);
    const sections = findSections(toLines([STANDARD[0]!, STANDARD[1]!, '正文。', STANDARD[1]!, STANDARD[2]!].join('\n')));
    expect(sections.map((s) => [s.heading, s.from])).toEqual([
      ['', 0],
      [STANDARD[0], 1],
      [STANDARD[1], 2],
      [STANDARD[2], 5],
    ]);
  });

  it('numbers and parts both increase along the frame: a standard title out of step is no part of it', () => {
    // 依申请公开 numbered 一 after 二 (a sub-heading): not the frame's 三, so the extra section 四 is measured from 二.
    expect(headings([STANDARD[0]!, STANDARD[1]!, '一、依申请公开工作情况', '四、政府信息公开工作考核情况', STANDARD[4]!])).toEqual(['', STANDARD[0], STANDARD[1], '四、政府信息公开工作考核情况', STANDARD[4]]);
    // A second 主动公开 title (numbered 五) after the part 主动公开: no part, and too far from 二 to be a section.
    expect(headings([STANDARD[0]!, STANDARD[1]!, '五、主动公开工作成效情况', '六、收到和处理政府信息公开申请情况'])).toEqual(['', STANDARD[0], STANDARD[1], '六、收到和处理政府信息公开申请情况']);
  });

  it('numbered lines before the frame: sections where their numbers run below its first, each number once', () => {
    expect(headings(['一、前言', '一、说明', '二、总体情况', '三、主动公开政府信息情况'])).toEqual(['', '一、前言', '二、总体情况', '三、主动公开政府信息情况']);
  });

  it('frame headings stand however far apart their numbers are', () => {
    expect(headings([STANDARD[0]!, STANDARD[1]!, STANDARD[5]!])).toEqual(['', STANDARD[0], STANDARD[1], STANDARD[5]]);
  });

  it('a section of its own between the frame’s parts: numbered after the part before it, at most two on, before the next part', () => {
    const extra = '五、政府信息公开工作考核情况';
    expect(headings([...STANDARD.slice(0, 4), extra, '六、存在的主要问题及改进情况', '七、其他需要报告的事项'])).toEqual(['', ...STANDARD.slice(0, 4), extra, '六、存在的主要问题及改进情况', '七、其他需要报告的事项']);
    expect(headings([...STANDARD.slice(0, 4), '六、政府信息公开工作考核情况', '九、附则'])).toEqual(['', ...STANDARD.slice(0, 4), '六、政府信息公开工作考核情况']);
  });

  it('a sub-heading numbered as the part before it is no section, and does not let a later lower number in', () => {
    expect(headings([STANDARD[0]!, STANDARD[1]!, '四、工作亮点', '二、加强领导', '三、强化保障', STANDARD[4]!])).toEqual(['', STANDARD[0], STANDARD[1], '四、工作亮点', STANDARD[4]]);
  });
});

describe('findSections without a frame: numbers in order, one skipped at most', () => {
  it('one standard title is no frame', () => {
    expect(headings(['一、总体情况', '二、工作举措', '三、存在问题', '四、下一步工作'])).toEqual(['', '一、总体情况', '二、工作举措', '三、存在问题', '四、下一步工作']);
  });

  it('increasing, by one or two', () => {
    expect(headings(['一、概况；说明', '三、工作举措', '二、其他', '三、重复', '六、跳过', '四、保障'])).toEqual(['', '一、概况；说明', '三、工作举措', '四、保障']);
    expect(headings(['三、前言', '二、工作', '四、其他'])).toEqual(['', '二、工作', '四、其他']);
    // Measured from the last section kept, however many there are.
    expect(headings(['一、概况', '二、做法', '四、成效', '三、问题'])).toEqual(['', '一、概况', '二、做法', '四、成效']);
  });

  it('a numbered line is no heading: over 40 characters, ending as a sentence, or a row of table 三', () => {
    const forty = '一、一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八';
    expect(forty).toHaveLength(40);
    expect(headings([forty, `二、${forty.slice(1)}`])).toEqual(['', forty]);
    expect(headings(['一、工作开展情况。', '二、本年新收政府信息公开申请数量', '一、概况'])).toEqual(['', '一、概况']);
    // 二三 is no numeral.
    expect(headings(['二三、概况', '一、做法', '二、成效'])).toEqual(['', '一、做法', '二、成效']);
  });
});

describe('tableOfHeading', () => {
  it('主动公开, an application received or handled, 复议 or 诉讼; other headings none', () => {
    expect(STANDARD.map(tableOfHeading)).toEqual([null, 'active', 'applications', 'outcomes', null, null]);
    expect(tableOfHeading('三、依申请公开政府信息情况')).toBeNull();
    expect(tableOfHeading('七、人大代表建议和政协提案办理情况')).toBeNull();
    expect(tableOfHeading('四、行政诉讼情况')).toBe('outcomes');
    expect(tableOfHeading('二、主动公开政府信息情况（续）')).toBe('active');
  });
});

describe('isProseLine: a line of running prose ends a table region', () => {
  it('20 characters or more with a comma, full stop or semicolon, and no figures set apart by spaces', () => {
    const sentence = '本年度共收到政府信息公开申请三件，均已按期办结。';
    expect(sentence.length).toBeGreaterThanOrEqual(20);
    expect(isProseLine(sentence)).toBe(true);
    expect(isProseLine('全县2021年度共收到申请12件，全部按时答复办结。')).toBe(true);
    expect(isProseLine('本年度共收到申请 3 件，均已按期办结，无逾期情况。')).toBe(true);
    expect(isProseLine('一二三四五六七八九十一二三四五六七八，')).toBe(false); // 19 characters
    expect(isProseLine('一二三四五六七八九十一二三四五六七八九，')).toBe(true); // 20
    expect(isProseLine('本年度共收到政府信息公开申请三件均已按期办结')).toBe(false);
    expect(isProseLine('本年度共收到政府信息公开申请，其中自然人 3 2 件')).toBe(false);
    expect(isProseLine('本年度共收到政府信息公开申请，其中自然人 3\t\t2 件')).toBe(false);
  });
});
