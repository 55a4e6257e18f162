// Section 二 主动公开政府信息情况 (第二十条): parts （一）, （五）, （六）, （八） and, in the 2019 format, （九）.
// Each part's own header says which format it uses: reports often mix the two.
import type { Active, Cell, DocumentCounts } from '../schema.ts';
import { droppedFinding, guardFigures, placeCells, type Measure } from './cells.ts';
import type { Line } from './lines.ts';
import type { Notes } from './rows.ts';
import { findFrom, toStream, type Stream } from './stream.ts';

type StreamCell = Stream['cells'][number];

interface Label {
  key: 'regulations' | 'normativeDocuments' | 'licensing' | 'otherServices' | 'punishment' | 'coercion' | 'fees' | 'procurement';
  label: RegExp;
}
const LABELS: Label[] = [
  { key: 'regulations', label: /规章/ },
  { key: 'normativeDocuments', label: /(?:行政)?规范性文件/ },
  { key: 'licensing', label: /行政许可/ },
  { key: 'otherServices', label: /其他对外管理服务事项|对外管理服务/ },
  { key: 'punishment', label: /行政处罚/ },
  { key: 'coercion', label: /行政强制/ },
  { key: 'fees', label: /行政事业性收费/ },
  { key: 'procurement', label: /政府集中采购/ },
];
/** Text that ends a row without being a row: part titles and header cells. */
const BOUNDARY = /第二十条|信息内容|本年|上一年|处理决定|收费金额|采购项目|采购总金额|现行有效|对外公开总|增\/?减/g;

export const holdsActive = (text: string) => /第二十条/.test(text) || (/行政许可/.test(text) && /行政处罚/.test(text));

/** The 2019 trial format's headers, per part; words short enough to survive scrambled headers. */
const DOCS_2021 = /制发|废止|现行|有效/;
const DOCS_2019 = /制作|对外|新公开/;
// 增 or 减 alone would match a letterhead's place name (增城区): only the header's own pairs count.
const ITEMS_2019 = /上一年|项目数|增\/?减|\/减/;

interface Found {
  key: Label['key'];
  start: number;
  end: number;
}

function findLabels(stream: Stream): Found[] {
  const found: Found[] = [];
  for (const { key, label } of LABELS) {
    const m = findFrom(stream.text, label, 0);
    if (m) found.push({ key, start: m.index, end: m.end });
  }
  // 行政规范性文件 holds no 规章, but 规范性文件 inside it must not be found twice.
  return found.sort((a, b) => a.start - b.start);
}

function boundaries(stream: Stream): number[] {
  const out: number[] = [];
  for (const m of stream.text.matchAll(BOUNDARY)) out.push(m.index);
  return out;
}

/** The header text that governs a row: from the part title (第二十条…) before it to the row. */
function headerBefore(stream: Stream, start: number): string {
  const part = stream.text.lastIndexOf('第二十条', start);
  return stream.text.slice(part >= 0 ? part : Math.max(0, start - 60), start);
}

/** The header of the part that holds `key`, from its caption to its first cell: where reading order
 *  prints the labels apart from their part, this is the header that governs them. */
function partHeader(stream: Stream, key: Label['key']): string {
  const caption = [...stream.text.matchAll(CAPTION)].find((m) => PART_ROWS[m[1]!]?.includes(key));
  if (!caption) return '';
  const end = caption.index + caption[0].length;
  const cell = stream.cells.find((c) => c.offset >= end);
  return stream.text.slice(caption.index, cell ? cell.offset : end + 40);
}

/** The header governing a row: the one before its label, or its part's where that says nothing. */
function headerOf(stream: Stream, f: Found, formats: RegExp): string {
  const before = headerBefore(stream, f.start);
  return formats.test(before) ? before : partHeader(stream, f.key);
}

