// A table's figures in reading order, placed by a search over every order a page can print a grid in.
//
// However a PDF's text is taken out in reading order (pdftotext's blocks and flows, a viewer's copy),
// a cell's figure mostly comes after the cell above it and after the cell left of it: within a column
// the cells go down, within a row they go right. Row by row, a few rows column by column, a tall
// cell's neighbours beside it: all are such orders (linear extensions of the grid). The search walks
// every one of them at once (with at most `maxOpen` rows begun and not ended), cell by cell, keeping
// only those under which every row adds up to its total and every column identity holds; a state is
// the figures taken, the cells filled (each column's height) and the sums still open, so states
// reached by many orders are searched once. A cell is read only where every order that passes puts
// the same figure in it. Rows named free may print their cells in any order, each column still top
// to bottom. A block of figures printed apart (after the next heading) is placed, whole and in its
// order, wherever the search finds it fits. Where rows left blank printed nothing, a row no column
// has begun may be found blank: each column then passes it without a figure. Anchors (a figure that
// starts a given row) keep only the orders that start those rows there.
import type { Cell } from '../schema.ts';

export interface GridProblem {
  /** The figures in reading order; null for a blank mark. */
  figures: readonly Cell[];
  /**
   * Rows whose cells may come in any order (LibreOffice prints a group's first rows' cells around the
   * group's label: middle or last columns first). Each column stays top to bottom.
   */
  free?: ReadonlySet<number>;
  /**
   * Figures printed apart from the others (among the next section's), in their order: the page
   * printed them one after another at some point of the table's order, which the search finds.
   */
  block?: readonly Cell[];
  /** Where the block may begin: before which figures (at a line break between two of them). */
  blockAt?: ReadonlySet<number>;
  /**
   * Rows left blank may print nothing at all (no figure, no blank mark): a row no column has begun
   * may then be found blank, each column passing it without a figure.
   */
  blankRows?: boolean;
  /** Where figure k may be the first line of a figure wrapped inside its cell: the two joined. */
  joined?: ReadonlyMap<number, number>;
  /** Figure k is the first cell of row r (its label printed just before it): k → r. */
  anchors?: ReadonlyMap<number, number>;
  rows: number;
  /** Columns, the last each row's total. */
  width: number;
  /** Column identities: per identity a weight per row; in each column the weighted sum is 0. */
  identities: readonly (readonly number[])[];
}

export type GridReading =
  /** Each cell's figure, or undefined where orders that pass put different figures in it. */
  | { kind: 'read'; cells: (Cell | undefined)[][] }
  | { kind: 'none' }
  /** The search went over `maxStates`: nothing is known. */
  | { kind: 'too-many' };

const EPS = 1e-6;

export interface GridSearch {
  /** Rows begun and not ended at once, at most. */
  maxOpen: number;
  /** States searched, at most: past it nothing is known. */
  maxStates: number;
}

/**
 * Every way to place `figures` in the grid in an order a page prints it in (see above), each figure
 * in one cell and as many of the `joined` pairs joined as there are figures too many.
 */
