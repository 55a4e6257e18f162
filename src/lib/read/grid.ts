// A document table (HTML or Word) into the parser's tab form: one line per table row, the row's cells
// on the table's grid joined by tabs. A merged cell's text sits in its first (top-left) grid position;
// the rows below it it spans get empty fields there, the columns beside it none.
import type { Origin } from '../schema.ts';

/** A table cell where its merged area starts; `lines` are its paragraphs and line breaks. */
export interface SourceCell {
  lines: string[];
  colSpan: number;
  rowSpan: number;
}

export interface SourceLine {
  text: string;
  origin?: Origin;
}

const CJK = /[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef]/u;

/** A cell's lines as one field: Chinese text joins directly (a wrapped label), other text with a space. */
export function joinCellLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
    if (!line) continue;
    if (out && !(CJK.test(out[out.length - 1]!) || CJK.test(line[0]!))) out += ' ';
    out += line;
  }
  return out;
}

/** A grid place covered by the cell to its left. */
const SPANNED = '\u0000';

/** Limits spans to the table (rowspan="0" and absurd values from broken pages included). */
const MAX_COLUMNS = 200;

/** The rows' cells expanded to the grid: one array of fields per row, all as wide as the widest row. */
export function expandGrid(rows: readonly (readonly SourceCell[])[]): { fields: string[]; spanning: boolean }[] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  // A row whose one cell spans the whole table is a caption (第二十条第（一）项), not a row of cells.
  const single: (number | null)[] = rows.map(() => null);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r]![c] !== undefined) c++;
      const colSpan = Math.min(Math.max(1, cell.colSpan), MAX_COLUMNS);
      const rowSpan = Math.min(cell.rowSpan <= 0 ? rows.length - r : cell.rowSpan, rows.length - r);
      // Places below a cell (rowspan) stay as empty fields: they are label columns left of a label.
      // Places to its right (colspan) in its own rows are no cells at all: a figure spanning two columns
      // followed by an empty field would read as a figure and a blank.
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) grid[rr]![cc] = cc > c ? SPANNED : '';
      grid[r]![c] = joinCellLines(cell.lines);
      if (cells.length === 1 && rowSpan === 1) single[r] = colSpan;
      c += colSpan;
    }
  });
  const columns = Math.max(0, ...grid.map((g) => g.length));
  return grid.map((g, r) => ({
    fields: Array.from({ length: columns }, (_, c) => g[c] ?? '').filter((f) => f !== SPANNED),
    spanning: single[r] === columns,
  }));
}

/** A table's rows as lines in the tab form, each with its origin (table n, row r; 1-based). Rows with
 *  no text at all carry nothing and are left out. */
export function tableLines(rows: readonly (readonly SourceCell[])[], table: number): SourceLine[] {
  const out: SourceLine[] = [];
  expandGrid(rows).forEach(({ fields, spanning }, r) => {
    if (fields.every((f) => f === '')) return;
    out.push({ text: spanning ? fields[0]! : fields.join('\t'), origin: { table, row: r + 1 } });
  });
  return out;
}