/** Which rows each part of 第二十条 holds, in table order. */
const PART_ROWS: Record<string, Label['key'][]> = { 一: ['regulations', 'normativeDocuments'], 五: ['licensing', 'otherServices'], 六: ['punishment', 'coercion'], 八: ['fees'], 九: ['procurement'] };
const CAPTION = /第二十条第?\(([一二三四五六七八九])\)项/g;
/** The rows of the part that holds `key`, in table order. */
const partRowsOf = (key: Label['key']): readonly Label['key'][] => Object.values(PART_ROWS).find((keys) => keys.includes(key))!;
/** The labels found of `part`'s rows, in table order. */
const presentRows = (part: readonly Label['key'][], labels: readonly Found[]) => part.filter((r) => labels.some((l) => l.key === r));

/**
 * The cells of `key` where the text prints a part's labels apart from its cells (reading order): the
 * cells after the part's caption (第二十条第（一）项) up to the next caption, cut into the part's rows
 * present, in table order. A header printed among the cells (处理决定数量 after two columns' cells)
 * starts a block of columns: each block holds its columns for every row, row after row. Only where
 * each block's count is whole rows and the blocks' columns add up to the width; otherwise null.
 */
function partCells(stream: Stream, labels: readonly Found[], key: Label['key'], width: number): StreamCell[] | null {
  const captions = [...stream.text.matchAll(CAPTION)].map((m) => ({ part: m[1]!, start: m.index, end: m.index + m[0].length }));
  const k = captions.findIndex((c) => PART_ROWS[c.part]?.includes(key));
  if (k < 0) return null;
  const rows = presentRows(PART_ROWS[captions[k]!.part]!, labels);
  const end = captions[k + 1]?.start ?? Infinity;
  const cells = stream.cells.filter((c) => c.offset >= captions[k]!.end && c.offset <= end);
  const r = rows.indexOf(key);
  if (r < 0) return null;
  const headers = boundaries(stream);
  const blocks: StreamCell[][] = [];
  cells.forEach((c, i) => {
    const before = cells[i - 1];
    if (!before || headers.some((h) => h >= before.offset && h < c.offset)) blocks.push([]);
    blocks.at(-1)!.push(c);
  });
  if (blocks.some((b) => b.length % rows.length !== 0) || blocks.reduce((n, b) => n + b.length / rows.length, 0) !== width) return null;
  return blocks.flatMap((b) => {
    const w = b.length / rows.length;
    return b.slice(r * w, r * w + w);
  });
}

/** A column's header words (global: every one printed counts), short enough to survive headers wrapped and printed side by side. */
interface ColumnWord {
  words: RegExp;
  /** The parts that have this column, in table order: the k-th header so worded is the k-th of them present. */
  parts: readonly string[];
  /** Its column where the part has it (处理决定数量: the third of 2019's items, the only one of 2021's). */
  column: number | ((format: '2019' | '2021') => number);
  format?: '2019' | '2021';
}
const COLUMN_WORDS: readonly ColumnWord[] = [
  { words: /制发/g, parts: ['一'], column: 0, format: '2021' },
  { words: /废止/g, parts: ['一'], column: 1, format: '2021' },
  { words: /现行/g, parts: ['一'], column: 2, format: '2021' },
  { words: /新制/g, parts: ['一'], column: 0, format: '2019' },
  { words: /新公/g, parts: ['一'], column: 1, format: '2019' },
  { words: /对外/g, parts: ['一'], column: 2, format: '2019' },
  { words: /上一年/g, parts: ['五', '六', '八'], column: 0, format: '2019' },
  { words: /增\/?减/g, parts: ['五', '六', '八'], column: 1, format: '2019' },
  { words: /处理决/g, parts: ['五', '六'], column: (format) => (format === '2019' ? 2 : 0) },
  { words: /收费/g, parts: ['八'], column: 0, format: '2021' },
  { words: /采购项/g, parts: ['九'], column: 0 },
  { words: /采购总/g, parts: ['九'], column: 1 },
];
const LABEL_WORDS = new RegExp(LABELS.map((l) => l.label.source).join('|'), 'g');
/** Each part's columns by format (2019 items have 上一年项目数量 and 本年增/减; part 九 has one format). */
const PART_WIDTH: Record<string, Record<'2019' | '2021', number>> = { 一: { 2019: 3, 2021: 3 }, 五: { 2019: 3, 2021: 1 }, 六: { 2019: 3, 2021: 1 }, 八: { 2019: 2, 2021: 1 }, 九: { 2019: 2, 2021: 2 } };

