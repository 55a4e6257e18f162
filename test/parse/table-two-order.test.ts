// Table 二 in reading order (text without positions: plain pdftotext, text copied out of a viewer).
// Nothing in table 二 adds up, so a cell placed in the wrong row would reach the page and the rankings
// with no identity failing: every row whose cells the text's order placed, where that order is in
// doubt, carries a warning on its row (reportMarks then marks its figures), and none where it is not.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readActive } from '../../src/lib/parse/active.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import { toLines } from '../../src/lib/parse/lines.ts';
import { emptyNotes } from '../../src/lib/parse/rows.ts';
import { touchesRow } from '../../src/lib/site/data/marks.ts';

const read = (text: string) => {
  const notes = emptyNotes();
  const result = readActive(toLines(text), notes);
  const warned = notes.findings.filter((f) => f.severity !== 'info').map((f) => f.path);
  return { active: result?.active, warned };
};

// 2019 format, as LibreOffice's PDF reads without -layout: each part's labels first, then its caption
// and headers, then the cells of its first two columns row by row, then the header of the third
// column and its cells (gen-7001-0-libreoffice).
const blocks = ['第二十条第（五）项', '信息内容', '行政许可', '其他对外管理服务事项', '第二十条第（五）项', '上一年项目数量', '本年增/减', '112', '无', '242', '24', '处理决定数量', '1108', '459',
  '信息内容', '行政处罚', '行政强制', '第二十条第（六）项', '上一年项目数量', '本年增/减', '193', '36', '79', '-10', '处理决定数量', '54', '11'].join('\n');

describe('a row left unread beside rows placed by order', () => {
  // LibreOffice's PDF as pdftotext reads it without -layout (fresh set, seed 7401): 规章 printed blank
  // and 行政规范性文件's cells 1 1 24 printed before its label, after 规章's; a figure of the table
  // belongs to no row.
  const text = ['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '规章', '1', '1', '24', '行政规范性文件', '信息内容', '行政许可', '',
    '第二十条第（五）项', '本年处理决定数量', '-', '', '信息内容', '行政处罚', '行政强制', '', '第二十条第（六）项', '本年处理决定数量', '631', '46', '第二十条第（八）项', '本年收费金额（单位：万元）', '854.0000', '',
    '信息内容', '行政事业性收费', '信息内容', '政府集中采购', '', '第二十条第（九）项', '采购项目数量', '2'].join('\n');

  it('warns on the rows the order placed: the unread row\'s figures may be the ones they took', () => {
    const { warned } = read(text);
    expect(warned).toContain('active.normativeDocuments');
    expect(warned).toContain('active.regulations');
  });
});

describe('a row printed blank after a row whose cells stand on lines of their own', () => {
  // LibreOffice's PDF as pdftotext reads it without -layout (fresh set, seed 7901): 规章 printed blank
  // and 行政规范性文件's cells 0 0 17 printed between the two labels, each on a line of its own; every
  // figure is taken. Read in the text's order they are 规章's: nothing tells, so both rows are in doubt.
  const lines = ['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '规章', '0', '0', '17', '行政规范性文件',
    '第二十条第（五）项', '信息内容', '行政许可', '', '本年处理决定数量', '22', '第二十条第（六）项', '', '信息内容', '行政处罚', '行政强制', '', '本年处理决定数量', '1817', '68',
    '第二十条第（八）项', '', '信息内容', '行政事业性收费', '', '本年收费金额（单位：万元）', '228.7547', '', '三、收到和处理政府信息公开申请情况'];

  it('warns on the row the order placed, and leaves the blank row unread, not blank', () => {
    const notes = emptyNotes();
    const result = readActive(toLines(lines.join('\n')), notes);
    expect(result?.active.regulations).toEqual({ issued: 0, published: 0, publicTotal: 17 });
    const warned = notes.findings.filter((f) => f.severity !== 'info');
    expect(warned.map((f) => f.path)).toContain('active.regulations');
    expect(warned.find((f) => f.path === 'active.normativeDocuments')?.unread).toBe(true);
  });

  it('keeps a row whose cells stand beside its label, before a blank row, unwarned (layout text)', () => {
    const layout = lines.join('\n').replace('规章\n0\n0\n17', '规章    0    0    17');
    const { warned } = read(layout);
    expect(warned).not.toContain('active.regulations');
    expect(warned).not.toContain('active.normativeDocuments');
  });
});

