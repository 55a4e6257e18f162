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
  | { table: Cell[][]; firstCell: number[]; readings: number }
  | { table: null; why: 'no-reading' | 'ambiguous' | 'too-many'; readings: number };

/** Distinct readings (tables in which every row adds up) kept for any run of rows, at most. */
export const MAX_READINGS = 5000;

interface Partial {
  rows: Cell[][];
  /** Index in `cells` of each row's first printed cell. */
  first: number[];
}

const addsUp = (row: readonly Cell[]) => Math.abs(row.slice(0, -1).reduce<number>((a, b) => a + (b ?? 0), 0) - (row.at(-1) ?? 0)) < 1e-9;

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

/**
 * Decodes `cells` (in reading order) into `rows` rows of `width` cells, the last of each the sum of
 * the others (blank cells count 0), printed in blocks of strips. Returns the one table `accept`
 * takes, with the index in `cells` of each row's first cell; else why not.
 */
export function decodeBlocks(
  cells: readonly Cell[],
  rows: number,
  width: number,
  accept: (table: Cell[][]) => boolean,
  maxReadings = MAX_READINGS,
): BlockDecoding {
  if (rows === 0 || cells.length !== rows * width) return { table: null, why: 'no-reading', readings: 0 };
  const splits = splitsOf(width);
  // suffix[r]: the distinct readings of rows r.. (every row adding up), or null past the limit.
  const suffix: (Map<string, Partial> | null)[] = Array(rows + 1).fill(null);
  suffix[rows] = new Map([['', { rows: [], first: [] }]]);
  for (let r = rows - 1; r >= 0; r--) {
    const out = new Map<string, Partial>();
    let over = false;
    for (let k = 1; k <= rows - r && !over; k++) {
      const rest = suffix[r + k];
      if (rest === null) {
        over = true;
        break;
      }
      if (rest!.size === 0) continue;
      const blocks = new Map<string, Partial>();
      // A block of one row reads the same under every split.
      for (const cuts of k === 1 ? [splits[0]!] : splits) {
        const block = readBlock(cells, r * width, k, cuts);
        if (block.rows.every(addsUp)) blocks.set(JSON.stringify(block.rows), block);
      }
      for (const block of blocks.values()) {
        for (const tail of rest!.values()) {
          const joined = { rows: [...block.rows, ...tail.rows], first: [...block.first, ...tail.first] };
          const key = JSON.stringify(joined.rows);
          if (!out.has(key)) out.set(key, joined);
          if (out.size > maxReadings) {
            over = true;
            break;
          }
        }
        if (over) break;
      }
    }
    suffix[r] = over ? null : out;
    if (over) return { table: null, why: 'too-many', readings: out.size };
  }
  const tables = suffix[0]!;
  const taken = [...tables.values()].filter((p) => accept(p.rows));
  if (taken.length > 1) return { table: null, why: 'ambiguous', readings: tables.size };
  if (taken.length === 0) return { table: null, why: 'no-reading', readings: tables.size };
  return { table: taken[0]!.rows, firstCell: taken[0]!.first, readings: tables.size };
}