/**
 * The cells of the parts printed column by column apart from their labels (Chromium's PDF of a web
 * page read in reading order: every label first, then each column under its header, parts in caption
 * order, some headers side by side with their figures row by row across them). Each run of figures
 * goes to the columns its header names (the k-th 上一年项目数量 to the k-th part present that has one),
 * its rows in table order. A part is read only where every one of its columns was found once, in one
 * format, each with a figure (or blank mark) for every row present: else which row a figure is, is a
 * guess. Nothing in table 二 adds up to confirm the reading: the rows so read are warned (apart).
 * Returns each row's cells in column order and its part's format, by row key.
 */
function columnsApart(stream: Stream, labels: readonly Found[]): Map<Label['key'], { cells: StreamCell[]; format: '2019' | '2021' }> {
  const present = (part: string) => presentRows(PART_ROWS[part]!, labels);
  // Runs of figures with nothing between them; the header of each is the text since the run before.
  const runs: { header: string; cells: StreamCell[] }[] = [];
  let since = 0;
  stream.cells.forEach((c, i) => {
    if (i > 0 && stream.cells[i - 1]!.offset === c.offset) runs.at(-1)!.cells.push(c);
    else runs.push({ header: stream.text.slice(since, c.offset).replace(LABEL_WORDS, ''), cells: [c] });
    since = c.offset;
  });
  const seen = new Map<ColumnWord, number>();
  const columns = new Map<string, { format?: '2019' | '2021'; word: ColumnWord; cells: StreamCell[] }[]>();
  // Parts whose headers stand over figures of another part's too: which figures are whose is not known.
  const mixed = new Set<string>();
  for (const run of runs) {
    // Every header so worded counts, figures under it or not (a column printed blank, a part's header
    // before the next part's): which header of its kind is which is told by their order alone.
    const words = COLUMN_WORDS.flatMap((w) => Array.from(run.header.matchAll(w.words), () => w));
    const parts = new Set<string>();
    for (const word of words) {
      const k = seen.get(word) ?? 0;
      seen.set(word, k + 1);
      const part = word.parts.filter((p) => present(p).length > 0)[k];
      // More headers so worded than parts that have them: a header printed twice; which is whose is not known.
      if (!part) return new Map();
      parts.add(part);
      columns.set(part, [...(columns.get(part) ?? []), { format: word.format, word, cells: run.cells }]);
    }
    if (parts.size > 1) for (const part of parts) mixed.add(part);
  }
  const out = new Map<Label['key'], { cells: StreamCell[]; format: '2019' | '2021' }>();
  for (const [part, found] of columns) {
    if (mixed.has(part)) continue;
    const rows = present(part);
    const formats = new Set(found.map((f) => f.format).filter((f) => f !== undefined));
    if (formats.size > 1) continue;
    const format = [...formats][0] ?? '2021';
    const width = PART_WIDTH[part]![format];
    const byColumn: (StreamCell | undefined)[][] = rows.map(() => Array(width).fill(undefined));
    let whole = true;
    // The columns of one run (headers side by side), in table order: its figures go row by row across them.
    const groups = new Map<StreamCell[], number[]>();
    for (const f of found) {
      const column = typeof f.word.column === 'number' ? f.word.column : f.word.column(format);
      groups.set(f.cells, [...(groups.get(f.cells) ?? []), column].sort((a, b) => a - b));
    }
    for (const [cells, cols] of groups) {
      if (cells.length !== rows.length * cols.length) whole = false;
      else cells.forEach((c, i) => {
        const column = cols[i % cols.length]!;
        const row = byColumn[Math.floor(i / cols.length)]!;
        if (row[column]) whole = false;
        row[column] = c;
      });
    }
    if (!whole || byColumn.some((row) => row.some((c) => !c))) continue;
    rows.forEach((key, r) => out.set(key, { cells: byColumn[r] as StreamCell[], format }));
  }
  return out;
}

