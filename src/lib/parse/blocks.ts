// A table of fixed shape whose rows reading order printed in blocks: runs of neighbouring rows, each
// run printed whole before the next, and inside a run the columns split into strips, each strip
// printed row by row (one strip: the rows one after another; a strip per column: the block read
// column by column, two rows' cells pairwise; a first column beside the wrapped labels and the rest
// after them: two strips). Which rows make a block and how its columns are split is not printed.
// Every such reading in which each row adds up to its total is collected; the table's identities
// (`accept`) must then take exactly one table. Two tables that both pass, or too many readings to
// check, read nothing: a figure placed by a guess is worse than a figure left unread.
import type { Cell } from '../schema.ts';

export type BlockDecoding =
  | { table: Cell[][]; firstCell: number[]; readings: number; /** Rows printed out of order, their figures placed by the identities. */ jumbled: number[] }
  | { table: null; why: 'no-reading' | 'ambiguous' | 'too-many'; readings: number };

/** Distinct readings (tables in which every row adds up) kept for any run of rows, at most. */
export const MAX_READINGS = 5000;

export interface Partial {
  rows: Cell[][];
  /** Index in `cells` of each row's first printed cell. */
  first: number[];
  /** Rows (by index in the table) printed out of order: their cells as printed, placed at the end. */
  jumbled?: number[];
}

const addsUp = (row: readonly Cell[]) => Math.abs(row.slice(0, -1).reduce<number>((a, b) => a + (b ?? 0), 0) - (row.at(-1) ?? 0)) < 1e-9;

/** A row holding both blank marks and 0s (a row prints its empty cells one way). */
const mixesEmpties = (row: readonly Cell[]) => row.includes(null) && row.includes(0);

/** Every split of `width` columns into strips of neighbouring columns, as the strips' first columns and the end. */
function splitsOf(width: number): number[][] {
  const out: number[][] = [];
  for (let mask = 0; mask < 1 << (width - 1); mask++) {
    const cuts = [0];
    for (let c = 1; c < width; c++) if (mask & (1 << (c - 1))) cuts.push(c);
    out.push([...cuts, width]);
  }
  return out;
}

/** The `k` rows starting at cell `start` printed as strips `cuts`: their cells and first cells. */
function readBlock(cells: readonly Cell[], start: number, k: number, cuts: readonly number[]): Partial {
  const rows: Cell[][] = Array.from({ length: k }, () => []);
  const first = Array.from({ length: k }, (_, r) => start + r * cuts[1]!);
  let i = start;
  for (let s = 0; s + 1 < cuts.length; s++) {
    for (let r = 0; r < k; r++) for (let c = cuts[s]!; c < cuts[s + 1]!; c++) rows[r]!.push(cells[i++]!);
  }
  return { rows, first };
}

/** Blocks of at most this many rows are also read as two passes cut anywhere in each row. */
export const MAX_TWO_PASS_ROWS = 4;

/** Row `row`'s printed cells with the cells printed apart (`pair`, its third and fourth columns) put back. */
export const splice = (row: readonly Cell[], pair: readonly Cell[] | undefined): Cell[] => (pair ? [...row.slice(0, 2), ...pair, ...row.slice(2)] : [...row]);

/**
 * The `k` rows starting at cell `start` printed in two passes: first each row's leading cells (its
 * first column, or the first few, beside the wrapped labels), row by row, then each row's remaining
 * cells, row by row (`tailsFirst`: the trailing cells in the first pass, as LibreOffice prints a row
 * whose first cells sit lower); where each row is cut is not printed and may differ from row to row. `pairs`:
 * per row of the block, its third and fourth cells where they were printed elsewhere (the row then
 * prints two cells fewer here). Every distinct reading in which each row adds up and prints its empty
 * cells one way (blank marks or 0s, not both); null past MAX_READINGS.
 */
