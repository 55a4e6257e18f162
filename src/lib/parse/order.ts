// Tables in reading order (pdftotext without -layout, text copied out of a PDF viewer): a row's cells
// may come before its label, several labels may come before their cells, and a wrapped label's pieces
// land among the numbers of neighbouring rows. What such text keeps is the order of the cells: the
// table's figures, row by row, left to right. So the rows present are found by their labels anywhere in
// the region, the cells are cut into those rows in table order, and the cut is chosen by the table's
// own arithmetic (each row adds up to its 总计). Used only where reading by labels does not add up.
import type { Cell } from '../schema.ts';
import { MAX_WRAPPED, printedDigits, unwrapRow, type RowShape } from './cells.ts';
import type { RowDef } from './rows.ts';
import { decodeBlocks, MAX_TWO_PASS_ROWS, type ColumnIdentity, type ShuffleCache } from './blocks.ts';
import { findLabel, type Stream } from './stream.ts';
import type { Token } from './tokens.ts';

export type Depth = 'cuts' | 'untangled' | 'all';

export interface OrderedRows {
  /** Values of every row present, by JSON path. */
  values: Map<string, Cell[]>;
  /** Source line of each row's first cell (or its label where the row printed none). */
  lines: Map<string, number>;
  rule: string;
  /** Set when more than one reading fits, or a row's blanks cannot be placed. */
  doubt?: string;
  /** Rows printed out of order whose figures `place` put where the table's identities require. */
  placed?: string[];
  /** Cuts of the cells into rows as good as this one (1 where it is the only one). */
  ways: number;
  /** Whether no other cut as good as this one reads another table that passes the identities. */
  certain(this: OrderedRows): boolean;
  /** Rows read without their blank cells, their figures placed from the left (not certain). */
  partial: number;
  /** Rows that printed cells (blank marks count), as against rows that printed nothing. */
  printed: ReadonlySet<string>;
}

/**
 * Where a row printed out of order stands: given every row read (the jumbled ones as printed), the
 * jumbled rows' values from the table's other identities, or null where they cannot be told.
 */
export type PlaceJumbled = (values: Map<string, Cell[]>, jumbled: readonly string[]) => Map<string, Cell[]> | null;

