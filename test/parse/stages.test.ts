// Each stage of the parser alone: text in, typed values out.
import { describe, expect, it } from 'vitest';
import { readActive } from '../../src/lib/parse/active.ts';
import { placeCells } from '../../src/lib/parse/cells.ts';
import { resolveRegion, yearOf } from '../../src/lib/parse/identity.ts';
import { isLetterhead, isRunningHead, toLines } from '../../src/lib/parse/lines.ts';
import { escapeMarkdown, paragraphs } from '../../src/lib/parse/prose.ts';
import { emptyNotes } from '../../src/lib/parse/rows.ts';
import { findSections } from '../../src/lib/parse/sections.ts';
import { tokenize } from '../../src/lib/parse/tokens.ts';

const line = (text: string) => toLines(text)[0]!;
const cells = (text: string) => tokenize(line(text)).map((t) => (t.kind === 'number' ? t.value : t.kind === 'blank' ? null : t.text));

describe('tokens', () => {
  it('reads full-width digits, thousands separators, decimals and units written in the cell', () => {
    expect(cells('行政处罚 １３，２３６ 13,236 18.085682 万元 202万元')).toEqual(['行政处罚', 13236, 13236, 18.085682, 202]);
  });
  it('reads blanks written as /, -, —, 无', () => {
    expect(cells('规章 / - — 无 0')).toEqual(['规章', null, null, null, null, 0]);
  });
  it('keeps 无 that begins a spaced-out label as text', () => {
    expect(cells('（四）无 法提供')).toEqual(['(四)无', '法提供']);
    expect(cells('无 法 提 供')).toEqual(['无', '法', '提', '供']);
  });
  it('keeps a label numbering with its label', () => {
    expect(cells('1. 属于国家秘密 0 1')).toEqual(['1.属于国家秘密', 0, 1]);
    expect(cells('8.属于行政查询事项 0')).toEqual(['8.属于行政查询事项', 0]);
  });
  it('counts empty tab cells as blanks only on lines that hold figures', () => {
    expect(cells('\t\t0\t2')).toEqual([null, null, 0, 2]);
    expect(cells('行政复议\t\t\t行政诉讼')).toEqual(['行政复议', '行政诉讼']);
  });
});

describe('lines', () => {
  it('drops page numbers, keeps line numbers of the source', () => {
    expect(toLines('a\n\n- 5 -\n-2-\n第 3 页\nb').map((l) => [l.no, l.text])).toEqual([[1, 'a'], [6, 'b']]);
  });
  it('recognises letterhead fragments', () => {
    expect(isLetterhead('人民政府办公室文件民和回族土族')).toBe(true);
    expect(isLetterhead('自 治 县')).toBe(true);
    expect(isLetterhead('规章 1 0 1')).toBe(false);
    // White space inside the banner or between the characters, of any kind.
    expect(isLetterhead('民和县人民政府办公室文 件')).toBe(true);
    expect(isLetterhead('自 治\t县')).toBe(true);
    expect(isLetterhead('行政许可 12 3')).toBe(false);
  });
  it('recognises running heads in tables: the body alone, the title repeated', () => {
    expect(isRunningHead('民和回族土族自治县人民 政府')).toBe(true);
    expect(isRunningHead('民和县 2023 年政府信息公开工作年度报告')).toBe(true);
    expect(isRunningHead('行政许可 12 3')).toBe(false);
  });
  it('folds radicals standing for characters, as a PDF viewer copies them (Firefox: 人民 as ⼈⺠)', () => {
    const [title] = toLines('北京市⻔头沟区⼈⺠政府');
    expect(title!.text).toBe('北京市门头沟区人民政府');
    expect(title!.raw).toBe('北京市门头沟区人民政府');
  });
  it('collapses runs of spaces and no-break spaces, drops lines of tabs only', () => {
    expect(toLines('a  \u00a0 b\n\t\t\nc\td').map((l) => [l.no, l.text])).toEqual([[1, 'a b'], [3, 'c\td']]);
  });
});