export function readInGridOrder(problem: GridProblem, { maxOpen, maxStates }: GridSearch): GridReading {
  const { figures, rows, width, identities } = problem;
  const joined = problem.joined ?? new Map<number, number>();
  const block = problem.block ?? [];
  const blockAt = problem.blockAt ?? new Set<number>();
  const n = figures.length;
  const total = rows * width;
  // Each join takes one figure too many: more figures than joins can take is no reading of this grid.
  const blankRows = problem.blankRows === true;
  if ((!blankRows && n + block.length < total) || n + block.length - total > joined.size || rows === 0) return { kind: 'none' };
  // Each identity, and each sum and difference of two, bounds a column's figures as they are placed:
  // figures are counts (never below 0), so where every row still to come weighs ≥ 0 the weighted sum
  // so far must not be above 0, where every one weighs ≤ 0 not below, and where none is left, 0.
  // (（七）总计 = the results rows and 一 + 二 = 三（七） + 四 together: the results so far ≤ 一 + 二.)
  const counts = [...figures, ...block].every((v) => (v ?? 0) >= 0) && [...joined.values()].every((v) => v >= 0);
  const bounds = [...identities];
  if (counts) {
    for (let a = 0; a < identities.length; a++) {
      for (let b = a + 1; b < identities.length; b++) {
        bounds.push(identities[a]!.map((x, r) => x + identities[b]![r]!), identities[a]!.map((x, r) => x - identities[b]![r]!));
      }
    }
  }
  // Per bound and per height (rows placed in the column): what the rows still to come weigh.
  const tails = bounds.map((w) => Array.from({ length: rows + 1 }, (_, h) => {
    const rest = w.slice(h);
    if (rest.every((x) => x === 0)) return 'done';
    if (!counts) return 'open';
    return rest.every((x) => x >= 0) ? 'up' : rest.every((x) => x <= 0) ? 'down' : 'open';
  }));
  const lastRow = bounds.map((w) => w.reduce((last, x, r) => (x !== 0 ? r : last), -1));
  const heights = Array<number>(width).fill(0);
  // Per row: its other cells' sum less its total, so far (0 once the row is in and adds up).
  const rowSums = Array<number>(rows).fill(0);
  const boundSums = bounds.map(() => Array<number>(width).fill(0));
  let next = 0;
  // The block's figures taken: once begun, the block goes on to its end.
  let taken = 0;
  let placed = 0;
  // Rows found blank (printed nothing): each column passes them without a figure.
  const blank = Array<boolean>(rows).fill(false);
  const lowest = () => Math.min(...heights);
  const highest = () => Math.max(...heights);

  const key = () => {
    const open: string[] = [];
    // Rows begun but not ended: their sums so far.
    for (let r = lowest(); r < highest(); r++) open.push(blank[r] ? 'b' : String(rowSums[r]));
    for (let k = 0; k < identities.length; k++) {
      for (let c = 0; c < width; c++) if (heights[c]! <= lastRow[k]!) open.push(String(boundSums[k]![c]));
    }
    return `${next}|${taken}|${heights.join(',')}|${open.join(',')}`;
  };
  const free = problem.free ?? new Set<number>();
  const anchors = problem.anchors ?? new Map<number, number>();
  // A cell may be filled where the cell above it is and the cell to its left (in a free row, not
  // needed), with no more than maxOpen rows begun and not ended.
  const open = (c: number) => {
    const h = heights[c]!;
    if (h >= rows || h + 1 - lowest() > maxOpen) return false;
    return c === 0 || heights[c - 1]! > h || free.has(h);
  };
  const fits = (c: number, v: number) => {
    const r = heights[c]!;
    // The row adds up once its last cell is in; once its total is in, what is still to come only adds.
    const sum = rowSums[r]! + (c === width - 1 ? -v : v);
    const ended = heights.every((h, k) => k === c || h > r);
    if (ended ? Math.abs(sum) > EPS : counts && (c === width - 1 || heights[width - 1]! > r) && sum > EPS) return false;
    return bounds.every((w, k) => {
      const sum = boundSums[k]![c]! + w[r]! * v;
      const tail = tails[k]![r + 1];
      return tail === 'done' ? Math.abs(sum) < EPS : tail === 'up' ? sum < EPS : tail === 'down' ? sum > -EPS : true;
    });
  };
  const shift = (c: number, v: number, sign: 1 | -1) => {
    if (sign < 0) heights[c]!--;
    const r = heights[c]!;
    rowSums[r]! += sign * (c === width - 1 ? -v : v);
    bounds.forEach((w, k) => (boundSums[k]![c]! += sign * w[r]! * v));
    if (sign > 0) heights[c]!++;
    placed += sign;
  };
  /** The moves from here: column, the figure placed, how many printed figures it takes (of the block: `apart`). */
  const moves = () => {
    const out: { c: number; cell: Cell; take: number; apart: number }[] = [];
    // The next row no column has begun, left blank: column -1.
    if (blankRows && heights[0]! < rows && highest() === heights[0] && heights[0]! + 1 - lowest() <= maxOpen) out.push({ c: -1, cell: null, take: 0, apart: 0 });
    const surplus = n - next + block.length - taken - (total - placed);
    const inBlock = taken > 0 && taken < block.length;
    const anchor = anchors.get(next);
    for (let c = 0; c < width; c++) {
      if (!open(c)) continue;
      if (!inBlock && next < n && (anchor === undefined || (c === 0 && heights[0] === anchor))) {
        out.push({ c, cell: figures[next]!, take: 1, apart: 0 });
        const both = joined.get(next);
        // Skipped rows take no figure: how many figures are too many is known only at the end.
        if ((surplus > 0 || blankRows) && both !== undefined) out.push({ c, cell: both, take: 2, apart: 0 });
      }
      if (inBlock || (taken === 0 && blockAt.has(next))) out.push({ c, cell: block[taken]!, take: 0, apart: 1 });
    }
    return out;
  };
  const done = () => next === n && taken === block.length;
  // Each move's cells filled, as columns, to be emptied in reverse (a blank row's cells with it).
  const filled: number[][] = [];
  /** Takes column c past the blank rows it stands at; false (nothing taken) where a blank cell does not fit. */
  const passBlanks = (c: number, into: number[]): boolean => {
    while (heights[c]! < rows && blank[heights[c]!]) {
      if (!fits(c, 0)) return false;
      shift(c, 0, 1);
      into.push(c);
    }
    return true;
  };
  /**
   * Fills cell (heights[c], c) with v where it fits, then takes the column past blank rows; c -1 marks
   * the row at column 0's height blank and takes every column standing there past it.
   */
  const place = (c: number, v: number): boolean => {
    const cells: number[] = [];
    filled.push(cells);
    let ok = true;
    if (c >= 0) {
      ok = fits(c, v);
      if (ok) {
        shift(c, v, 1);
        cells.push(c);
        ok = passBlanks(c, cells);
      }
    } else {
      blank[heights[0]!] = true;
      for (let k = 0; k < width && ok; k++) ok = passBlanks(k, cells);
    }
    if (!ok) unplace(c, v);
    return ok;
  };
  const unplace = (c: number, v: number) => {
    const cells = filled.pop()!;
    for (let i = cells.length - 1; i >= 0; i--) shift(cells[i]!, i === 0 && c >= 0 ? v : 0, -1);
    if (c < 0) blank[heights[0]!] = false;
  };

  const passes = new Map<string, boolean>();
  let tooMany = false;
  const walk = (): boolean => {
    if (placed === total) return done();
    const k = key();
    const known = passes.get(k);
    if (known !== undefined) return known;
    if (passes.size >= maxStates) {
      tooMany = true;
      return false;
    }
    let any = false;
    for (const { c, cell, take, apart } of moves()) {
      const v = cell ?? 0;
      if (!place(c, v)) continue;
      next += take;
      taken += apart;
      if (walk()) any = true;
      next -= take;
      taken -= apart;
      unplace(c, v);
      if (tooMany) return false;
    }
    passes.set(k, any);
    return any;
  };
  if (!walk()) return tooMany ? { kind: 'too-many' } : { kind: 'none' };

  // Every figure each cell takes on some order that passes.
  const seen = Array.from({ length: rows }, () => Array.from({ length: width }, () => new Map<string, Cell>()));
  const visited = new Set<string>();
  const collect = () => {
    if (placed === total) return;
    const k = key();
    if (visited.has(k)) return;
    visited.add(k);
    for (const { c, cell, take, apart } of moves()) {
      const v = cell ?? 0;
      const r = heights[Math.max(c, 0)]!;
      if (!place(c, v)) continue;
      next += take;
      taken += apart;
      const passing = placed === total ? done() : passes.get(key()) === true;
      if (passing) {
        if (c < 0) seen[r]!.forEach((m) => m.set('null', null));
        else seen[r]![c]!.set(String(cell), cell);
        collect();
      }
      next -= take;
      taken -= apart;
      unplace(c, v);
    }
  };
  collect();
  return { kind: 'read', cells: seen.map((row) => row.map((m) => (m.size === 1 ? [...m.values()][0] : undefined))) };
}