export function readTwoPass(
  cells: readonly Cell[],
  start: number,
  k: number,
  width: number,
  pairs: readonly (readonly Cell[] | undefined)[] = [],
  budget: { steps: number } = { steps: Infinity },
  /** The rows' trailing cells printed in the first pass, their leading cells in the second. */
  tailsFirst = false,
): Partial[] | null {
  const widths = Array.from({ length: k }, (_, j) => width - (pairs[j] ? 2 : 0));
  const before = widths.map((_, j) => widths.slice(0, j).reduce((a, b) => a + b, 0));
  const length = before.at(-1)! + widths.at(-1)!;
  // Sums, blank marks and 0s of the cells before each of the block's cells: a row tested without building it.
  const sums = [0];
  const blanks = [0];
  const zeros = [0];
  for (let i = start; i < start + length; i++) {
    sums.push(sums.at(-1)! + (cells[i] ?? 0));
    blanks.push(blanks.at(-1)! + (cells[i] === null ? 1 : 0));
    zeros.push(zeros.at(-1)! + (cells[i] === 0 ? 1 : 0));
  }
  const over = (xs: number[], from: number, to: number) => xs[to - start]! - xs[from - start]!;
  // The row whose part in the first pass is `cut` cells at `first`, the rest at `second`.
  const fits = (first: number, cut: number, second: number, w: number, pair: readonly Cell[] | undefined) => {
    const total = cells[tailsFirst ? first + cut - 1 : second + w - cut - 1] ?? 0;
    const both = (xs: number[]) => over(xs, first, first + cut) + over(xs, second, second + w - cut);
    if (Math.abs(both(sums) - total + (pair ? (pair[0] ?? 0) + (pair[1] ?? 0) : 0) - total) > 1e-9) return false;
    const blank = both(blanks) + (pair ? pair.filter((v) => v === null).length : 0);
    const zero = both(zeros) + (pair ? pair.filter((v) => v === 0).length : 0);
    return blank === 0 || zero === 0;
  };
  const rowAt = (first: number, cut: number, second: number, w: number, pair: readonly Cell[] | undefined) => {
    const [a, b] = [cells.slice(first, first + cut), cells.slice(second, second + w - cut)];
    return splice(tailsFirst ? [...b, ...a] : [...a, ...b], pair);
  };
  const out = new Map<string, Partial>();
  for (let heads = k; heads <= length - k; heads++) {
    const tails = start + heads;
    // Rows j.. given the first pass read `h` cells so far: their distinct readings.
    const memo = new Map<number, Partial[] | null>();
    const rest = (j: number, h: number): Partial[] | null => {
      if (j === k) return h === heads ? [{ rows: [], first: [] }] : [];
      const key = j * 1000 + h;
      if (memo.has(key)) return memo.get(key)!;
      const found = new Map<string, Partial>();
      const w = widths[j]!;
      for (let cut = 1; cut < w && h + cut <= heads; cut++) {
        if (--budget.steps < 0) return null;
        const tailAt = tails + before[j]! - h;
        // Each row adds up, and prints its empty cells one way: blank marks and 0s in one row are two rows' cells.
        if (!fits(start + h, cut, tailAt, w, pairs[j])) continue;
        const row = rowAt(start + h, cut, tailAt, w, pairs[j]);
        const after = rest(j + 1, h + cut);
        if (!after) return null;
        const own = row.map((v) => (v === null ? '-' : v)).join(',');
        for (const tail of after) {
          const id = `${own};${tail.rows.map((r) => r.map((v) => (v === null ? '-' : v)).join(',')).join(';')}`;
          if (!found.has(id)) found.set(id, { rows: [row, ...tail.rows], first: [start + h, ...tail.first] });
        }
        if (found.size > MAX_READINGS) return null;
      }
      const list = [...found.values()];
      memo.set(key, list);
      return list;
    };
    const readings = rest(0, 0);
    if (!readings) return null;
    for (const reading of readings) {
      out.set(reading.rows.map((r) => r.join(',')).join(';'), reading);
      if (out.size > MAX_READINGS) return null;
    }
  }
  return [...out.values()];
}

/** Rows tried in readings of two passes, over all the blocks of one table, at most (a table so read needs a few thousand). */
export const TWO_PASS_STEPS = 12_000;