const sum = (xs: readonly Cell[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
const addsUp = (xs: readonly Cell[]) => xs.length >= 2 && Math.abs(sum(xs.slice(0, -1)) - (xs.at(-1) ?? 0)) < 1e-9;

/** Rows whose label the region holds anywhere after `from`, in table order (groups are headings, not rows). */
export function rowsPresent(stream: Stream, defs: readonly RowDef[], from: number): RowDef[] {
  return defs.filter((d) => !d.group && findLabel(stream, d.label, from) !== null);
}

interface Segment {
  start: number;
  length: number;
  /** The row's values where the run is one row of a block printed as strips. */
  values?: Cell[];
  /** A full row whose cells were printed out of order: its total is among them, not last. */
  jumbled?: true;
  /** A full row some of whose figures wrapped onto the lines after it (`unwrapRow`). */
  wrapped?: true;
}

/** At most this many rows printed as one block of strips. */
const MAX_TANGLE = 12;
/** At most this many sets of joins are made by `wrapJoins`; more is no reading. */
const MAX_WRAP_SETS = 64;

/** A figure's printed digits, or null where it printed anything else (a sign, a point, a blank mark). */
export const digitsOf = (c: { token: Token }) => printedDigits(c.token);

/**
 * Where a figure may be wrapped inside its cell (see `wrapJoins`): the cells' width (the widest
 * figure's digits) and each k where cell k, of exactly that width, may go on in cell k + 1, printed on
 * the next line with no label text between and no wider.
 */
export function wrapPoints(cells: readonly { token: Token; offset: number }[]): { width: number; wraps: number[] } {
  const width = Math.max(0, ...cells.map((c) => digitsOf(c)?.length ?? 0));
  const wraps = cells.flatMap((c, k) => {
    const next = cells[k + 1];
    const [a, b] = [digitsOf(c), next ? digitsOf(next) : null];
    return width >= 2 && a && b && a.length === width && b.length <= width && next!.offset === c.offset && next!.token.line === c.token.line + 1 ? [k] : [];
  });
  return { width, wraps };
}

/**
 * Figures wrapped inside their cells (LibreOffice, full-width digits in narrow columns): a figure's
 * digits fill a line of its cell and go on on the next (2041 as 204, then 1), unlike Chromium's rests
 * after the whole row (`unwrapRow`). The cells' width is the widest figure printed; a wrap is a figure
 * of exactly that many digits followed on the next line, with no label text between, by a figure of
 * at most as many, and a figure's first line never starts with 0. A whole figure of that width
 * followed by the next cell's looks the same: every set of `joins` wraps is returned, as the cells
 * with each set's figures joined (with the cells' width), or null where there are more than
 * MAX_WRAP_SETS sets or none.
 */
export function wrapJoins<T extends { token: Token; offset: number }>(cells: readonly T[], joins: number): { width: number; sets: T[][] } | null {
  const { width, wraps } = wrapPoints(cells);
  if (joins < 1 || width < 2) return null;
  const chosen: number[][] = [];
  const choose = (from: number, set: number[]): boolean => {
    if (set.length === joins) return chosen.push(set) <= MAX_WRAP_SETS;
    for (let i = from; i <= wraps.length - (joins - set.length); i++) if (!choose(i + 1, [...set, wraps[i]!])) return false;
    return true;
  };
  if (wraps.length < joins || !choose(0, [])) return null;
  const sets = chosen.flatMap((set) => {
    const at = new Set(set);
    if (set.some((k) => !at.has(k - 1) && digitsOf(cells[k]!)!.startsWith('0'))) return [];
    const out: T[] = [];
    cells.forEach((c, k) => {
      if (!at.has(k - 1)) return void out.push(c);
      const head = out.at(-1)!;
      const printed = `${digitsOf(head)}${digitsOf(c)}`;
      out[out.length - 1] = { ...head, token: { kind: 'number', value: Number(printed), line: head.token.line, printed } };
    });
    return [out];
  });
  return sets.length > 0 ? { width, sets } : null;
}

/**
 * Cuts `cells` (in reading order) into one run per row, in table order. A run is a full row that adds
 * up (`width` cells), a row printed without its blank cells (2 to width-1 cells that add up), nothing
 * (a row left blank), or, with `strips`, a block of 2 to 12 full rows printed as vertical strips
 * (`readStrips`) in which every row adds up. The best cut has the most full rows, blocks costing a
 * little (a plain cut first); `ways` counts the distinct best cuts. With `jumbled`, a run may also be
 * a full row printed out of order (its largest figure the sum of the others, but not last), counted
 * between a full row and a partial one: the caller places its figures by the table's other identities.
 */
export function cutIntoRows(
  cells: readonly Cell[],
  rows: number,
  shape: RowShape,
  strips = false,
  jumbled = false,
  /** Runs may also be rows with figures wrapped onto the lines after them (`unwrapRow`). */
  wraps = false,
): { runs: Segment[]; ways: number; tangled: number; wrapped: number; allCuts: () => Segment[][] | null } | null {
  const { width } = shape;
  const n = cells.length;
  const runFits = (start: number, length: number) => {
    if (length === 0) return true;
    if (start + length > n || length > width) return false;
    const run = cells.slice(start, start + length);
    if (!shape.lastIsTotal) return length === width;
    return length >= 2 && addsUp(run);
  };
  // Whether a run fits depends on its cells alone, not on the row: each is checked once (0 not yet, 1 no, 2 yes).
  const fitsSeen = new Uint8Array((n + 1) * (width + 1));
  const fits = (start: number, length: number) => {
    if (length > width) return false;
    const k = start * (width + 1) + length;
    if (fitsSeen[k] === 0) fitsSeen[k] = runFits(start, length) ? 2 : 1;
    return fitsSeen[k] === 2;
  };
  const tangles = new Map<string, Cell[][] | null>();
  const tangleAt = (start: number, k: number): Cell[][] | null => {
    if (!strips || !shape.lastIsTotal || k > rows || start + k * width > n) return null;
    const key = `${start}:${k}`;
    if (!tangles.has(key)) tangles.set(key, readStrips(cells.slice(start, start + k * width), k, width));
    return tangles.get(key)!;
  };
  // best[r][i]: the best score reading rows r.. from cell i; ways[r][i]: how many cuts reach it (capped).
  const best: number[][] = Array.from({ length: rows + 1 }, () => Array(n + 1).fill(-Infinity));
  const ways: number[][] = Array.from({ length: rows + 1 }, () => Array(n + 1).fill(0));
  // Each way to read row r from cell i: [rows read, cells read, score, the rows' values if untangled].
  type Step = [number, number, number, Cell[][] | undefined, boolean?, boolean?];
  // Rows with wrapped figures starting at each cell, by how many rests they take (computed once per cell).
  const unwraps = new Map<number, [number, Cell[]][]>();
  const unwrapsAt = (start: number): [number, Cell[]][] => {
    if (!wraps || !shape.lastIsTotal) return [];
    if (!unwraps.has(start)) {
      const found: [number, Cell[]][] = [];
      for (let extra = 1; extra <= MAX_WRAPPED && start + width + extra <= n; extra++) {
        const row = unwrapRow(cells.slice(start, start + width + extra), width);
        if (row) found.push([extra, row]);
      }
      unwraps.set(start, found);
    }
    return unwraps.get(start)!;
  };
  const runOutOfOrder = (start: number) => {
    if (!jumbled || !shape.lastIsTotal || start + width > n) return false;
    const run = cells.slice(start, start + width);
    const top = Math.max(...run.map((v) => v ?? 0));
    return top > 0 && !addsUp(run) && Math.abs(sum(run) - 2 * top) < 1e-9;
  };
  const outOfOrderSeen = new Uint8Array(n + 1);
  const outOfOrder = (start: number) => {
    if (outOfOrderSeen[start] === 0) outOfOrderSeen[start] = runOutOfOrder(start) ? 2 : 1;
    return outOfOrderSeen[start] === 2;
  };
  const steps = (i: number, r: number): Step[] => {
    const out: Step[] = [];
    for (let length = width; length >= 0; length--) {
      if (fits(i, length)) out.push([1, length, length === width ? 2 : 0, undefined]);
      else if (length === width && outOfOrder(i)) out.push([1, length, 1, undefined, true]);
    }
    for (const [extra, row] of unwrapsAt(i)) out.push([1, width + extra, 2, [row], false, true]);
    for (let k = 2; k <= Math.min(MAX_TANGLE, rows - r); k++) {
      // Untangled only where the rows after the block can be read (the costly search last).
      const rest = best[r + k]?.[i + k * width];
      if (rest === undefined || rest === -Infinity) continue;
      const t = tangleAt(i, k);
      if (t) out.push([k, k * width, 2 * k - 1, t]);
    }
    return out;
  };
  best[rows]![n] = 0;
  ways[rows]![n] = 1;
  for (let r = rows - 1; r >= 0; r--) {
    for (let i = n; i >= 0; i--) {
      for (const [k, length, gain] of steps(i, r)) {
        const rest = best[r + k]![i + length];
        if (rest === undefined || rest === -Infinity) continue;
        const score = rest + gain;
        if (score > best[r]![i]!) {
          best[r]![i] = score;
          ways[r]![i] = ways[r + k]![i + length]!;
        } else if (score === best[r]![i]) ways[r]![i] = Math.min(1e6, ways[r]![i]! + ways[r + k]![i + length]!);
      }
    }
  }
  if (best[0]![0] === -Infinity) return null;
  // Walk the best cut, preferring longer runs first (a full row before a blank one, a plain row before a block).
  const runs: Segment[] = [];
  let tangled = 0;
  let wrapped = 0;
  let i = 0;
  for (let r = 0; r < rows; ) {
    const step = steps(i, r).find(([k, length, gain]) => {
      const rest = best[r + k]![i + length];
      return rest !== undefined && rest !== -Infinity && rest + gain === best[r]![i];
    })!;
    const [k, length, , values, outOfOrderRow, wrappedRow] = step;
    if (wrappedRow) {
      wrapped++;
      runs.push({ start: i, length, values: values![0]!, wrapped: true });
    } else if (values) {
      tangled += k;
      values.forEach((row) => runs.push({ start: i, length: width, values: row }));
    } else runs.push(outOfOrderRow ? { start: i, length, jumbled: true } : { start: i, length });
    i += length;
    r += k;
  }
  // Every best cut, as runs (null where there are more than SAME_TABLE_CUTS).
  const allCuts = (): Segment[][] | null => {
    if (ways[0]![0]! > SAME_TABLE_CUTS) return null;
    const out: Segment[][] = [];
    const taken: Segment[] = [];
    const walk = (r: number, i: number) => {
      if (r === rows) return void out.push([...taken]);
      for (const [k, length, gain, values, outOfOrderRow, wrappedRow] of steps(i, r)) {
        const rest = best[r + k]![i + length];
        if (rest === undefined || rest === -Infinity || rest + gain !== best[r]![i]) continue;
        const read: Segment[] = wrappedRow
          ? [{ start: i, length, values: values![0]!, wrapped: true }]
          : values
            ? values.map((row) => ({ start: i, length: width, values: row }))
            : [outOfOrderRow ? { start: i, length, jumbled: true } : { start: i, length }];
        taken.push(...read);
        walk(r + k, i + length);
        taken.length -= read.length;
      }
    };
    walk(0, 0);
    return out;
  };
  return { runs, ways: ways[0]![0]!, tangled, wrapped, allCuts };
}

/** At most this many best cuts are read to tell whether one table alone passes the identities. */
const SAME_TABLE_CUTS = 64;

/** A run of fewer cells than columns: its last cell is the total; the others from the left (not certain). */
function placeRun(run: readonly Cell[], width: number): Cell[] {
  if (run.length === width) return [...run];
  const values: Cell[] = Array(width).fill(null);
  if (run.length === 0) return values;
  run.slice(0, -1).forEach((v, k) => (values[k] = v));
  values[width - 1] = run.at(-1)!;
  return values;
}

/** How many complete readings of interleaved rows are checked against the whole table, at most. */
const READINGS_CHECKED = 500;
/**
 * Readings of blocks joined into readings of the whole table, over all the tries of decodeBlocks for
 * one table (a table read so needs a few thousand; a text of many small equal figures, millions).
 */
const DECODE_STEPS = 60_000;
/** Readings joined for the table read with a group label's cells put back (a table so read needs a few thousand). */
const SPLICED_STEPS = 6_000;
/** Steps of the search for interleaved rows, over all the tries for one table. */
const SEARCH_STEPS = 200_000;
/** A quarter of the steps, for a table read again with some cells moved (a reading that holds is found in far fewer). */
export const RETRY_STEPS = { search: SEARCH_STEPS / 4, decode: DECODE_STEPS / 4 };

/** A label heading a group of rows (（三）不予公开 over its eight rows) and the group's first row. */
export interface GroupSpan {
  /** The label's last words, matched at the end of the label text before a cell. */
  label: RegExp;
  row: string;
}

/**
 * Cells printed in a group label's own block: LibreOffice's PDF sets the label of a group of rows
 * (（三）不予公开, 三、本年度办理结果) in one text block with the third and fourth cells of the group's
 * first row, so that reading order prints them with the label, wherever the label falls, apart from
 * the row's other cells. Such a pair: the two cells on the two lines right after the label's last
 * line, with nothing more in that block (the next cell after other text, or after a blank line).
 * Returns each pair's index in `tokens` and its row's index in `rows`; none where two fall on one row.
 */
export function labelPairs(stream: Stream, tokens: readonly Stream['cells'][number][], rows: readonly RowDef[], spans: readonly GroupSpan[]): { index: number; row: number }[] {
  const out: { index: number; row: number }[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b, next] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]];
    if (a.offset === 0 || b.offset !== a.offset) continue;
    const labelLine = stream.lineAt[a.offset - 1]!;
    if (a.token.line !== labelLine + 1 || b.token.line !== labelLine + 2) continue;
    if (next && next.offset === a.offset && next.token.line <= labelLine + 3) continue;
    const before = stream.text.slice(Math.max(0, a.offset - 16), a.offset);
    const span = spans.find((s) => s.label.test(before));
    const row = span ? rows.findIndex((d) => d.path === span.row) : -1;
    if (row < 0) continue;
    out.push({ index: i, row });
    i++;
  }
  return new Set(out.map((p) => p.row)).size === out.length ? out : [];
}