/**
 * The cells of `key` where its part prints each row's cells before the row's label (a word
 * processor's export read in reading order: `3 0 6 规章 0 3 15 规范性文件`): every row of the part
 * present has exactly `width` cells between the last stop before its label and the label, none of
 * them on a label's own lines, and the part's last row has no cell after its label. Else null.
 */
function cellsBeforeLabel(stream: Stream, labels: readonly Found[], stops: readonly number[], key: Label['key'], width: number): StreamCell[] | null {
  const part = partRowsOf(key);
  const rows = labels.filter((l) => part.includes(l.key));
  const lineOf = (f: Found) => [stream.lineAt[f.start]!, stream.lineAt[f.end - 1]!] as const;
  const onLabel = (c: StreamCell) => labels.some((l) => c.token.line >= lineOf(l)[0] && c.token.line <= lineOf(l)[1]);
  const before = (f: Found) => {
    const stop = stops.filter((x) => x < f.start).at(-1) ?? -1;
    return stream.cells.filter((c) => c.offset > stop && c.offset <= f.start);
  };
  const last = rows.at(-1);
  if (!last) return null;
  const next = stops.find((x) => x >= last.end) ?? Infinity;
  if (stream.cells.some((c) => c.offset > last.start && c.offset <= next)) return null;
  if (!rows.every((f) => before(f).length === width && !before(f).some(onLabel))) return null;
  return before(rows.find((f) => f.key === key)!);
}

export interface ActiveResult {
  active: Active;
  format: '2021' | '2019';
}