/** Blocks of at most this many rows are also read as any interleaving (not only as strips). */
export const MAX_SHUFFLED_ROWS = 5;
/** Blocks of at most this many rows are also read with no order between the rows' columns. */
export const MAX_LOOSE_ROWS = 3;
/** Steps of the search for interleavings, over all the blocks of one table, at most. */
export const SHUFFLE_STEPS = 150_000;

/**
 * The `k` rows starting at cell `start` printed interleaved in any way that keeps each row's cells
 * left to right and each column's top to bottom (a row's cell is printed after the one above it):
 * every distinct reading in which each row adds up, or null where the search ran out of steps.
 * `loose`: the columns in no order between rows, only each row started after the one above (Chromium
 * prints a short row's last cells after the whole of a taller row below it); of those readings, the
 * ones with the fewest switches between rows (else rows with equal figures trade them freely).
 */
export function readShuffled(cells: readonly Cell[], start: number, k: number, width: number, budget: { steps: number }, loose = false, unmixed = false): Partial[] | null {
  const end = start + k * width;
  const fills = Array<number>(k).fill(0);
  const partial = Array<number>(k).fill(0);
  // Per row: 1 once it took a blank mark, 2 once it took a 0 (`unmixed`: never both).
  const empties = Array<number>(k).fill(0);
  // Each open row's total must still come: after its missing cells and (not loose) after the row above's total.
  const totalsCanCome = (next: number): boolean => {
    let cursor = next;
    for (let r = 0; r < k && fills[r]! > 0; r++) {
      const f = fills[r]!;
      if (f === width) continue;
      let j = loose ? next + (width - 1 - f) : Math.max(cursor, next + (width - 1 - f));
      const p = partial[r]!;
      while (j < end && (f === width - 1 ? Math.abs((cells[j] ?? 0) - p) > 1e-9 : (cells[j] ?? 0) < p - 1e-9)) j++;
      if (j >= end) return false;
      cursor = j + 1;
    }
    return true;
  };
  // The distinct ways to read the cells from `i` on, given the state (what each row took so far, as
  // counts and sums): the rest depends on nothing else, so each state is searched once. Loose: only
  // the ways with the fewest switches from one row to another (a figure read into a row other than
  // the one before it): rows printed apart before rows printed in pieces.
  interface Rest {
    rows: Cell[][];
    first: number[];
    switches: number;
  }
  const memo = new Map<string, Rest[]>();
  let overflow = false;
  const rest = (i: number, previous: number): Rest[] | null => {
    if (i === end) return [{ rows: Array.from({ length: k }, () => []), first: Array<number>(k).fill(-1), switches: 0 }];
    const state = `${i}|${previous}|${fills.join(',')}|${partial.join(',')}${unmixed ? `|${empties.join('')}` : ''}`;
    const known = memo.get(state);
    if (known) return known;
    if (--budget.steps < 0) return null;
    const out = new Map<string, Rest>();
    let fewest = Infinity;
    const v = cells[i]!;
    for (let r = 0; r < k; r++) {
      const f = fills[r]!;
      if (f === width || (r > 0 && (loose ? fills[r - 1] === 0 : fills[r - 1]! <= f))) continue;
      // Equal figures one after the other: the order putting the upper row first only (the same table).
      if (!loose && i > start && cells[i - 1] === v && previous > r) continue;
      const last = f === width - 1;
      if (last && Math.abs(partial[r]! - (v ?? 0)) > 1e-9) continue;
      const empty = v === null ? 1 : v === 0 ? 2 : 0;
      if (unmixed && empty !== 0 && (empties[r]! | empty) === 3) continue;
      const wasEmpty = empties[r]!;
      empties[r] = wasEmpty | empty;
      fills[r] = f + 1;
      if (!last) partial[r] = partial[r]! + (v ?? 0);
      const after = totalsCanCome(i + 1) ? rest(i + 1, r) : [];
      if (!last) partial[r] = partial[r]! - (v ?? 0);
      fills[r] = f;
      empties[r] = wasEmpty;
      if (after === null) return null;
      const step = previous >= 0 && previous !== r ? 1 : 0;
      for (const tail of after) {
        const switches = tail.switches + step;
        if (loose && switches > fewest) continue;
        if (loose && switches < fewest) {
          fewest = switches;
          out.clear();
        }
        const rows = tail.rows.map((row, q) => (q === r ? [v, ...row] : row));
        const key = JSON.stringify(rows);
        if (out.has(key)) continue;
        if (out.size >= MAX_READINGS) {
          overflow = true;
          return null;
        }
        out.set(key, { rows, first: f === 0 ? tail.first.map((x, q) => (q === r ? i : x)) : tail.first, switches });
      }
    }
    const found = [...out.values()];
    memo.set(state, found);
    return found;
  };
  const found = rest(start, -1);
  if (!found || overflow) return null;
  return found.map(({ rows, first }) => ({ rows, first }));
}