/** What follows 无 where it is a label's first character: 无法提供, 无正当理由. */
const LABEL_WORD_AFTER_MARK = /^[法正]/u;

/**
 * Reads the rows of a table whose cells are in reading order. `from` is where the table's first row
 * label stands; returns null where the cells cannot be cut into the rows present so that each adds up.
 */
export function readInReadingOrder(
  stream: Stream,
  rows: readonly RowDef[],
  shape: RowShape,
  from: number,
  accept: (values: Map<string, Cell[]>) => boolean = () => true,
  place?: PlaceJumbled,
  /** The table's column identities over `rows` (weights per row), for decoding rows printed in blocks. */
  identities: readonly ColumnIdentity[] = [],
  /** Labels of row groups whose block may hold two cells of the group's first row (`labelPairs`). */
  spans: readonly GroupSpan[] = [],
  /**
   * How far to look: 'cuts', cuts of the cells into rows in table order, plain or with rows whose total
   * is not last; 'all', also blocks of rows printed as strips and the searches over rows printed
   * interleaved (costly where nothing adds up); 'untangled', cuts and the last rows interleaved (for
   * readings tried many times over).
   */
  depth: Depth = 'all',
  /** Steps of the searches over interleavings, for a second reading of the same table at less cost. */
  steps: { search: number; decode: number } = { search: SEARCH_STEPS, decode: DECODE_STEPS },
): OrderedRows | null {
  if (rows.length === 0) return null;
  const inRegion = stream.cells.filter((c) => c.offset >= from);
  // Empty tab fields are a grid's layout, not reading order.
  if (inRegion.some((c) => c.token.kind === 'blank' && c.token.empty)) return null;
  // A 无 with label text on both sides that goes on as a label's word (无法提供, 无正当理由) is a
  // label's character (（四）无法提供 set one character per line prints 无 alone), not a cell: cells of
  // a row stand together. Before other text it is a first column's blank mark beside a wrapped label
  // (Chromium). A `/` or `-` is no character of a label: a blank cell printed among a wrapped label's lines.
  const tokens = inRegion.filter(
    (c, k) =>
      c.token.kind !== 'blank' ||
      !/\p{Script=Han}/u.test(c.token.mark ?? '') ||
      c.offset === inRegion[k - 1]?.offset ||
      c.offset === inRegion[k + 1]?.offset ||
      !LABEL_WORD_AFTER_MARK.test(stream.text.slice(c.offset, c.offset + 1)),
  );
  const cells = tokens.map((c) => (c.token.kind === 'number' ? c.token.value : null));

  const reading = (runs: Segment[], cellsRead: readonly Cell[], ways: number, tangled: number, allCuts?: () => Segment[][] | null, tokensRead: readonly { token: Token }[] = tokens): OrderedRows => {
    const values = new Map<string, Cell[]>();
    const lines = new Map<string, number>();
    let partial = 0;
    runs.forEach((run, r) => {
      const def = rows[r]!;
      values.set(def.path, run.values ? [...run.values] : placeRun(cellsRead.slice(run.start, run.start + run.length), shape.width));
      if (run.length > 0 && run.length < shape.width) partial++;
      const label = findLabel(stream, def.label, from);
      const line = run.length > 0 ? tokensRead[run.start]!.token.line : label ? stream.lineAt[label.index] : undefined;
      if (line !== undefined) lines.set(def.path, line);
    });
    const doubts: string[] = [];
    if (ways > 1) doubts.push(`${ways} ways to cut the ${cells.length} cells into ${rows.length} rows`);
    if (tangled > 0) doubts.push(`the cells of ${tangled} rows were printed interleaved and are read by the table's totals`);
    if (partial > 0) doubts.push(`${partial} rows printed without their blank cells: which columns were left blank is not certain`);
    return {
      values,
      lines,
      rule: `reading-order: ${cells.length} cells cut into ${rows.length} rows in table order, each adding up to its total`,
      doubt: doubts.length > 0 ? doubts.join('; ') : undefined,
      ways,
      printed: new Set(runs.flatMap((run, r) => (run.length > 0 ? [rows[r]!.path] : []))),
      // A method: a reading whose rows were then placed (values replaced) is checked with its own values.
      certain(this: OrderedRows) {
        return ways === 1 || onlyTable(this.values, allCuts?.() ?? null);
      },
      partial,
    };
  };

  // Whether `values` (a reading's, once placed) is the one table that the best cuts read and the
  // identities take: each cut read, its rows out of order placed, and checked.
  const onlyTable = (values: Map<string, Cell[]>, cuts: Segment[][] | null): boolean => {
    if (!cuts) return false;
    const key = (v: Map<string, Cell[]>) => JSON.stringify([...v]);
    const ownKey = key(values);
    return cuts.every((runs) => {
      const read = new Map(runs.map((run, r) => [rows[r]!.path, run.values ? [...run.values] : placeRun(cells.slice(run.start, run.start + run.length), shape.width)] as const));
      const jumbled = runs.flatMap((run, r) => (run.jumbled ? [rows[r]!.path] : []));
      const placed = jumbled.length > 0 ? (place?.(read, jumbled) ?? null) : read;
      return !placed || !accept(placed) || key(placed) === ownKey;
    });
  };
  // Where most rows printed nothing (blank rows without marks) and the cells can be cut several ways,
  // which rows the figures are is open: the identities over so few figures do not tell.
  const open = (c: { ways: number }) => c.ways > 1 && cells.length * 2 < rows.length * shape.width;
  const cut = cutIntoRows(cells, rows.length, shape);
  if (cut && !open(cut)) {
    const read = reading(cut.runs, cells, cut.ways, 0, cut.allCuts);
    if (accept(read.values)) return read;
  }
  // Blocks of rows printed as vertical strips anywhere in the table.
  const strips = depth === 'all';
  const stripCut = strips ? cutIntoRows(cells, rows.length, shape, true) : null;
  if (stripCut && stripCut.tangled > 0 && !open(stripCut)) {
    const read = reading(stripCut.runs, cells, stripCut.ways, stripCut.tangled, stripCut.allCuts);
    if (accept(read.values)) return read;
  }
  // Rows printed out of order (a tall row's figures in pieces): placed by the table's identities.
  const jumbledCut = place ? cutIntoRows(cells, rows.length, shape, strips, true) : null;
  const jumbled = jumbledCut ? jumbledCut.runs.flatMap((run, r) => (run.jumbled ? [rows[r]!.path] : [])) : [];
  if (jumbledCut && jumbled.length > 0 && !open(jumbledCut)) {
    const read = reading(jumbledCut.runs, cells, jumbledCut.ways, jumbledCut.tangled, jumbledCut.allCuts);
    const values = place!(read.values, jumbled);
    if (values && accept(values)) {
      const why = `${jumbled.length} rows printed out of order, their figures placed where the table's totals require`;
      return { ...read, values, placed: jumbled, doubt: read.doubt ? `${read.doubt}; ${why}` : why };
    }
  }
  // A row that adds up as printed may still be printed out of order (its figures in other columns):
  // where the identities fail, each full row in turn is placed by them instead.
  const best = jumbledCut ?? stripCut ?? cut;
  if (depth === 'cuts') return null;
  if (place && best && !open(best)) {
    const read = reading(best.runs, cells, best.ways, best.tangled ?? 0, best.allCuts);
    const found: OrderedRows[] = [];
    for (const [r, run] of best.runs.entries()) {
      if (run.length !== shape.width || run.jumbled) continue;
      const suspect = [...jumbled, rows[r]!.path];
      const values = place(read.values, suspect);
      if (values && accept(values)) {
        const why = `${suspect.length} rows printed out of order, their figures placed where the table's totals require`;
        found.push({ ...read, values, placed: suspect, doubt: read.doubt ? `${read.doubt}; ${why}` : why });
        if (found.length > 1) break;
      }
    }
    // Two rows that could each be the one out of order: nothing tells which.
    if (found.length === 1) return found[0]!;
  }
  // The last rows' cells interleaved (a block of the table read column by column, or in pieces).
  // Each reading tried is checked against the whole table: a budget of such checks over all the
  // tries keeps a text whose figures do not add up from being searched for minutes.
  let checks = 0;
  const budget = { steps: steps.search };
  for (let k = 2; k <= Math.min(10, rows.length); k++) {
    const head = cells.length - k * shape.width;
    if (head < 0) break;
    const before = cutIntoRows(cells.slice(0, head), rows.length - k, shape);
    if (!before || open(before)) continue;
    const runs = [...before.runs, ...Array.from({ length: k }, (_, r) => ({ start: head + r * shape.width, length: shape.width }))];
    const readTail = (tail: Cell[][]) => reading(runs, [...cells.slice(0, head), ...tail.flat()], before.ways, k);
    for (const prefer of ['row', 'column'] as const) {
      const tail = untangleRows(cells.slice(head), k, shape.width, prefer, (t) => ++checks <= READINGS_CHECKED && accept(readTail(t).values), 3_000, budget);
      if (tail) return readTail(tail);
    }
  }
  if (depth === 'untangled') return null;
  // Full-width digits in narrow columns: cells printed without a gap, figures wrapped onto the lines
  // after their row. Before the shuffles: those read the glued cells as figures.
  const unwrapped = readWrapped(tokens, rows, shape, (runs, split) => reading(runs, split.cells, 1, 0, undefined, split.tokens), accept);
  if (unwrapped) return unwrapped;
  // The rows printed as a shuffle (blocks read column by column, pairwise, as strips, in any mix):
  // taken only where exactly one table adds up in every row and passes every identity.
  const toValues = (table: Cell[][]) => new Map(rows.map((d, r) => [d.path, table[r]!] as const));
  // Strips first (how converters print a band of rows); each looser reading only where the stricter
  // read nothing at all, never to choose between readings.
  const cache: ShuffleCache = new Map();
  const work = { steps: steps.decode };
  const decode = (options: { bands?: boolean; firstApart?: boolean; shuffled?: boolean; loose?: boolean; unmixed?: boolean; jumbled?: number; suspect?: number }) =>
    decodeBlocks(cells, rows.length, shape.width, (table) => accept(toValues(table)), { identities, cache, work, ...options });
  // A row that adds up as printed may be out of order too (a tall row's first figure printed after
  // the others: nothing in its first column, a figure in another): each such row in turn, and a
  // table taken only where exactly one of them gives one.
  const suspects = rows
    .map((_, r) => cells.slice(r * shape.width, (r + 1) * shape.width))
    .flatMap((row, r) => (!row[0] && row.slice(1, -1).some((v) => (v ?? 0) > 0) ? [r] : []));
  const eachSuspect = (shuffled: boolean): ReturnType<typeof decode> => {
    const found: ReturnType<typeof decode>[] = [];
    for (const suspect of suspects) {
      const attempt = decode({ shuffled, jumbled: 2, suspect });
      if (attempt.table || attempt.why !== 'no-reading') found.push(attempt);
      if (found.length > 1) return { table: null, why: 'ambiguous', readings: 0 };
    }
    return found[0] ?? { table: null, why: 'no-reading', readings: 0 };
  };
  // Strips first, then rows printed out of order among them (then also a group's first row out of
  // order in a block whose first column stands beside the labels); then, where group labels hold cells,
  // those put back with rows in two passes (a reading that finds no one table passes on); then a
  // few rows interleaved in any order (first with no row mixing blank marks and 0s), then with rows
  // out of order; last, a few rows interleaved with no order between their columns. Each looser
  // reading only where the stricter found nothing (a search given up on among interleavings still
  // lets the stricter readings without them stand).
  const tiers = [
    () => decode({ shuffled: false }),
    () => decode({ shuffled: false, jumbled: 2 }),
    () => decode({ shuffled: false, jumbled: 2, firstApart: true }),
    () => eachSuspect(false),
    () => decodeSpliced(),
    () => decode({ unmixed: true }),
    () => decode({}),
    () => decode({ jumbled: 2, firstApart: true }),
    () => eachSuspect(true),
    () => decode({ loose: true }),
  ];
  // Two cells printed in a group label's block put back into the group's first row; the rest read
  // as single rows, strips or two passes of a few rows (LibreOffice prints the leading cells of rows
  // beside their wrapped labels, then the rest). Its own budget, and no cache: the cells are fewer.
  const pairs = labelPairs(stream, tokens, rows, spans);
  const pairAt = new Set(pairs.flatMap((p) => [p.index, p.index + 1]));
  const kept = cells.flatMap((_, i) => (pairAt.has(i) ? [] : [i]));
  let splicedRead = false;
  const decodeSpliced = (): ReturnType<typeof decode> => {
    if (pairs.length === 0) return { table: null, why: 'no-reading', readings: 0 };
    const spliced = new Map(pairs.map((p) => [p.row, [cells[p.index]!, cells[p.index + 1]!]] as const));
    const own = { steps: SPLICED_STEPS };
    const read = (options: Parameters<typeof decodeBlocks>[4]) => decodeBlocks(kept.map((i) => cells[i]!), rows.length, shape.width, (table) => accept(toValues(table)), { identities, work: own, spliced, ...options });
    // Every other row printed whole, in table order, first: where rows of 0s could also be read in two
    // passes, those readings trade figures between rows under the same sums and no one table stands.
    const whole = read({ shuffled: false, maxBlock: 1 });
    const found = whole.table ? whole : read({ shuffled: false, twoPass: true, unmixed: true, jumbled: 2, maxBlock: MAX_TWO_PASS_ROWS });
    // Two tables, or too many readings, under this reading: the looser readings below are still tried,
    // as where no pair was found (they take a table only where it is the one that adds up).
    if (!found.table) return { table: null, why: 'no-reading', readings: found.readings };
    splicedRead = true;
    return { ...found, firstCell: found.firstCell.map((i) => kept[i]!) };
  };
  let decoded: ReturnType<typeof decode> = { table: null, why: 'no-reading', readings: 0 };
  for (const tier of tiers) {
    decoded = tier();
    if (decoded.table || decoded.why !== 'no-reading') break;
  }
  // Nothing reads the cells as printed (no reading, or too many interleavings to tell): a row's total
  // printed after the table's last row, on a line of its own (Chromium), put back after its row's
  // other cells.
  let lateTotal = false;
  if (!decoded.table && decoded.why !== 'ambiguous') {
    const late = readLateTotal(cells, rows.length, shape.width, tokens.at(-2)?.token.line !== tokens.at(-1)?.token.line, (table) => accept(toValues(table)), identities);
    if (late) (decoded = late), (lateTotal = true);
  }
  // Last, bands of rows printed as two strips whose second interleaves neighbouring rows (Chromium):
  // only where nothing above reads the cells (its doubts never stand in the way of the readings above).
  let banded = false;
  if (!decoded.table && decoded.why === 'no-reading') {
    const band = decode({ shuffled: false, bands: true });
    if (band.table) (decoded = band), (banded = true);
  }
  if (decoded.table) {
    const runs = decoded.firstCell.map((start, r) => ({ start, length: shape.width, values: decoded.table[r]! }));
    const read = reading(runs, cells, 1, 0);
    const placed = decoded.jumbled.map((r) => rows[r]!.path);
    const moved = splicedRead
      ? `; ${pairs.length} pairs of cells printed beside a group's label put into the group's first row as its third and fourth cells`
      : lateTotal
        ? '; the last figure, printed after the table, read as the total of the one row it lets add up'
        : banded
          ? '; bands of rows printed as two strips (their first columns, then the rest, some rows of the rest interleaved)'
          : '';
    const why = (placed.length > 0 ? `; ${placed.length} rows printed out of order, their figures placed where the table's totals require` : '') + moved;
    return {
      ...read,
      rule: `reading-order: ${cells.length} cells decoded into ${rows.length} rows printed interleaved, the one table in which every row and column adds up`,
      doubt: `the cells of ${rows.length} rows were printed interleaved: the one assignment of them to rows under which every identity of the table holds${why}`,
      ...(placed.length > 0 ? { placed } : {}),
    };
  }
  return null;
}