describe('table 二 with its labels apart from its cells', () => {
  it('reads a part printed in blocks of columns, each block row by row', () => {
    const { active } = read(blocks.replace('第二十条第（五）项\n信息内容', '信息内容'));
    expect(active).toMatchObject({
      licensing: 1108,
      otherServices: 459,
      punishment: 54,
      coercion: 11,
      itemCounts: {
        licensing: { previousYear: 112, change: null },
        otherServices: { previousYear: 242, change: 24 },
        punishment: { previousYear: 193, change: 36 },
        coercion: { previousYear: 79, change: -10 },
      },
    });
  });

  it('warns on every row whose cells were taken from its part in table order', () => {
    const { warned } = read(blocks.replace('第二十条第（五）项\n信息内容', '信息内容'));
    expect(warned).toEqual(expect.arrayContaining(['active.licensing', 'active.otherServices', 'active.punishment', 'active.coercion']));
  });

  it('leaves a part whose cells make no whole rows unread, not blank', () => {
    const notes = emptyNotes();
    const active = readActive(toLines(blocks.replace('第二十条第（五）项\n信息内容', '信息内容').replace('\n459\n', '\n')), notes)?.active;
    expect([active?.licensing, active?.otherServices]).toEqual([null, null]);
    const unread = notes.findings.filter((f) => f.unread).map((f) => f.path);
    expect(unread).toEqual(expect.arrayContaining(['active.licensing', 'active.otherServices']));
    // The other part's rows, read whole, are not unread.
    expect(unread).not.toContain('active.punishment');
  });
});

describe('table 二 with cells printed before their labels', () => {
  // gen-7001-4-libreoffice: the cells of a row, then its label: label-first reading gives 规章 the
  // cells of 规范性文件.
  const text = ['第二十条第（一）项', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '0', '0', '325', '规章', '71', '57', '479', '规范性文件',
    '第二十条第（五）项', '信息内容', '处理决定数量', '行政许可', '745', '第二十条第（六）项', '信息内容', '处理决定数量', '行政处罚', '350', '行政强制', '16'].join('\n');
  it('warns on the rows the order placed, since cells before them belong to no row', () => {
    const { warned } = read(text);
    expect(warned).toContain('active.regulations');
    expect(warned).toContain('active.licensing');
  });
});

describe('no warning where the order is not in doubt', () => {
  it('one cell a line, every label before its own cells (a row printed blank included)', () => {
    const text = ['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '/', '/', '/', '规范性文件', '5', '0', '29',
      '第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可', '847', '第二十条第（六）项', '信息内容', '本年处理决定数量', '行政处罚', '12', '行政强制', '3',
      '第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）', '行政事业性收费', '1956.00'].join('\n');
    const { active, warned } = read(text);
    expect(active).toMatchObject({ regulations: { issued: null, repealed: null, inForce: null }, normativeDocuments: { issued: 5, repealed: 0, inForce: 29 }, licensing: 847, punishment: 12, coercion: 3 });
    expect(warned).toEqual([]);
  });

  it('rows with their cells on the label\'s line', () => {
    const text = ['第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数', '规章 - - -', '规范性文件 22 0 87', '第二十条第（五）项', '信息内容 本年处理决定数量', '行政许可 1',
      '第二十条第（六）项', '信息内容 本年处理决定数量', '行政处罚 -', '行政强制 6', '第二十条第（八）项', '信息内容 本年收费金额（单位：万元）', '行政事业性收费 1956.00'].join('\n');
    const { active, warned } = read(text);
    expect(active).toMatchObject({ normativeDocuments: { issued: 22, repealed: 0, inForce: 87 }, licensing: 1, punishment: null, coercion: 6 });
    expect(warned).toEqual([]);
  });
});

describe('reading-order reports against their truth', () => {
  // Every figure of table 二 a page would show that differs from the report is warned on its row
  // (a finding touching the row, as reportMarks reads them to mark a ranking's figures).
  const figures = (active: Record<string, unknown>): [string, unknown][] =>
    Object.entries(active).flatMap(([key, v]) =>
      key === 'itemCounts'
        ? Object.entries(v as Record<string, Record<string, unknown>>).flatMap(([row, c]) => Object.entries(c).map(([k, x]): [string, unknown] => [`${row}.${k}`, x]))
        : v !== null && typeof v === 'object'
          ? Object.entries(v).map(([k, x]): [string, unknown] => [`${key}.${k}`, x])
          : [[key, v]],
    );
  it.each(['reading-order', 'reading-order-heldout'])('test/fixtures/%s: no wrong figure of table 二 without a warning on its row', (set) => {
    const dir = new URL(`../fixtures/${set}/`, import.meta.url);
    let compared = 0;
    let wrong = 0;
    const silent: string[] = [];
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const truth = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.json'), dir), 'utf8'));
      const result = parseReport(readFileSync(new URL(name, dir), 'utf8'), { source: name });
      if (!result.ok) continue;
      const { report } = result;
      const shown = new Map(figures(report.active as unknown as Record<string, unknown>));
      for (const [path, value] of figures(truth.active)) {
        const got = shown.get(path);
        compared++;
        if (got === undefined || got === null || got === value) continue;
        wrong++;
        const row = `active.${path.split('.')[0]}`;
        if (!report.findings.some((f) => f.path && f.severity !== 'info' && touchesRow(f.path, row))) silent.push(`${name} ${path}: printed ${String(value)}, read ${String(got)}`);
      }
    }
    console.log(`${set}: ${compared} figures of table 二, ${wrong} read wrong, ${silent.length} of them without a warning`);
    expect(compared).toBeGreaterThan(200);
    expect(silent).toEqual([]);
  });
});