export function readActive(lines: readonly Line[], notes: Notes): ActiveResult | null {
  const stream = toStream(lines);
  if (!holdsActive(stream.text)) return null;
  const labels = findLabels(stream);
  const stops = [...boundaries(stream), ...labels.map((l) => l.start)].sort((a, b) => a - b);
  const cellsOf = (f: Found): StreamCell[] => {
    const next = stops.find((s) => s >= f.end) ?? Infinity;
    return stream.cells.filter((c) => c.offset > f.start && c.offset <= next);
  };
  // Table 二 has no totals to confirm where its cells go: a row is read for sure only where its cells
  // stand on its label's own lines. The others were placed by the order of the text (labels apart
  // from their cells, or cells after their label); they are warned where that order is in doubt
  // (warnOrderInDoubt, below).
  const taken = new Set<number>();
  const byOrder: { path: string; line: number | undefined; apart: boolean }[] = [];
  const empty: { path: string; line: number | undefined }[] = [];
  // A part printed its cells before its labels: the other rows' label-first reading is in doubt too.
  let cellsFirst = false;
  // A part printed column by column apart from its labels: so may the others be, whatever their order says.
  let columnsFirst = false;

  // Parts printed column by column apart from their labels, for rows with nothing beside their label.
  let decoded: ReturnType<typeof columnsApart> | undefined;
  // Only for a part none of whose rows has a figure beside its label (a layout text's blank row among
  // rows with figures is no such part: nothing to decode there, and no cost).
  const bare = (f: Found) => !cellsOf(f).some((c) => c.token.kind === 'number');
  const apartOf = (key: Label['key']) => {
    const rows = labels.filter((l) => partRowsOf(key).includes(l.key));
    if (!rows.some((f) => f.key === key) || !rows.every(bare)) return undefined;
    return (decoded ??= columnsApart(stream, labels)).get(key);
  };
  /** 2019's items (上一年项目数量, 本年增/减) or 2021's: as the columns read apart say, else as the header does. */
  const itemsFormat2019 = (key: Label['key'], f: Found, words: RegExp) => {
    const apart = apartOf(key);
    return apart ? apart.format === '2019' : ITEMS_2019.test(headerOf(stream, f, words));
  };

  const row = (key: Label['key'], width: number, rule?: { single: number }): Cell[] | null => {
    const f = labels.find((l) => l.key === key);
    const path = `active.${key}`;
    if (!f) return null;
    const line = stream.lineAt[f.start];
    if (line !== undefined) notes.lines[path] = line;
    let cells = cellsOf(f);
    let apart = false;
    const printedBefore = cellsBeforeLabel(stream, labels, stops, key, width);
    if (printedBefore) {
      cells = printedBefore;
      apart = true;
      cellsFirst = true;
      notes.inferred.push({ path, rule: 'cells-before-label: each row of the part printed its cells before its label', line });
    }
    const [first, last] = [stream.lineAt[f.start]!, stream.lineAt[f.end - 1]!];
    const besideLabel = (c: StreamCell) => c.token.line >= first && c.token.line <= last;
    if (!printedBefore && !cells.some((c) => c.token.kind === 'number')) {
      // Nothing beside the label: in reading order a part's labels and its cells stand apart. (A row
      // printed blank after its label, `规章 - - -`, whose part's cells are its own, is no such row.)
      const part = partCells(stream, labels, key, width);
      const byColumns = part ? undefined : apartOf(key);
      if (part && !(part.length === cells.length && part.every((c, i) => c.offset === cells[i]!.offset))) {
        cells = part;
        apart = true;
        notes.inferred.push({ path, rule: 'reading-order-part: cells read after the part\'s caption, its rows in table order', line });
      } else if (byColumns?.cells.length === width) {
        cells = byColumns.cells;
        apart = true;
        columnsFirst = true;
        notes.inferred.push({ path, rule: 'reading-order-columns: each cell read under its column\'s header, the parts in caption order, its rows in table order', line });
      }
    }
    for (const c of cells) taken.add(c.offset);
    if (cells.length === 0) empty.push({ path, line });
    else if (apart || !cells.every(besideLabel)) byOrder.push({ path, line, apart });
    let tokens = cells.map((c) => c.token);
    const yuan = tokens.some((t) => t.kind === 'number' && t.yuan);
    if (yuan && key === 'fees') {
      // The column is in 万元; a cell written in 元 is converted, and says so.
      tokens = tokens.map((t) => (t.kind === 'number' && t.yuan ? { ...t, value: t.value / 10000 } : t));
      notes.inferred.push({ path: `${path}`, rule: 'yuan-converted-to-wanyuan', line });
    }
    // One figure in a part with several columns: the decisions (处理决定数量), printed last.
    // 收费 and 采购总金额 are money (万元); every other cell counts cases or items.
    const measureOf = (index: number): Measure => (key === 'fees' || (key === 'procurement' && index === 1) ? 'amount' : 'count');
    const guard = (values: Cell[]) => {
      const guarded = guardFigures(path, values, tokens, measureOf, line);
      notes.findings.push(...guarded.findings);
      return guarded.values;
    };
    const numbers = tokens.filter((t) => t.kind === 'number');
    if (rule && numbers.length === 1 && tokens.length === 1) {
      const values: Cell[] = Array(width).fill(null);
      values[rule.single] = (numbers[0] as { value: number }).value;
      notes.inferred.push({ path, rule: 'single-cell-as-decisions', line });
      // Most reports fill only that column, but without positions nothing says it is not 上一年项目数量.
      notes.findings.push({ severity: 'warning', code: 'cells-inferred', message: `${path}: 1 figure for ${width} columns: read as the decisions (处理决定数量); which column it stands in is not certain`, path, line });
      return guard(values);
    }
    // Two figures in a part of three columns: the first and the last. The last (现行有效件数, 对外公开总数量,
    // 处理决定数量) is the one a report fills most, the middle (本年废止件数, 本年增/减) the one it leaves
    // blank most; left-aligned, the second figure would go to the middle. A figure below 0 can only be
    // 本年增/减 (the middle): then the other is the column beside it on its side.
    if (width === 3 && numbers.length === 2 && tokens.length === 2) {
      const [a, b] = (numbers as { value: number }[]).map((t) => t.value) as [number, number];
      const values: Cell[] = b < 0 ? [a, b, null] : a < 0 ? [null, a, b] : [a, null, b];
      const blank = values.indexOf(null);
      values.forEach((v, i) => v !== null && notes.inferred.push({ path: `${path}[${i}]`, rule: 'two-cells-beside-a-blank', line }));
      notes.findings.push({ severity: 'warning', code: 'cells-inferred', message: `${path}: 2 figures for 3 columns: read with the ${['first', 'middle', 'last'][blank]} column left blank${blank === 1 ? ' (the one reports leave blank most)' : ' (a figure below 0 is 本年增/减, the middle)'}; which column was left blank is not certain`, path, line });
      return guard(values);
    }
    const placed = placeCells(tokens, { width });
    // More figures than columns where dropping either reads otherwise: table 二's rows have no total
    // to tell which is surplus, so any keeping is a guess (over the study sets, more often wrong).
    if (placed.doubt && placed.inferred.some((i) => i.rule.startsWith('surplus-cells-dropped'))) {
      notes.findings.push({ severity: 'warning', code: 'cells-unplaced', message: `${path}: ${placed.doubt}; no total tells which figure is surplus, so the row is left unread`, path, line, unread: true });
      return guard(Array<Cell>(width).fill(null));
    }
    notes.findings.push(...droppedFinding(path, placed, line));
    for (const { index, rule: r } of placed.inferred) notes.inferred.push({ path: width > 1 ? `${path}[${index}]` : path, rule: r, line });
    if (placed.doubt && placed.inferred.length === 0 && numbers.length > 0) {
      notes.findings.push({ severity: 'warning', code: 'cells-unplaced', message: `${path}: ${placed.doubt}`, path, line, unread: true });
    } else if (placed.inferred.length > 0) {
      notes.findings.push({ severity: 'warning', code: 'cells-inferred', message: `${path}: ${placed.doubt ?? placed.inferred[0]!.rule}`, path, line });
    }
    return guard(placed.values);
  };
  const missing = (key: string) =>
    notes.findings.push({ severity: 'warning', code: 'row-missing', message: `active.${key}: row not found in the report`, path: `active.${key}`, unread: true });

  const docs = (key: 'regulations' | 'normativeDocuments', format: '2021' | '2019'): DocumentCounts => {
    const v = row(key, 3);
    if (!v) {
      missing(key);
      return null;
    }
    return format === '2019' ? { issued: v[0]!, published: v[1]!, publicTotal: v[2]! } : { issued: v[0]!, repealed: v[1]!, inForce: v[2]! };
  };

  const first = labels.find((l) => l.key === 'regulations' || l.key === 'normativeDocuments');
  const docsHeader = first ? headerOf(stream, first, new RegExp(`${DOCS_2021.source}|${DOCS_2019.source}`)) : '';
  const docsApart = apartOf('regulations') ?? apartOf('normativeDocuments');
  const format: '2021' | '2019' = docsApart ? docsApart.format : !DOCS_2021.test(docsHeader) && DOCS_2019.test(docsHeader) ? '2019' : '2021';
  const active: Active = {
    regulations: docs('regulations', format),
    normativeDocuments: docs('normativeDocuments', format),
    licensing: null,
    punishment: null,
    coercion: null,
    fees: null,
  };
  const itemCounts: NonNullable<Active['itemCounts']> = {};
  for (const key of ['licensing', 'otherServices', 'punishment', 'coercion'] as const) {
    const f = labels.find((l) => l.key === key);
    if (!f) {
      if (key !== 'otherServices') missing(key);
      continue;
    }
    const itemFormat = itemsFormat2019(key, f, /处理决定|上一年|项目数|增\/?减/);
    const v = itemFormat ? row(key, 3, { single: 2 }) : row(key, 1);
    if (!v) continue;
    active[key] = v.at(-1)!;
    if (itemFormat) itemCounts[key] = { previousYear: v[0]!, change: v[1]! };
  }
  const fees = labels.find((l) => l.key === 'fees');
  if (!fees) missing('fees');
  else if (itemsFormat2019('fees', fees, /收费金额|上一年|项目数|增\/?减/)) {
    const v = row('fees', 2);
    if (v) itemCounts.fees = { previousYear: v[0]!, change: v[1]! };
  } else {
    active.fees = row('fees', 1)?.[0] ?? null;
    checkFeesUnit(active, headerBefore(stream, fees.start), notes, stream.lineAt[fees.start]);
  }
  if (labels.some((l) => l.key === 'procurement')) {
    const v = row('procurement', 2);
    if (v) active.procurement = { projects: v[0]!, amount: v[1]! };
  } else if (/采购项目数量|采购总金额/.test(stream.text) || [...stream.text.matchAll(CAPTION)].some((m) => m[1] === '九')) {
    // Part 九 printed (its caption or its header) without its row: missing, as any other row.
    missing('procurement');
  }
  if (Object.keys(itemCounts).length > 0) active.itemCounts = itemCounts;
  // A row with nothing beside its label is blank as printed, unless the table holds figures that no
  // row took: then its figures are likely among them, and it is unread, not blank.
  const untaken = stream.cells.filter((c) => c.token.kind === 'number' && !taken.has(c.offset)).length;
  const unread = untaken > 0 ? empty : [];
  warnBlankAfterOrdered(labels, byOrder, unread.length > 0 ? [] : empty, notes);
  // Such a row also puts the rows placed by order in doubt: its figures may be the ones they took.
  warnOrderInDoubt(stream, byOrder, taken, notes, cellsFirst ? 'before' : columnsFirst ? 'columns' : null, unread.length > 0 ? untaken : 0);
  for (const { path, line } of unread) {
    notes.findings.push({ severity: 'warning', code: 'cells-unplaced', message: `${path}: no cells beside its label, and ${untaken} figure(s) of the table belong to no row`, path, line, unread: true });
  }
  return { active, format };
}