/** A figure never starts with 0: `07` is two cells printed without a gap (full-width digits in narrow columns), 0 and 7. */
function splitGlued<T extends { token: Token }>(tokens: readonly T[]): { tokens: T[]; cells: Cell[] } {
  const out: T[] = [];
  const cells: Cell[] = [];
  for (const t of tokens) {
    const printed = t.token.kind === 'number' ? t.token.printed ?? '' : '';
    const glued = /^(0+)([1-9]\d*|0)$/u.exec(printed);
    const parts = glued ? [...Array<number>(glued[1]!.length).fill(0), Number(glued[2])] : [t.token.kind === 'number' ? t.token.value : null];
    for (const v of parts) {
      out.push(t);
      cells.push(v);
    }
  }
  return { tokens: out, cells };
}

/**
 * The table read with cells printed without a gap split (`splitGlued`) and rows whose figures wrapped
 * onto the lines after them (`unwrapRow`): taken only where there is one cut of the cells into rows
 * and the whole table then passes `accept`.
 */
function readWrapped<T extends { token: Token }>(
  tokens: readonly T[],
  rows: readonly RowDef[],
  shape: RowShape,
  reading: (runs: Segment[], split: { tokens: T[]; cells: Cell[] }) => OrderedRows,
  accept: (values: Map<string, Cell[]>) => boolean,
): OrderedRows | null {
  const split = splitGlued(tokens);
  const glued = split.cells.length - tokens.length;
  const cut = cutIntoRows(split.cells, rows.length, shape, false, false, true);
  if (!cut || cut.ways !== 1 || cut.wrapped + glued === 0) return null;
  const read = reading(cut.runs, split);
  if (!accept(read.values)) return null;
  const why = [
    glued > 0 ? `${glued} cells printed without a gap to the next were split (a figure never starts with 0)` : '',
    cut.wrapped > 0 ? `the figures of ${cut.wrapped} rows wrapped onto the lines after them were joined where the row adds up one way only` : '',
  ].filter(Boolean);
  return {
    ...read,
    rule: `reading-order: ${split.cells.length} cells cut into ${rows.length} rows in table order, ${why.join('; ')}`,
    doubt: [read.doubt, ...why].filter(Boolean).join('; '),
  };
}