// Chromium's PDF of a web page as pdftotext reads it without -layout (fresh sets, seeds 7301-7501): all
// of table 二's labels first, then its columns one header at a time: each part's first column in caption
// order, then the other columns, some headers printed side by side (their words interleaved).
const byColumn = (lines: string[]) =>
  ['二、主动公开政府信息情况', '信息内容', '规章', '行政规范性文', '件', '信息内容', '行政许可', '其他对外管理', '服务事项', '信息内容', '行政处罚', '行政强制', '信息内容', '行政事业性收', '费',
    '信息内容', '政府集中采购', ...lines].join('\n');
const columns = byColumn(['第二十条第（一）项', '本年新制', '作数量', '0', '112', '第二十条第（五）项', '上一年项', '目数量', '167', '153', '第二十条第（六）项', '上一年项', '目数量', '2', '9',
  '第二十条第（八）项', '上一年项', '目数量', '27', '第二十条第（九）项', '采购项', '目数量', '1417', '本年新公', '开数量', '0', '2', '对外公开', '总数量', '0', '102', '本年增/减', '-24', '38',
  '处理决', '定数量', '5', '722', '本年增/减', '0', '0', '处理决', '定数量', '273', '91', '本年增/减', '0', '采购总金额', '1611.9423']);

describe('table 二 printed column by column after all its labels', () => {
  it('reads each column under its header, the parts in caption order, the rows in table order', () => {
    const { active } = read(columns);
    expect(active).toMatchObject({
      regulations: { issued: 0, published: 0, publicTotal: 0 },
      normativeDocuments: { issued: 112, published: 2, publicTotal: 102 },
      licensing: 5,
      otherServices: 722,
      punishment: 273,
      coercion: 91,
      itemCounts: {
        licensing: { previousYear: 167, change: -24 },
        otherServices: { previousYear: 153, change: 38 },
        punishment: { previousYear: 2, change: 0 },
        coercion: { previousYear: 9, change: 0 },
        fees: { previousYear: 27, change: 0 },
      },
      procurement: { projects: 1417, amount: 1611.9423 },
    });
  });

  it('warns on every row so read: nothing in table 二 adds up to confirm it', () => {
    const { warned } = read(columns);
    expect(warned).toEqual(expect.arrayContaining(['active.regulations', 'active.normativeDocuments', 'active.licensing', 'active.otherServices', 'active.punishment', 'active.coercion', 'active.fees', 'active.procurement']));
  });

  it('reads columns whose headers are printed side by side, row by row across them', () => {
    const { active } = read(byColumn(['第二十条第（一）项', '本年新制', '本年新公', '作数量', '开数量', '3', '2', '52', '41', '第二十条第（五）项', '上一年项', '本年增/减', '目数量', '350', '0', '154', '-23',
      '第二十条第（六）项', '对外公开', '总数量', '245', '189', '处理决', '定数量', '86', '10817', '上一年项', '处理决', '本年增/减', '目数量', '定数量', '1', '0', '2', '5', '0', '372']));
    expect(active).toMatchObject({
      regulations: { issued: 3, published: 2, publicTotal: 245 },
      normativeDocuments: { issued: 52, published: 41, publicTotal: 189 },
      licensing: 86,
      otherServices: 10817,
      punishment: 2,
      coercion: 372,
      itemCounts: { licensing: { previousYear: 350, change: 0 }, otherServices: { previousYear: 154, change: -23 }, punishment: { previousYear: 1, change: 0 }, coercion: { previousYear: 5, change: 0 } },
    });
  });

  it('leaves a part unread where a column holds fewer figures than the part has rows (which row is blank is not known)', () => {
    const { active, warned } = read(columns.replace('处理决\n定数量\n5\n722', '处理决\n定数量\n722'));
    expect(active?.licensing).toBeNull();
    expect(active?.otherServices).toBeNull();
    expect(active?.itemCounts?.licensing).toEqual({ previousYear: null, change: null });
    expect(warned).toEqual(expect.arrayContaining(['active.licensing', 'active.otherServices']));
    // The other parts are read all the same.
    expect(active?.punishment).toBe(273);
  });
});

describe('table 二 as a word processor prints it, a row blank (national corpus, 130224 2023)', () => {
  // 行政许可 printed blank, its header and part 六's header both before 行政处罚's figure: that figure is
  // 行政处罚's alone, not a column of part 五 printed apart.
  const text = ['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容  本年制发件数  本年废止件数  现行有效件数', '规章', '规范性文件  20  /  132', '第二十条第（五）项', '信息', '内容',
    '本年处', '理决', '定数', '量', '行政许可', '第二十条第（六）项', '信息', '内容', '本年', '处理', '决定', '数量', '行政处罚  8,331', '行政强制  7', '第二十条第（八）项', '信息', '内容',
    '本年收费金额（单位：万元）', '行政事业性收费  383.0000'].join('\n');

  it('keeps the blank row blank', () => {
    const { active } = read(text);
    expect(active).toMatchObject({ licensing: null, punishment: 8331, coercion: 7, fees: 383 });
  });
});