/** Readings of rows' last cells interleaved, by where they start, how many rows and the sums before them. */
export type RestsCache = Map<string, Cell[][][] | null>;
/** Steps of the search over bands' interleaved rows, over all the bands of one table. */
export const BAND_STEPS = 60_000;
/** A band read as two strips may hold at most this many neighbouring rows interleaved in its second strip. */
export const MAX_BAND_SHUFFLE = 3;
/** The first strip of a band (the columns printed beside the wrapped labels) is at most this many columns. */
export const MAX_BAND_HEAD = 2;

/**
 * The `k` rows starting at cell `start` printed as a band of two strips: every row's first `head`
 * cells (beside the wrapped labels), row by row, then every row's other cells, where neighbouring
 * rows of the second strip (at most MAX_BAND_SHUFFLE) may be printed interleaved, each row's cells
 * left to right and each column top to bottom (Chromium takes cells standing on one line together,
 * as it does a short row beside a tall one). Every distinct reading in which each row adds up and
 * prints its empty cells one way (blank marks or 0s, not both);
 * null where the search ran out of steps or found more than MAX_READINGS.
 */
export function readBand(cells: readonly Cell[], start: number, k: number, width: number, head: number, budget: { steps: number }, cache: RestsCache = new Map()): Partial[] | null {
  const restWidth = width - head;
  const heads = Array.from({ length: k }, (_, j) => cells.slice(start + j * head, start + (j + 1) * head));
  const restsAt = start + k * head;
  const headSum = (j: number) => heads[j]!.reduce<number>((a, b) => a + (b ?? 0), 0);
  // Rows j.. read from the second strip: each a group of 1 to MAX_BAND_SHUFFLE rows interleaved.
  const memo = new Map<number, Cell[][][] | null>();
  const from = (j: number): Cell[][][] | null => {
    if (j === k) return [[]];
    const known = memo.get(j);
    if (known !== undefined) return known;
    const found = new Map<string, Cell[][]>();
    for (let g = 1; g <= Math.min(MAX_BAND_SHUFFLE, k - j); g++) {
      const before = Array.from({ length: g }, (_, q) => headSum(j + q));
      const key = `${restsAt + j * restWidth}:${g}:${restWidth}:${before.join(',')}`;
      if (!cache.has(key)) cache.set(key, interleavedRests(cells, restsAt + j * restWidth, g, restWidth, before, budget));
      const groups = cache.get(key)!;
      if (!groups) return memo.set(j, null), null;
      if (groups.length === 0) continue;
      const after = from(j + g);
      if (!after) return memo.set(j, null), null;
      for (const group of groups) {
        // A row prints its empty cells one way: blank marks and 0s in one row are two rows' cells.
        if (group.some((rest, q) => mixesEmpties([...heads[j + q]!, ...rest]))) continue;
        for (const tail of after) {
          const rows = [...group, ...tail];
          found.set(JSON.stringify(rows), rows);
          if (found.size > MAX_READINGS) return memo.set(j, null), null;
        }
      }
    }
    const list = [...found.values()];
    memo.set(j, list);
    return list;
  };
  const rests = from(0);
  if (!rests) return null;
  const first = Array.from({ length: k }, (_, j) => start + j * head);
  return rests.map((rows) => ({ rows: rows.map((rest, j) => [...heads[j]!, ...rest]), first }));
}

/**
 * The `g` rows' last cells (`width` each, after cells summing to `before[q]`) printed from cell
 * `start` on, interleaved with each row's cells left to right and each column top to bottom: the
 * distinct readings in which each row adds up (one group of one row: the cells as printed); null
 * where the steps ran out.
 */