/** At most this many places are tried for a total printed after the table (readLateTotal). */
const LATE_TOTAL_PLACES = 4;
/**
 * Readings joined for each place tried for a total printed after the table (fresh-7601-4: a table of
 * 0s and blank marks needs ~10,000 at one of its three places).
 */
const LATE_TOTAL_STEPS = 30_000;

/**
 * A row's total printed after the table's last row, on a line of its own (`alone`): Chromium may
 * print a row's last cell after every other cell of the table. The last cell is put back after each
 * run of `width` - 1 cells that adds up to it and stands where a row of its own would start (at most
 * LATE_TOTAL_PLACES of them), and the cells then read as single rows or strips of a few rows; taken
 * only where exactly one table is read over all the places, none of them ambiguous.
 */
export function readLateTotal(
  cells: readonly Cell[],
  rows: number,
  width: number,
  alone: boolean,
  accept: (table: Cell[][]) => boolean,
  identities: readonly ColumnIdentity[],
): Extract<ReturnType<typeof decodeBlocks>, { table: Cell[][] }> | null {
  const total = cells.at(-1);
  if (!alone || typeof total !== 'number' || total <= 0 || cells.length !== rows * width) return null;
  const body = cells.slice(0, -1);
  const places: number[] = [];
  // Its row read as a row of its own: its cells start where a row of the table would.
  for (let p = width - 1; p < body.length; p += width) {
    if (Math.abs(body.slice(p - width + 1, p).reduce<number>((a, b) => a + (b ?? 0), 0) - total) < 1e-9) places.push(p);
  }
  if (places.length === 0 || places.length > LATE_TOTAL_PLACES) return null;
  const found = new Map<string, Extract<ReturnType<typeof decodeBlocks>, { table: Cell[][] }>>();
  for (const p of places) {
    const moved = [...body.slice(0, p), total, ...body.slice(p)];
    const decoded = decodeBlocks(moved, rows, width, accept, { identities, shuffled: false, work: { steps: LATE_TOTAL_STEPS }, maxBlock: MAX_TWO_PASS_ROWS + 1 });
    if (!decoded.table) {
      if (decoded.why !== 'no-reading') return null;
      continue;
    }
    // Indices back into the cells as printed: the total stood last.
    const firstCell = decoded.firstCell.map((i) => (i < p ? i : i === p ? cells.length - 1 : i - 1));
    found.set(JSON.stringify(decoded.table), { ...decoded, firstCell });
  }
  return found.size === 1 ? [...found.values()][0]! : null;
}

