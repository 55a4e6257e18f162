// The cells a row printed, into the row's columns. Where that is certain it says nothing; where a
// rule had to place them, it says which cells and by which rule.
import type { Cell, Finding } from '../schema.ts';
import type { CellToken } from './stream.ts';
import type { Token } from './tokens.ts';

export interface Placed {
  values: Cell[];
  /** Column indexes placed by a rule, with the rule. */
  inferred: { index: number; rule: string }[];
  /** Set when the cells could not be placed with confidence even by a rule. */
  doubt?: string;
  /** Printed figures other than 0 that a rule dropped (surplus cells): never silently. */
  dropped?: number[];
}

const valueOf = (t: CellToken): Cell => (t.kind === 'number' ? t.value : null);
export const sum = (xs: readonly Cell[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
/** Equal as printed figures (a sum of decimals may differ from its total in the last bits). */
export const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
/** Whether a row's cells before the last add up to the last (blanks as 0). */
export const addsUpToLast = (row: readonly Cell[]) => close(sum(row.slice(0, -1)), row.at(-1) ?? 0);

const isEmpty = (t: CellToken) => t.kind === 'blank' && t.empty === true;

/**
 * Readings that make a row exact: all its cells; the last `width` of a grid row whose surplus
 * fields on the left are empty (a label spanning several columns); without empty edge fields;
 * without any empty field.
 */
function exactCells(tokens: readonly CellToken[], width: number): CellToken[] | null {
  if (tokens.length === width) return [...tokens];
  if (tokens.length > width && tokens.slice(0, tokens.length - width).every(isEmpty)) return tokens.slice(tokens.length - width);
  let from = 0;
  let to = tokens.length;
  while (from < to && isEmpty(tokens[from]!)) from++;
  while (to > from && isEmpty(tokens[to - 1]!)) to--;
  if (to - from === width) return tokens.slice(from, to);
  const filled = tokens.filter((t) => !isEmpty(t));
  return filled.length === width ? filled : null;
}

export interface RowShape {
  width: number;
  /** The last column is the total of the others (section 三 rows, section 四 groups). */
  lastIsTotal?: boolean;
}

/** All ways to keep `keep` (>= 2) of `n` positions, the first and the last always kept. */
function keepings(n: number, keep: number): number[][] {
  const out: number[][] = [];
  const pick = (start: number, chosen: number[]) => {
    if (chosen.length === keep - 2) {
      out.push([0, ...chosen, n - 1]);
      return;
    }
    for (let i = start; i <= n - 2 - (keep - 2 - chosen.length - 1); i++) pick(i + 1, [...chosen, i]);
  };
  pick(1, []);
  return out;
}

/** A figure's printed digits, or null where it printed anything else (a sign, a point, a blank mark, text). */
export const printedDigits = (t: Token) => (t.kind === 'number' && /^\d+$/u.test(t.printed ?? '') ? t.printed! : null);

/** At most this many figures of one row wrapped onto the lines after it. */
export const MAX_WRAPPED = 3;

/**
 * A row whose figures were too wide for their cells (full-width digits in narrow columns): each
 * wrapped figure's first digits stand in the row's line with the other cells, the rest of its
 * digits after that line, in column order. `run` is the row's `width` cells followed by those rests;
 * each rest is joined to a different figure (not 0: a 0 has no more digits), in column order. The
 * row is read only where exactly one such joining adds up to its total; else null.
 */
export function unwrapRow(run: readonly Cell[], width: number): Cell[] | null {
  const head = run.slice(0, width);
  const rests = run.slice(width);
  if (rests.length === 0 || rests.some((v) => v === null || !Number.isInteger(v))) return null;
  const wrappable = head.flatMap((v, c) => (v !== null && v > 0 && Number.isInteger(v) ? [c] : []));
  let found: Cell[] | null = null;
  const pick = (from: number, chosen: number[]): boolean => {
    if (chosen.length === rests.length) {
      const row = [...head];
      chosen.forEach((c, k) => (row[c] = Number(`${head[c]}${rests[k]}`)));
      if (!addsUpToLast(row)) return true;
      if (found) return false;
      found = row;
      return true;
    }
    for (let k = from; k < wrappable.length; k++) if (!pick(k + 1, [...chosen, wrappable[k]!])) return false;
    return true;
  };
  return pick(0, []) ? found : null;
}

/**
 * A row printed whole on one line whose wrapped figures' last digits stand on the lines after it
 * (Chromium: a cell's second line below the row's line, the row label's second line maybe between):
 * joined as `unwrapRow` does, each rest no wider than its figure's first line (a line's rest never is).
 */
export function restsJoined(tokens: readonly CellToken[], width: number): Cell[] | null {
  const head = tokens.slice(0, width);
  const rests = tokens.slice(width);
  const line = tokens[0]?.line;
  if (head.length < width || rests.length === 0 || rests.length > MAX_WRAPPED) return null;
  if (!head.every((t) => t.line === line) || !rests.every((t) => t.line > line! && printedDigits(t))) return null;
  const row = unwrapRow(tokens.map(valueOf), width);
  if (!row) return null;
  const joined = head.flatMap((t, c) => (row[c] !== valueOf(t) ? [printedDigits(t)] : []));
  return joined.every((h, k) => h !== null && printedDigits(rests[k]!)!.length <= h.length) ? row : null;
}

/** Most ways to join stacked digits tried for one row. */
const MAX_STACK_READINGS = 5000;

/**
 * Figures wrapped a digit a line in a narrow column (Chromium's narrow columns, as PDF viewers copy
 * them: 308 as 3, 0 and 8 on lines of their own, or 24 as 2 and then 4 at the start of the next line's
 * cells): a one-digit figure that ends its line joined to the one that starts the next, in a row with
 * cells printed together on a line and no line between its cells, until the row has `width` cells; a joined figure never starts
 * with 0. Every way to join them is tried; the row only where exactly one way `addsUp`.
 */
export function stackedDigitsJoined(tokens: readonly CellToken[], width: number, addsUp: (row: Cell[]) => boolean): Cell[] | null {
  const joins = tokens.length - width;
  // A wrap ends a line and goes on at the start of the next: 2 / 4 - - - - 2 / 6 is 24 … 26.
  const lastOnLine = (k: number) => tokens[k + 1]?.line !== tokens[k]!.line;
  const firstOnLine = (k: number) => tokens[k - 1]?.line !== tokens[k]!.line;
  const digit = (k: number) => {
    const t = tokens[k]!;
    return t.kind === 'number' && /^\d$/u.test(t.printed ?? '') ? t.printed! : null;
  };
  const links = tokens.flatMap((t, k) => (k + 1 < tokens.length && digit(k) && digit(k + 1) && lastOnLine(k) && firstOnLine(k + 1) && tokens[k + 1]!.line === t.line + 1 ? [k] : []));
  // Every cell on a line of its own is reading order's way (pdftotext): its one-digit lines are cells.
  // A wrap shows beside cells printed together on one line, in a row printed on lines one after
  // another: pdftotext's blocks (a blank line between) interleave narrow columns' digits (1, 0, 1 is
  // 11 with the next column's 0 between).
  const together = tokens.some((t, k) => tokens[k + 1]?.line === t.line);
  const compact = tokens.every((t, k) => k === 0 || t.line - tokens[k - 1]!.line <= 1);
  if (joins < 1 || links.length < joins || !together || !compact) return null;
  const rows = new Map<string, Cell[]>();
  let tried = 0;
  const choose = (from: number, set: number[]): boolean => {
    if (set.length === joins) {
      if (++tried > MAX_STACK_READINGS) return false;
      const at = new Set(set);
      const printed: (string | null)[] = [];
      const values: Cell[] = [];
      tokens.forEach((t, k) => {
        if (at.has(k - 1)) {
          printed[printed.length - 1] += digit(k)!;
        } else {
          printed.push(digit(k));
          values.push(valueOf(t));
        }
      });
      if (printed.some((p) => p && p.length > 1 && p.startsWith('0'))) return true;
      printed.forEach((p, i) => p && p.length > 1 && (values[i] = Number(p)));
      if (addsUp(values)) rows.set(JSON.stringify(values), values);
      return rows.size < 2;
    }
    for (let i = from; i <= links.length - (joins - set.length); i++) if (!choose(i + 1, [...set, links[i]!])) return false;
    return true;
  };
  // choose stops (false) at a second row that adds up, or past MAX_STACK_READINGS.
  return choose(0, []) ? ([...rows.values()][0] ?? null) : null;
}

export function placeCells(tokens: readonly CellToken[], shape: RowShape): Placed {
  const { width } = shape;
  const exact = exactCells(tokens, width);
  if (exact) return { values: exact.map(valueOf), inferred: [] };

  const filled = tokens.filter((t) => !isEmpty(t));
  const cells = filled.map(valueOf);
  if (cells.length === 0) return { values: Array(width).fill(null), inferred: [] };
  const all = Array.from({ length: width }, (_, index) => index);

  const rested = shape.lastIsTotal && cells.length > width ? restsJoined(filled, width) : null;
  if (rested) return { values: rested, inferred: all.map((index) => ({ index, rule: 'row-rests-joined' })) };

  const stacked = shape.lastIsTotal && cells.length > width ? stackedDigitsJoined(filled, width, addsUpToLast) : null;
  if (stacked) return { values: stacked, inferred: all.map((index) => ({ index, rule: 'stacked-digits-joined' })) };

  if (cells.length > width) {
    // Merged header cells print surplus cells (often a repeated 0). Keep the first and the last
    // and drop surplus ones from the middle; with a total column, only drops that leave the row
    // adding up are candidates.
    if (cells.length - width > 4 || width < 2) {
      return { values: Array(width).fill(null), inferred: [], doubt: `${cells.length} cells for ${width} columns` };
    }
    const candidates = new Map<string, { row: Cell[]; keep: number[] }>();
    for (const keep of keepings(cells.length, width)) {
      const row = keep.map((i) => cells[i]!);
      if (!shape.lastIsTotal || addsUpToLast(row)) candidates.set(JSON.stringify(row), { row, keep });
    }
    const rule = `surplus-cells-dropped: ${cells.length} cells printed for ${width} columns`;
    const inferred = all.map((index) => ({ index, rule }));
    // Rows that read the same drop the same figures, so any one keeping tells which.
    const unique = candidates.size === 1 ? [...candidates.values()][0]! : null;
    const keep = unique ? unique.keep : [0, ...all.slice(1).map((i) => i + cells.length - width)];
    const dropped = cells.filter((v, i) => !keep.includes(i) && v !== null && v !== 0) as number[];
    const droppedDoubt = dropped.length > 0 ? `printed figure${dropped.length > 1 ? 's' : ''} ${dropped.join(', ')} dropped as surplus` : undefined;
    if (unique) return { values: unique.row, inferred, ...(droppedDoubt ? { doubt: droppedDoubt, dropped } : {}) };
    // Undecidable: drop the cells right after the first, where merged headers sit.
    const values = keep.map((i) => cells[i]!);
    const doubt = `${candidates.size} ways to read ${cells.length} cells${droppedDoubt ? `; ${droppedDoubt}` : ''}`;
    return { values, inferred, doubt, ...(dropped.length > 0 ? { dropped } : {}) };
  }

  // Fewer cells than columns: blanks were left out. With a total column, a row of one applicant
  // kind prints that count and the total (互助 2022: `9 9`): the first column and the total.
  if (shape.lastIsTotal && cells.length === 2 && close(cells[0] ?? 0, cells[1] ?? 0)) {
    const values: Cell[] = Array(width).fill(null);
    values[0] = cells[0]!;
    values[width - 1] = cells[1]!;
    return {
      values,
      inferred: all.map((index) => ({ index, rule: 'two-cells-as-first-column-and-total' })),
      // The count is certain; that it is 自然人's (the usual case) is not.
      doubt: `2 cells for ${width} columns: read as the first column (自然人) and the total`,
    };
  }
  if (shape.lastIsTotal && cells.length >= 2 && addsUpToLast(cells)) {
    const values: Cell[] = Array(width).fill(null);
    cells.slice(0, -1).forEach((v, i) => (values[i] = v));
    values[width - 1] = cells.at(-1)!;
    return {
      values,
      inferred: all.map((index) => ({ index, rule: 'cells-left-aligned-last-as-total' })),
      doubt: `${cells.length} cells for ${width} columns: which columns were left blank is not certain`,
    };
  }
  const values: Cell[] = Array(width).fill(null);
  cells.forEach((v, i) => (values[i] = v));
  return {
    values,
    inferred: all.map((index) => ({ index, rule: 'cells-left-aligned' })),
    doubt: `${cells.length} cells for ${width} columns: which columns were left blank is not certain`,
  };
}

/** A rule dropped printed figures that were not 0: a warning on the row, naming them. */
export function droppedFinding(path: string, placed: Placed, line: number | undefined): Finding[] {
  if (!placed.dropped?.length) return [];
  const figures = placed.dropped.join(', ');
  return [{ severity: 'warning', code: 'cells-dropped', message: `${path}: the row prints more cells than it has columns; printed ${figures} not read (the row's figures may be misplaced)`, path, line }];
}

/** What a column holds: a count of cases (件) or an amount of money (万元). */
export type Measure = 'count' | 'amount';

/** Far above any county's figure (a county's 行政许可 runs to tens of thousands; its fees to thousands of 万元). */
const LIMIT: Record<Measure, number> = { count: 1e8, amount: 1e8 };

/** Why a printed figure cannot be the value of a cell, or null when it can. */
export function implausible(value: number, measure: Measure): string | null {
  if (!Number.isFinite(value)) return 'too large to be a number';
  if (measure === 'count' && !Number.isInteger(value)) return 'a count with a fraction';
  if (Math.abs(value) >= LIMIT[measure]) return `larger than any county's figure (${measure === 'count' ? '100 million cases' : '100 million 万元'} or more)`;
  return null;
}

/**
 * Cells whose figure is no plausible value (a 30-digit count, a fractional count) become blank, each
 * with an error naming the cell and the text printed: never a value such as 1.23e+29 or Infinity.
 */
export function guardFigures(
  path: string,
  values: readonly Cell[],
  tokens: readonly CellToken[],
  measureOf: (index: number) => Measure,
  line: number | undefined,
): { values: Cell[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const used = new Set<CellToken>();
  const out = values.map((v, i) => {
    if (v === null) return v;
    const why = implausible(v, measureOf(i));
    if (!why) return v;
    const token = tokens.find((t) => t.kind === 'number' && !used.has(t) && Object.is(t.value, v));
    if (token) used.add(token);
    const printed = (token?.kind === 'number' ? token.printed : undefined) ?? String(v);
    const where = values.length > 1 ? `${path}[${i}]` : path;
    findings.push({ severity: 'error', code: 'figure-implausible', message: `${where}: printed ${printed.length > 60 ? `${printed.slice(0, 40)}… (${printed.length} characters)` : printed}, ${why}; left blank`, path: where, line, unread: true });
    return null;
  });
  return { values: out, findings };
}