function interleavedRests(cells: readonly Cell[], start: number, g: number, width: number, before: readonly number[], budget: { steps: number }): Cell[][][] | null {
  const end = start + g * width;
  if (end > cells.length) return [];
  const rows: Cell[][] = Array.from({ length: g }, () => []);
  const sums = [...before];
  const out = new Map<string, Cell[][]>();
  const walk = (i: number, previous: number): boolean => {
    if (--budget.steps < 0) return false;
    if (i === end) {
      out.set(JSON.stringify(rows), rows.map((r) => [...r]));
      return out.size <= MAX_READINGS;
    }
    const v = cells[i]!;
    for (let q = 0; q < g; q++) {
      const f = rows[q]!.length;
      if (f === width || (q > 0 && rows[q - 1]!.length <= f)) continue;
      // Equal figures one after the other: the order putting the upper row first only (the same rows).
      if (i > start && cells[i - 1] === v && previous > q) continue;
      const last = f === width - 1;
      if (last && Math.abs(sums[q]! - (v ?? 0)) > 1e-9) continue;
      rows[q]!.push(v);
      const sum = sums[q]!;
      if (!last) sums[q] = sum + (v ?? 0);
      const ok = walk(i + 1, q);
      sums[q] = sum;
      rows[q]!.pop();
      if (!ok) return false;
    }
    return true;
  };
  return walk(start, -1) ? [...out.values()] : null;
}

/**
 * Column identities of a table: each a weight per row such that, in every column, the weighted sum of
 * the rows' cells is 0 (（七）总计 = the sum of （一） to （六）: weight 1 on those rows, -1 on 总计).
 */
export type ColumnIdentity = readonly number[];

/** Interleavings of blocks of rows found for one table's cells, by first row and rows. */
export type ShuffleCache = Map<string, Partial[] | null>;

interface Bucket {
  /** The identities' weighted sums over the rows read so far, per identity and column. */
  sums: number[];
  /** Distinct readings with these sums (a few: only whether there is one, or more, matters). */
  readings: Map<string, Partial>;
  /** More distinct readings had these sums than are kept. */
  more: boolean;
  /** Rows printed out of order in these readings, left out of `sums`. */
  jumbled: number[];
}

/**
 * Decodes `cells` (in reading order) into `rows` rows of `width` cells, the last of each the sum of
 * the others (blank cells count 0), printed in blocks (strips, or any interleaving of a few rows).
 * Readings are grouped by what they make of the column `identities`, so that only those of the
 * whole table that satisfy them are compared; `accept` (the table's every check) confirms. Returns
 * the one table taken, with the index in `cells` of each row's first cell; else why not.
 */