/**
 * Groups of `width` cells each adding up to its last (section 四's three groups of five), printed
 * interleaved: reading order keeps each group's cells left to right but may put blocks of one group
 * between another's. Every split of `cells` into `groups` subsequences that all add up is a reading;
 * the one with the fewest switches between groups is taken, and a second reading as good is a doubt.
 * Which group is which follows the order of their totals (printed last in each group); where the
 * groups' first cells come in another order, that is not certain either, and said so. With
 * `totalSecond`, each group's total was printed right after its first cell, before its middle cells.
 */
export function untangleGroups(cells: readonly Cell[], groups: number, width: number, totalSecond = false): { values: Cell[][]; doubt?: string } | null {
  if (cells.length !== groups * width) return null;
  const taken: number[][] = Array.from({ length: groups }, () => []);
  let best: { parts: number[][]; switches: number } | null = null;
  let rivals = 0;
  let nodes = 0;
  // A group's cells as printed, in its columns' order: with `totalSecond`, its total came right after its first cell.
  const columns = (group: readonly number[]) => (totalSecond ? [group[0]!, ...group.slice(2), group[1]!] : [...group]);
  const key = (parts: number[][]) => JSON.stringify(order(parts).map((g) => columns(g).map((k) => cells[k])));
  const order = (parts: number[][]) => [...parts].sort((a, b) => columns(a).at(-1)! - columns(b).at(-1)!);
  const visit = (i: number, last: number, switches: number): boolean => {
    if (++nodes > 2_000_000) return false;
    if (best && switches > best.switches) return true;
    if (i === cells.length) {
      const parts = taken.map((g) => [...g]);
      if (!best || switches < best.switches) {
        best = { parts, switches };
        rivals = 0;
      } else if (key(parts) !== key(best.parts)) rivals++;
      return true;
    }
    for (let g = 0; g < groups; g++) {
      const group = taken[g]!;
      if (group.length === width) continue;
      // Groups are numbered by their first cell (the same split is not tried under other numbers).
      if (group.length === 0 && g > 0 && taken[g - 1]!.length === 0) continue;
      if (group.length === width - 1 && !addsUp(columns([...group, i]).map((k) => cells[k]!))) continue;
      group.push(i);
      const ok = visit(i + 1, g, switches + (last >= 0 && last !== g ? 1 : 0));
      group.pop();
      if (!ok) return false;
    }
    return true;
  };
  if (!visit(0, -1, 0) || !best) return null;
  const found = best as { parts: number[][]; switches: number };
  const ordered = order(found.parts);
  const doubts: string[] = [];
  if (rivals > 0) doubts.push(`${rivals + 1} ways to read the interleaved groups`);
  if (ordered.some((g, k) => g !== found.parts[k])) doubts.push('the groups were printed out of order: which is which is read from the order of their totals');
  return { values: ordered.map((g) => columns(g).map((k) => cells[k]!)), doubt: doubts.length > 0 ? doubts.join('; ') : undefined };
}

