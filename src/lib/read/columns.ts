// Blank cells in a PDF table: a layout converter prints nothing where a cell is blank, so a row of
// seven columns with two blanks reads as five numbers, and which two are blank is lost. The positions
// are not lost: the cells of a wide table's full rows mark its columns, and each cell of a shorter row
// belongs to the column it stands under. Such a row is then written as a grid row (tab-separated,
// an empty field for each blank cell), the form Word and HTML tables take, so the parser knows the
// blanks instead of inferring them.

/** A cell as placed on its line: its text and horizontal centre. */
export interface PlacedCell {
  text: string;
  centre: number;
}

export interface CellLine {
  /** Label text of the line: everything that is not a cell. */
  label: string;
  cells: PlacedCell[];
  /** A line that ends a table: a numbered section heading with no cells. */
  breaks: boolean;
}

/** Narrower tables (table 二's parts) have no blanks worth the risk of a wrong column. */
const MIN_COLUMNS = 5;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Columns of a run of lines: the centres of its widest rows' cells, column by column, if they agree. */
function columnsOf(lines: readonly CellLine[]): number[] | null {
  const width = Math.max(0, ...lines.map((l) => l.cells.length));
  if (width < MIN_COLUMNS) return null;
  const full = lines.filter((l) => l.cells.length === width);
  const centres = Array.from({ length: width }, (_, c) => median(full.map((l) => l.cells[c]!.centre)));
  return centres.every((x, c) => c === 0 || x > centres[c - 1]!) ? centres : null;
}

/**
 * Each cell of a shorter row under its own column: every cell within a third of the narrowest column
 * spacing of a distinct column, in order. Null where any cell fits no column with certainty.
 */
export function fitToColumns(cells: readonly PlacedCell[], columns: readonly number[]): (string | null)[] | null {
  const spacing = Math.min(...columns.slice(1).map((x, i) => x - columns[i]!));
  const fields: (string | null)[] = columns.map(() => null);
  let previous = -1;
  for (const cell of cells) {
    let best = -1;
    for (let c = 0; c < columns.length; c++) if (best < 0 || Math.abs(columns[c]! - cell.centre) < Math.abs(columns[best]! - cell.centre)) best = c;
    if (best <= previous || Math.abs(columns[best]! - cell.centre) > spacing / 3) return null;
    fields[best] = cell.text;
    previous = best;
  }
  return fields;
}

/**
 * The lines of a document with each wide table's shorter rows (those between its first and last full
 * row) written as grid rows; every other line's text is left as it was (null).
 */
export function gridRows(lines: readonly CellLine[]): (string | null)[] {
  const out: (string | null)[] = lines.map(() => null);
  let start = 0;
  const flush = (end: number) => {
    const run = lines.slice(start, end);
    const columns = columnsOf(run);
    if (!columns) return;
    const fullAt = run.flatMap((l, i) => (l.cells.length === columns.length ? [i] : []));
    for (let i = fullAt[0]!; i < fullAt.at(-1)!; i++) {
      const line = run[i]!;
      if (line.cells.length === 0 || line.cells.length >= columns.length) continue;
      const fields = fitToColumns(line.cells, columns);
      if (fields) out[start + i] = [line.label, ...fields.map((f) => f ?? '')].join('\t');
    }
  };
  lines.forEach((l, i) => {
    if (l.breaks) {
      flush(i);
      start = i + 1;
    }
  });
  flush(lines.length);
  return out;
}