export function decodeBlocks(
  cells: readonly Cell[],
  rows: number,
  width: number,
  accept: (table: Cell[][]) => boolean,
  /**
   * `shuffled`: blocks of a few rows in any interleaving too; `jumbled`: at most this many single rows
   * printed out of order (a tall row's cells in pieces: some cell is the sum of the others, but not
   * last), their figures then solved from the identities and taken only where they are the ones printed;
   * `suspect`: a row that may be out of order although it adds up as printed; `loose`: blocks of up to
   * MAX_LOOSE_ROWS rows interleaved with no order between their columns (readShuffled); `unmixed`: no
   * block of two rows or more read with a row mixing blank marks and 0s (a row prints its empty cells
   * one way; the blank rows beside a row of 0s otherwise trade cells with it); `work`: steps left for
   * joining blocks' readings, over all the tries for one table; `cache`: interleavings
   * already searched for the same cells (decoding them again under other options); `twoPass`:
   * blocks of up to MAX_TWO_PASS_ROWS rows printed in two passes (readTwoPass), and single rows
   * printed trailing cells first; `spliced`: rows (by index) that print two cells fewer among the
   * others, their third and fourth cells given (read as single rows or two passes only); `maxBlock`:
   * no block of more rows than this; `firstApart`: a block read as its first column then the rest
   * (two strips) may hold a row printed out of order (`jumbled`), as Chromium prints a group's first row;
   * `bands`: blocks of three rows or more printed as two strips with neighbouring rows of the second
   * interleaved (readBand).
   */
  options: { identities?: readonly ColumnIdentity[]; bands?: boolean; firstApart?: boolean; maxReadings?: number; twoPass?: boolean; spliced?: ReadonlyMap<number, readonly Cell[]>; maxBlock?: number; shuffled?: boolean; loose?: boolean; unmixed?: boolean; jumbled?: number; suspect?: number; cache?: ShuffleCache; work?: { steps: number } } = {},
): BlockDecoding {
  const identities = options.identities ?? [];
  const maxReadings = options.maxReadings ?? MAX_READINGS;
  // Without identities every reading is compared by `accept`; with them, two per group tell enough.
  const keep = identities.length > 0 ? 2 : maxReadings;
  const spliced = options.spliced ?? new Map<number, readonly Cell[]>();
  // Where each row's printed cells start: a spliced row prints two cells fewer among the others.
  const at = Array.from({ length: rows + 1 }, (_, r) => r * width - 2 * [...spliced.keys()].filter((q) => q < r).length);
  if (rows === 0 || cells.length !== at[rows]!) return { table: null, why: 'no-reading', readings: 0 };
  const holdsSpliced = (r: number, k: number) => spliced.size > 0 && [...spliced.keys()].some((q) => q >= r && q < r + k);
  const splits = splitsOf(width);
  const cache = options.cache ?? new Map();
  const budget = { steps: SHUFFLE_STEPS };
  const passes = { steps: TWO_PASS_STEPS };
  const bandSteps = { steps: BAND_STEPS };
  const rests: RestsCache = new Map();
  const work = options.work ?? { steps: Infinity };
  const rowKey = (row: readonly Cell[]) => row.map((v) => (v === null ? '-' : String(v))).join(',');
  // Rows printed out of order count nothing here: their figures are placed once the others are known.
  const sumsOf = (block: Partial, r: number) =>
    identities.flatMap((w) => Array.from({ length: width }, (_, c) => block.rows.reduce((a, row, i) => a + (block.jumbled?.includes(r + i) ? 0 : (w[r + i] ?? 0) * (row[c] ?? 0)), 0)));
  const keyOf = (sums: readonly number[]) => sums.map((x) => Math.round(x * 1e6) / 1e6).join(',');
  // suffix[r]: the readings of rows r.. (every row adding up), grouped by their identity sums.
  const suffix: Map<string, Bucket>[] = Array(rows + 1);
  const none = Array<number>(identities.length * width).fill(0);
  suffix[rows] = new Map([[`${keyOf(none)}|`, { sums: none, readings: new Map([['', { rows: [], first: [] }]]), more: false, jumbled: [] }]]);
  let count = 0;
  for (let r = rows - 1; r >= 0; r--) {
    const out = new Map<string, Bucket>();
    for (let k = 1; k <= Math.min(rows - r, options.maxBlock ?? rows); k++) {
      const rest = suffix[r + k]!;
      if (rest.size === 0) continue;
      const blocks = new Map<string, Partial>();
      // A block of one row reads the same under every split.
      for (const cuts of k === 1 ? [splits[0]!] : splits) {
        // A block holding a spliced row is read as single rows or two passes only.
        if (k > 1 && holdsSpliced(r, k)) break;
        const block = spliced.has(r) && k === 1 ? { rows: [splice(cells.slice(at[r]!, at[r + 1]), spliced.get(r))], first: [at[r]!] } : readBlock(cells, at[r]!, k, cuts);
        if (options.unmixed && k > 1 && block.rows.some(mixesEmpties)) continue;
        if (block.rows.every(addsUp)) blocks.set(block.rows.map(rowKey).join(';'), block);
        // The first column beside the wrapped labels, the rest after them (Chromium): the rest of a
        // group's first row, beside its tall label, printed out of order (its total among its blanks).
        else if (options.firstApart && k > 1 && cuts.length === 3 && cuts[1] === 1 && (options.jumbled ?? 0) > 0 && identities.length > 0) {
          const out = block.rows.flatMap((row, i) => (addsUp(row) ? [] : [i]));
          if (out.length <= options.jumbled! && out.every((i) => couldAddUp(block.rows[i]!))) blocks.set(`?${out.join(',')}?${block.rows.map(rowKey).join(';')}`, { ...block, jumbled: out.map((i) => r + i) });
        }
      }
      // A band of rows printed as two strips whose second strip interleaves neighbouring rows.
      for (let head = 1; options.bands && spliced.size === 0 && k >= 3 && head <= MAX_BAND_HEAD; head++) {
        const key = `${r}:${k}:band:${head}`;
        if (!cache.has(key)) cache.set(key, readBand(cells, at[r]!, k, width, head, bandSteps, rests));
        const band = cache.get(key)!;
        if (!band) return { table: null, why: 'too-many', readings: count };
        for (const block of band) blocks.set(block.rows.map(rowKey).join(';'), block);
      }
      const row = cells.slice(at[r]!, at[r]! + width);
      // Out of order where it does not add up as printed, or (rows named by the caller) even where it
      // does (0 0 0 0 0 20 20 for 20 0 0 0 0 0 20).
      if (k === 1 && !spliced.has(r) && (options.jumbled ?? 0) > 0 && identities.length > 0 && couldAddUp(row) && (!addsUp(row) || options.suspect === r)) {
        blocks.set(`?${rowKey(row)}`, { rows: [row], first: [at[r]!], jumbled: [r] });
      }
      // Two passes: leading cells first (blocks of two rows or more), or trailing cells first (a single
      // row too: its last cells printed before its first).
      for (const tailsFirst of options.twoPass && k <= MAX_TWO_PASS_ROWS ? [false, true] : []) {
        if (k === 1 && !tailsFirst) continue;
        const key = `${r}:${k}:two-pass${tailsFirst ? ':tails-first' : ''}${spliced.size > 0 ? ':spliced' : ''}`;
        if (!cache.has(key)) cache.set(key, readTwoPass(cells, at[r]!, k, width, Array.from({ length: k }, (_, j) => spliced.get(r + j)), passes, tailsFirst));
        const twoPass = cache.get(key)!;
        if (!twoPass) return { table: null, why: 'too-many', readings: count };
        for (const block of twoPass) blocks.set(block.rows.map(rowKey).join(';'), block);
      }
      if (options.shuffled !== false && spliced.size === 0 && k >= 2 && k <= MAX_SHUFFLED_ROWS) {
        const loose = options.loose === true && k <= MAX_LOOSE_ROWS;
        const key = `${r}:${k}${loose ? ':loose' : ''}${options.unmixed ? ':unmixed' : ''}`;
        if (!cache.has(key)) cache.set(key, readShuffled(cells, r * width, k, width, budget, loose, options.unmixed));
        const shuffled = cache.get(key)!;
        if (!shuffled) return { table: null, why: 'too-many', readings: count };
        for (const block of shuffled) blocks.set(block.rows.map(rowKey).join(';'), block);
      }
      for (const [bk, block] of blocks) {
        const own = sumsOf(block, r);
        for (const tail of rest.values()) {
          if (--work.steps < 0) return { table: null, why: 'too-many', readings: count };
          const jumbled = [...(block.jumbled ?? []), ...tail.jumbled];
          if (jumbled.length > (options.jumbled ?? 0)) continue;
          const sums = tail.sums.map((x, i) => x + own[i]!);
          const key = `${keyOf(sums)}|${jumbled.join(',')}`;
          let bucket = out.get(key);
          if (!bucket) {
            if (out.size >= maxReadings) return { table: null, why: 'too-many', readings: count };
            bucket = { sums, readings: new Map(), more: false, jumbled };
            out.set(key, bucket);
          }
          bucket.more ||= tail.more;
          for (const [tk, reading] of tail.readings) {
            const joinedKey = tk ? `${bk};${tk}` : bk;
            if (bucket.readings.has(joinedKey)) continue;
            if (bucket.readings.size >= keep) {
              bucket.more = true;
              break;
            }
            bucket.readings.set(joinedKey, { rows: [...block.rows, ...reading.rows], first: [...block.first, ...reading.first] });
            count++;
          }
        }
      }
    }
    suffix[r] = out;
  }
  // The readings under which every identity holds: their sums are all 0, or the rows printed out of
  // order make them 0 with their own figures in another order.
  const tables = new Map<string, Partial>();
  let more = false;
  for (const bucket of suffix[0]!.values()) {
    const solved: Partial[] = [];
    for (const p of bucket.readings.values()) {
      if (bucket.jumbled.length === 0) {
        if (identities.length === 0 || bucket.sums.every((x) => Math.abs(x) < 1e-9)) solved.push(p);
        continue;
      }
      const placed = solveJumbled(p, bucket.sums, bucket.jumbled, identities, width);
      if (placed) solved.push(...placed);
      else more = true;
    }
    if (solved.length > 0 && bucket.more) more = true;
    for (const p of solved) tables.set(p.rows.map(rowKey).join(';'), p);
  }
  const taken = [...tables.values()].filter((p) => accept(p.rows));
  if (taken.length > 1 || (taken.length === 1 && more)) return { table: null, why: 'ambiguous', readings: count };
  if (taken.length === 0) return { table: null, why: more ? 'too-many' : 'no-reading', readings: count };
  return { table: taken[0]!.rows, firstCell: taken[0]!.first, readings: count, jumbled: taken[0]!.jumbled ?? [] };
}