describe('cells into columns', () => {
  const n = (...vs: number[]) => vs.map((value) => ({ kind: 'number' as const, value, line: 1 }));
  it('seven cells are certain', () => {
    expect(placeCells(n(1, 0, 0, 0, 0, 0, 1), { width: 7, lastIsTotal: true })).toEqual({ values: [1, 0, 0, 0, 0, 0, 1], inferred: [] });
  });
  it('surplus cells: only drops that leave the row adding up', () => {
    const placed = placeCells(n(5, 9, 1, 0, 0, 0, 0, 6), { width: 7, lastIsTotal: true });
    expect(placed.values).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(placed.inferred).toHaveLength(7);
    // The row adds up only without the 9, but a printed 9 is never dropped silently (issue 8, item 3).
    expect(placed.dropped).toEqual([9]);
    expect(placed.doubt).toMatch(/9 dropped/);
  });
  it('surplus zeros dropped: no doubt', () => {
    const placed = placeCells(n(5, 1, 0, 0, 0, 0, 0, 6), { width: 7, lastIsTotal: true });
    expect(placed.values).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(placed.dropped).toBeUndefined();
    expect(placed.doubt).toBeUndefined();
  });
  it('fewer cells: placed by a rule, marked, with doubt where the rule is not certain', () => {
    expect(placeCells(n(9, 9), { width: 7, lastIsTotal: true }).values).toEqual([9, null, null, null, null, null, 9]);
    const doubtful = placeCells(n(2, 3, 5), { width: 7, lastIsTotal: true });
    expect(doubtful.values).toEqual([2, 3, null, null, null, null, 5]);
    expect(doubtful.doubt).toMatch(/not certain/);
  });
  it('a single column with two cells is doubt, not a crash', () => {
    expect(placeCells(n(1, 2), { width: 1 }).doubt).toBeDefined();
  });
});