/**
 * A row that printed nothing beside its label, right after a row of its part whose cells stand on
 * lines of their own between the two labels: in reading order those cells may be either row's (a
 * row's cells printed before its label), and nothing in table 二 adds up to tell. The row that took
 * them is warned, and the empty one is unread, not blank. (Layout text prints a row's cells beside
 * its label: no such row.)
 */
function warnBlankAfterOrdered(
  labels: readonly Found[],
  byOrder: readonly { path: string; line: number | undefined; apart: boolean }[],
  empty: readonly { path: string; line: number | undefined }[],
  notes: Notes,
): void {
  for (const blank of empty) {
    const at = labels.findIndex((l) => `active.${l.key}` === blank.path);
    const before = labels[at - 1];
    if (at < 1 || !before || !partRowsOf(labels[at]!.key).includes(before.key)) continue;
    const ordered = byOrder.find((r) => r.path === `active.${before.key}` && !r.apart);
    if (!ordered) continue;
    notes.findings.push({
      severity: 'warning',
      code: 'cells-inferred',
      message: `${ordered.path}: its cells stand on lines of their own between its label and that of ${blank.path}, which printed nothing: they may be that row's`,
      path: ordered.path,
      line: ordered.line,
    });
    notes.findings.push({
      severity: 'warning',
      code: 'cells-unplaced',
      message: `${blank.path}: nothing beside its label, and the cells printed between it and the label of ${ordered.path} may be its own`,
      path: blank.path,
      line: blank.line,
      unread: true,
    });
  }
}