/**
 * The cells of `rows` full rows printed interleaved: each row's cells still left to right and each
 * column's top to bottom (a block read column by column, or in pieces). The first reading in which
 * every row adds up (and `accept` takes, where given: the table's other identities), preferring to stay in the row being read ('row') or to go down the column
 * ('column'); null if there is none.
 */
export function untangleRows(
  cells: readonly Cell[],
  rows: number,
  width: number,
  prefer: 'row' | 'column',
  accept?: (rows: Cell[][]) => boolean,
  limit = 50_000,
  /** Steps left for this and further searches of the same table. */
  budget: { steps: number } = { steps: Infinity },
): Cell[][] | null {
  const fills = Array<number>(rows).fill(0);
  const partial = Array<number>(rows).fill(0);
  const taken: Cell[][] = Array.from({ length: rows }, () => []);
  const dead = new Set<string>();
  let nodes = 0;
  const visit = (i: number, last: number): boolean => {
    // Complete readings count too: each is checked by `accept`.
    if (++nodes > limit || --budget.steps < 0) return false;
    if (i === cells.length) return accept ? accept(taken) : true;
    // Failure memo only where success depends on this state alone (no check over the whole table).
    const key = accept ? '' : `${fills.join(',')}|${partial.join(',')}`;
    if (!accept && dead.has(key)) return false;
    const order = prefer === 'row' && last >= 0 ? [last, ...Array.from({ length: rows }, (_, r) => r).filter((r) => r !== last)] : Array.from({ length: rows }, (_, r) => r);
    for (const r of order) {
      if (fills[r] === width || (r > 0 && fills[r - 1]! <= fills[r]!)) continue;
      const v = cells[i]!;
      if (fills[r] === width - 1 && Math.abs(partial[r]! - (v ?? 0)) > 1e-9) continue;
      fills[r]!++;
      partial[r] += v ?? 0;
      taken[r]!.push(v);
      if (visit(i + 1, r)) return true;
      taken[r]!.pop();
      partial[r] -= v ?? 0;
      fills[r]!--;
    }
    if (!accept) dead.add(key);
    return false;
  };
  return visit(0, -1) ? taken : null;
}