describe('sections', () => {
  it('numbers repeated inside 总体情况 are not sections; the frame of standard titles is', () => {
    const text = ['一、总体情况', '一、深化重点领域信息公开', '二、加强政策解读', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、结转下年度继续办理 0 0', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况'].join('\n');
    expect(findSections(toLines(text)).map((s) => s.heading)).toEqual(['', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况']);
  });
});

describe('year and issuing body', () => {
  it('the year reported on, not the year of a document number', () => {
    expect(yearOf('刚察县人民政府办公室关于上报刚察县2021年度政府信息公开工作的年度报告', [])).toBe(2021);
    expect(yearOf('某县人民政府二〇二二年政府信息公开工作年度报告', [])).toBe(2022);
  });
  it('a shortened title still resolves', () => {
    expect(resolveRegion('互助县人民政府\n2022年政府信息公开工作年度报告', '')).toMatchObject({ region: { code: '630223' } });
    expect(resolveRegion('民和县回族土族自治县人民政府', '')).toMatchObject({ region: { code: '630222' }, issuer: '民和县回族土族自治县人民政府' });
  });
  it('a prefecture-level city is not the county that shares its short name; a county beside it is the issuer', () => {
    expect(resolveRegion('承德市人民政府2021年政府信息公开工作年度报告', '')).toMatchObject({ region: { code: '130800', name: '承德市' } });
    expect(resolveRegion('承德市承德县人民政府2021年政府信息公开工作年度报告', '')).toMatchObject({ region: { code: '130821' } });
    expect(resolveRegion('海东市民和县人民政府2021年政府信息公开工作年度报告', '')).toMatchObject({ region: { code: '630222' } });
  });
  it('development zones are not administrative units', () => {
    expect(resolveRegion('石家庄高新技术产业开发区管委会2021年政府信息公开工作年度报告', '')).toMatchObject({ rejected: { error: expect.any(String), zh: expect.any(String) } });
  });
});

describe('prose', () => {
  it('joins hard wraps, keeps numbering, starts paragraphs at numbering', () => {
    const text = ['2021 年，我县紧紧围绕经济社会发展总体要求、主要', '预期目标推进政务公开工作，取得了成效。', '（一）加强组织领导。成立了领导小组，明确', '了分管领导。', '一是健全机制。'].join('\n');
    expect(paragraphs(toLines(text))).toEqual(['2021 年，我县紧紧围绕经济社会发展总体要求、主要预期目标推进政务公开工作，取得了成效。', '（一）加强组织领导。成立了领导小组，明确了分管领导。', '一是健全机制。']);
  });
  it('escapes markup: report text is untrusted', () => {
    expect(escapeMarkdown('<script>alert(1)</script> *x* [a](b)')).toBe('\\<script\\>alert(1)\\</script\\> \\*x\\* \\[a\\](b)');
    expect(escapeMarkdown('1. 第一项')).toBe('1\\. 第一项');
  });
});

describe('section 二 in the 2019 format', () => {
  const text = `第二十条第（一）项
信息内容 本年新制作数量 本年新公开数量 对外公开总数量
规章 0 0 0
规范性文件 5 5 87
第二十条第（五）项
信息内容 上一年项目数量 本年增/减 处理决定数量
行政许可 120 -3 4,521
其他对外管理服务事项 15 0 230
第二十条第（六）项
信息内容 上一年项目数量 本年增/减 处理决定数量
行政处罚 310 12 1450
行政强制 25 0 36
第二十条第（八）项
信息内容 上一年项目数量 本年增/减
行政事业性收费 18 -2
第二十条第（九）项
信息内容 采购项目数量 采购总金额
政府集中采购 46 1234.5`;
  it('reads each part by its own header', () => {
    const result = readActive(toLines(text), emptyNotes());
    expect(result).toEqual({
      format: '2019',
      active: {
        regulations: { issued: 0, published: 0, publicTotal: 0 },
        normativeDocuments: { issued: 5, published: 5, publicTotal: 87 },
        licensing: 4521,
        otherServices: 230,
        punishment: 1450,
        coercion: 36,
        fees: null,
        itemCounts: {
          licensing: { previousYear: 120, change: -3 },
          otherServices: { previousYear: 15, change: 0 },
          punishment: { previousYear: 310, change: 12 },
          coercion: { previousYear: 25, change: 0 },
          fees: { previousYear: 18, change: -2 },
        },
        procurement: { projects: 46, amount: 1234.5 },
      },
    });
  });
  it('reads a row of one figure as its decisions (处理决定数量) under a warning: the column it stands in is not printed', () => {
    const notes = emptyNotes();
    const result = readActive(toLines(text.replace('行政强制 25 0 36', '行政强制 11')), notes);
    expect(result?.active.coercion).toBe(11);
    expect(result?.active.itemCounts?.coercion).toEqual({ previousYear: null, change: null });
    expect(notes.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path: 'active.coercion' }));
  });
  it('leaves unread a row printing more figures than columns: no total tells which figure is surplus', () => {
    // Counted over the reading-order study sets, figures kept after such a drop were more often wrong than right.
    const notes = emptyNotes();
    const result = readActive(toLines(text.replace('行政强制 25 0 36', '行政强制 25 7 0 36')), notes);
    expect(result?.active.coercion).toBeNull();
    expect(result?.active.itemCounts?.coercion).toEqual({ previousYear: null, change: null });
    expect(notes.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'cells-unplaced', path: 'active.coercion', unread: true }));
    expect(notes.inferred.filter((i) => i.path.startsWith('active.coercion'))).toEqual([]);
    // Surplus blank marks or zeros that read the same whichever is dropped stay read.
    const zeros = readActive(toLines(text.replace('行政强制 25 0 36', '行政强制 25 0 0 36')), emptyNotes());
    expect(zeros?.active.coercion).toBe(36);
  });
});