/**
 * Rows placed by the text's order are warned where that order is in doubt: their labels stood apart
 * from their cells (a guess at which cells are whose), or the table holds cells that no row took,
 * before its last row's cells (printed before their label, or in another order than label-first), or a
 * part printed its cells before its labels or column by column apart from them (otherPart).
 * Without the warning such a row's figures would go to the page and the rankings unmarked: nothing
 * in table 二 adds up to tell them wrong.
 */
function warnOrderInDoubt(
  stream: Stream,
  byOrder: readonly { path: string; line: number | undefined; apart: boolean }[],
  taken: ReadonlySet<number>,
  notes: Notes,
  /** Another part printed its cells before its labels, or column by column apart from them. */
  otherPart: 'before' | 'columns' | null = null,
  unplaced = 0,
): void {
  const cellsFirst = otherPart !== null;
  if (byOrder.length === 0) return;
  let lastTaken = -1;
  for (const offset of taken) if (offset > lastTaken) lastTaken = offset;
  const stray = stream.cells.filter((c) => !taken.has(c.offset) && c.offset < lastTaken).length;
  for (const { path, line, apart } of byOrder) {
    if (!apart && stray === 0 && !cellsFirst && unplaced === 0) continue;
    if (notes.findings.some((f) => f.path === path && f.severity !== 'info')) continue;
    const why = apart
      ? 'its label stands apart from its cells; they were taken in table order from the part\'s cells'
      : stray > 0
        ? `its cells stand on other lines than its label, and ${stray} cell(s) of the table belong to no row: the text's order decided the row`
        : unplaced > 0 && !cellsFirst
          ? `its cells stand on other lines than its label, and a row printed nothing beside its label while ${unplaced} figure(s) of the table belong to no row: the text's order decided the row`
          : `its cells stand on other lines than its label, and another part of the table printed its cells ${otherPart === 'columns' ? 'column by column apart from' : 'before'} its labels: the text's order decided the row`;
    notes.findings.push({ severity: 'warning', code: 'cells-inferred', message: `${path}: ${why}`, path, line });
  }
}