/** Could these cells add up in another order: is one of them the sum of the others? */
function couldAddUp(row: readonly Cell[]): boolean {
  const values = row.map((v) => v ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  return values.some((v) => v > 0 && Math.abs(total - 2 * v) < 1e-9);
}

/** The distinct orders of `row`'s figures in which its last is the sum of the others. */
const ordersAddingUp = (row: readonly Cell[]): number[][] => orderings(row.map((v) => v ?? 0)).filter(addsUp);

/** The distinct orderings of `xs` (at most 5,040 for a row of seven). */
export function orderings(xs: readonly number[]): number[][] {
  const out: number[][] = [];
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  const walk = (acc: number[]) => {
    if (acc.length === xs.length) return void out.push([...acc]);
    for (const [x, c] of counts) {
      if (c === 0) continue;
      counts.set(x, c - 1);
      acc.push(x);
      walk(acc);
      acc.pop();
      counts.set(x, c);
    }
  };
  walk([]);
  return out;
}

/** At most this many combinations of orders of the rows printed out of order are tried. */
const MAX_ORDERS = 20_000;

/**
 * The readings of `p` in which its rows printed out of order take orders of their own figures that
 * make every identity hold (`sums`: the identities over the other rows); null past MAX_ORDERS.
 * A row printing both blank marks and zeros is not placed (which of its zeros were blank is unknown).
 */
function solveJumbled(p: Partial, sums: readonly number[], jumbled: readonly number[], identities: readonly ColumnIdentity[], width: number): Partial[] | null {
  const options = jumbled.map((j) => {
    const printed = p.rows[j]!;
    return printed.some((v) => v === null) && printed.some((v) => v === 0) ? [] : ordersAddingUp(printed);
  });
  if (options.reduce((a, o) => a * Math.max(1, o.length), 1) > MAX_ORDERS) return null;
  const out: Partial[] = [];
  const choose = (i: number, picked: number[][]) => {
    if (i === jumbled.length) {
      const holds = identities.every((w, m) =>
        Array.from({ length: width }, (_, c) => sums[m * width + c]! + jumbled.reduce((a, j, k) => a + (w[j] ?? 0) * picked[k]![c]!, 0)).every((x) => Math.abs(x) < 1e-9),
      );
      if (!holds) return;
      const rows = p.rows.map((row) => [...row]);
      jumbled.forEach((j, k) => {
        const blanks = p.rows[j]!.some((v) => v === null);
        rows[j] = picked[k]!.map((v) => (v === 0 && blanks ? null : v));
      });
      out.push({ rows, first: p.first, jumbled: [...jumbled] });
      return;
    }
    for (const order of options[i]!) choose(i + 1, [...picked, order]);
  };
  choose(0, []);
  return out;
}