/**
 * The cells of `rows` full rows printed as vertical strips: the table's columns split into runs of
 * neighbouring columns, each strip printed row by row before the next (a converter that takes the
 * label column with the first figures as one text block, the other figures as another). Every split
 * of the columns is tried, fewest strips first; of those in which every row adds up, the first whose
 * rows do not mix blank marks with zeros (else the one with fewest such rows) is taken.
 */
export function readStrips(cells: readonly Cell[], rows: number, width: number): Cell[][] | null {
  if (cells.length !== rows * width) return null;
  const splits: number[][] = [];
  for (let mask = 0; mask < 1 << (width - 1); mask++) {
    const cuts = [0];
    for (let c = 1; c < width; c++) if (mask & (1 << (c - 1))) cuts.push(c);
    splits.push([...cuts, width]);
  }
  splits.sort((a, b) => a.length - b.length);
  // Cell of row r, column c under a split: its strip starts after rows × the columns before it.
  const at = (cuts: readonly number[], r: number, c: number) => {
    let s = 0;
    while (cuts[s + 1]! <= c) s++;
    const strip = cuts[s + 1]! - cuts[s]!;
    return cells[rows * cuts[s]! + r * strip + (c - cuts[s]!)] as Cell;
  };
  // Blank marks and zeros interchange in the sums: of the splits that add up, the one whose rows each
  // print their empty cells one way (all blank marks or all 0) is taken.
  let best: { table: Cell[][]; mixed: number } | null = null;
  for (const cuts of splits) {
    let ok = true;
    for (let r = 0; r < rows && ok; r++) {
      let sum = 0;
      for (let c = 0; c < width - 1; c++) sum += at(cuts, r, c) ?? 0;
      ok = Math.abs(sum - (at(cuts, r, width - 1) ?? 0)) < 1e-9;
    }
    if (!ok) continue;
    const table = Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => at(cuts, r, c)));
    const mixed = table.filter((row) => row.includes(null) && row.includes(0)).length;
    if (!best || mixed < best.mixed) best = { table, mixed };
    if (mixed === 0) break;
  }
  return best?.table ?? null;
}