/** 10亿元: more 行政事业性收费 than a county collects in a year; in 万元 such a figure was likely printed in 元. */
export const FEES_IMPLAUSIBLE = 100_000;

/**
 * 本年收费金额 is asked in 万元. A header that says 元 means the figure is in 元: converted, and said so.
 * A figure no county collects in 万元 is flagged for a person to look at (not converted: it may be right).
 */
function checkFeesUnit(active: Active, header: string, notes: Notes, line: number | undefined): void {
  const fees = active.fees;
  if (fees === null || fees === undefined) return;
  const converted = notes.inferred.some((i) => i.path === 'active.fees' && i.rule === 'yuan-converted-to-wanyuan');
  if (!converted && /单位:?元|\(元\)/.test(header) && !/万元/.test(header)) {
    active.fees = Math.round((fees / 10000) * 1e8) / 1e8;
    notes.inferred.push({ path: 'active.fees', rule: 'yuan-converted-to-wanyuan', line });
    notes.findings.push({ severity: 'warning', code: 'fees-unit', message: `active.fees: the table's header gives the amount in 元, not 万元: ${fees} 元 read as ${active.fees} 万元`, path: 'active.fees', line });
  } else if (fees >= FEES_IMPLAUSIBLE) {
    notes.findings.push({ severity: 'warning', code: 'fees-unit', message: `active.fees: ${fees} 万元 (${fees / 10000} 亿元) is more than a county collects in a year; the figure may be in 元`, path: 'active.fees', line });
  }
}
