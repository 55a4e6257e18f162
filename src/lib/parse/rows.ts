// Reading rows out of a stream by their labels, in the order the table prints them.
import type { Cell, Finding, Inference } from '../schema.ts';
import { addsUpToLast, droppedFinding, guardFigures, placeCells, restsJoined, type RowShape } from './cells.ts';
import { cellsBetween, findLabel, labelStart, type CellToken, type Stream } from './stream.ts';

export interface RowDef {
  /** JSON path of the row, e.g. `applications.denied.stateSecret`. */
  path: string;
  /** Words of the label, enough to tell it from every other row. */
  label: RegExp;
  /** A heading over other rows, not a row of its own (cells printed beside it are reported). */
  group?: boolean;
  /** The table may print this row or not (the caller decides what its absence means). */
  optional?: boolean;
  /**
   * Not searched in order: headings over several rows wrap in a PDF's layout text so that their
   * words land among the rows below (`三、本年度` … `办理结果`). Such a label bounds its neighbours
   * only where it is found between them. Groups are landmarks too.
   */
  landmark?: boolean;
}

/** What reading a table produced besides values: the trace, inferences and findings. */
export interface Notes {
  lines: Record<string, number>;
  inferred: Inference[];
  findings: Finding[];
}

export const emptyNotes = (): Notes => ({ lines: {}, inferred: [], findings: [] });

/** Notes of a reading kept (one of several tried) added to the table's own. */
export function mergeNotes(from: Notes, into: Notes): void {
  Object.assign(into.lines, from.lines);
  into.inferred.push(...from.inferred);
  into.findings.push(...from.findings);
}

interface Anchor {
  def: RowDef;
  start: number;
  end: number;
  /** Found only out of the table's order (see anchorRows). */
  outOfOrder?: true;
}

type Match = { index: number; end: number };

/** Every place a label is found at or after `from`. */
function labelMatches(stream: Stream, label: RegExp, from: number): Match[] {
  const out: Match[] = [];
  for (let m = findLabel(stream, label, from); m; m = findLabel(stream, label, m.index + 1)) out.push(m);
  return out;
}

/**
 * Of each row's label matches (`matchesOf`, none for groups and landmarks), those in the table's
 * order: as many rows as can be, each label at or after the
 * end of the one before; of chains as long, the one whose last label starts first (where every label
 * stands in order: each row's first label after the row before, as read one by one).
 */
function rowsInOrder(matchesOf: readonly Match[][], from: number): (Match | null)[] {
  // chains[n]: the chain of n rows whose last label starts first, by row.
  type Chain = { start: number; end: number; picks: Map<number, Match> };
  const chains: Chain[] = [{ start: from, end: from, picks: new Map() }];
  matchesOf.forEach((matches, i) => {
    for (let n = chains.length - 1; n >= 0; n--) {
      const m = matches.find((x) => x.index >= chains[n]!.end);
      if (m && (!chains[n + 1] || m.index < chains[n + 1]!.start)) chains[n + 1] = { start: m.index, end: m.end, picks: new Map(chains[n]!.picks).set(i, m) };
    }
  });
  const { picks } = chains.at(-1)!;
  return matchesOf.map((_, i) => picks.get(i) ?? null);
}

/**
 * Finds each row's label in the table's order (`rowsInOrder`); a landmark or group is searched after
 * the row before it. A row whose label stands only out of that order, apart from every label found,
 * is found there: Chromium prints the label of a row that printed nothing after the rows that did.
 * A label not found leaves its row missing.
 */
export function anchorRows(stream: Stream, defs: readonly RowDef[], from = 0): (Anchor | null)[] {
  // Each row's label matches, found once (groups and landmarks are searched after the row before).
  const matchesOf = defs.map((def) => (def.group || def.landmark ? [] : labelMatches(stream, def.label, from)));
  const inOrder = rowsInOrder(matchesOf, from);
  const anchors: (Anchor | null)[] = [];
  let cursor = from;
  for (const [i, def] of defs.entries()) {
    const m = def.group || def.landmark ? findLabel(stream, def.label, cursor) : inOrder[i];
    if (!m) {
      anchors.push(null);
      continue;
    }
    anchors.push({ def, start: labelStart(stream.text, m.index, cursor), end: m.end });
    if (!def.group && !def.landmark) cursor = m.end;
  }
  // A landmark counts only where it stands between the rows before and after it. It is searched from
  // the end of the row before, so only the row after can find it out of place.
  const placed = anchors.map((a, i) => {
    if (!a || !(a.def.group || a.def.landmark)) return a;
    const after = anchors.slice(i + 1).find((b) => b && !b.def.group && !b.def.landmark);
    return !after || a.end <= after.start ? a : null;
  });
  const taken = placed.filter((a): a is Anchor => a !== null);
  return placed.map((a, i) => {
    const def = defs[i]!;
    if (a || def.group || def.landmark) return a;
    const m = matchesOf[i]!.find((x) => !taken.some((t) => x.index < t.end && t.start < x.end));
    if (!m) return null;
    const floor = Math.max(from, ...taken.map((t) => t.end).filter((end) => end <= m.index));
    const anchor: Anchor = { def, start: labelStart(stream.text, m.index, floor), end: m.end, outOfOrder: true };
    taken.push(anchor);
    return anchor;
  });
}

/**
 * Some converters print every label of a table first and all its cells after them, row by row or
 * column by column. Recognised when no row but the last has cells and the last has exactly a full
 * table's worth; the order is the one in which more rows add up to their total.
 */
function cellsAfterLabels(found: readonly Anchor[], tokensOf: Map<Anchor, CellToken[]>, shape: RowShape) {
  const rowsOf = (withLandmarks: boolean) => found.filter((a) => !a.def.group && (withLandmarks || !a.def.landmark));
  const last = found.at(-1);
  if (!last || found.length < 4 || found.slice(0, -1).some((a) => tokensOf.get(a)!.length > 0)) return null;
  const cells = tokensOf.get(last)!.filter((t) => !(t.kind === 'blank' && t.empty)).map((t) => (t.kind === 'number' ? t.value : null));
  const rows = [rowsOf(false), rowsOf(true)].find((r) => r.length * shape.width === cells.length);
  if (!rows) return null;
  const { width } = shape;
  const byRow = rows.map((_, r) => cells.slice(r * width, r * width + width));
  const byColumn = rows.map((_, r) => Array.from({ length: width }, (_, c) => cells[c * rows.length + r]!));
  const addsUp = (table: Cell[][]) => table.filter(addsUpToLast).length;
  const columnMajor = shape.lastIsTotal === true && addsUp(byColumn) > addsUp(byRow);
  const chosen = columnMajor ? byColumn : byRow;
  const same = JSON.stringify(byRow) === JSON.stringify(byColumn);
  return {
    values: new Map(rows.map((a, r) => [a, chosen[r]!])),
    rule: `cells-after-labels-${columnMajor ? 'column' : 'row'}-major: all ${cells.length} cells printed after the labels`,
    doubt: !same && (!shape.lastIsTotal || addsUp(byColumn) === addsUp(byRow)) ? 'the cells were printed after all the labels; their order is not certain' : undefined,
  };
}

/**
 * A group heading wrapped around its first row's figures (Chromium: 三、本年度办理结 | 110 15 0 0 0 4
 * 112 | 果 | （一）予以公开 | 6 | 5): the heading holds one line of a row's cells, its first row only
 * the rests of that row's wrapped figures (`restsJoined`). The cells are that row's.
 */
function headingCellsToFirstRow(found: readonly Anchor[], tokensOf: Map<Anchor, CellToken[]>, { width, lastIsTotal }: RowShape) {
  if (!lastIsTotal) return;
  found.forEach((heading, k) => {
    const row = found[k + 1];
    if (!heading.def.group || !row || row.def.group || row.def.landmark) return;
    const beside = tokensOf.get(heading)!;
    const cells = [...beside, ...tokensOf.get(row)!];
    if (beside.length !== width || !restsJoined(cells, width)) return;
    tokensOf.set(row, cells);
    tokensOf.set(heading, []);
  });
}

/**
 * Reads the rows of `defs` from `stream`; `until` bounds the last row. Cells are placed by
 * `placeCells`, whose inferences and doubts become notes.
 */
export function readRows(
  stream: Stream,
  defs: readonly RowDef[],
  shape: RowShape,
  notes: Notes,
  options: { from?: number; until?: number } = {},
): Map<string, Cell[] | null> {
  const anchors = anchorRows(stream, defs, options.from ?? 0);
  const found = anchors.filter((a): a is Anchor => a !== null);
  const outOfOrder = found.some((a) => a.outOfOrder);
  // Each row's cells are those up to the next label printed, in whatever order the labels stand.
  if (outOfOrder) found.sort((a, b) => a.start - b.start);
  const tokensOf = new Map<Anchor, CellToken[]>();
  found.forEach((a, k) => tokensOf.set(a, cellsBetween(stream, a.start, found[k + 1]?.start ?? options.until ?? Infinity)));
  headingCellsToFirstRow(found, tokensOf, shape);
  // All labels first and every cell after them is a table printed in order: not with a label out of it.
  const block = outOfOrder ? null : cellsAfterLabels(found, tokensOf, shape);
  // An optional row none of whose optional siblings was found is left out by the format (（六）其他处理
  // printed as one row), not lost.
  const parent = (d: RowDef) => d.path.slice(0, d.path.lastIndexOf('.'));
  const leftOut = new Set(defs.filter((d) => d.optional && !defs.some((e, k) => e !== d && e.optional && !e.landmark && parent(e) === parent(d) && anchors[k])));
  const rows = new Map<string, Cell[] | null>();
  for (const [i, def] of defs.entries()) {
    const anchor = anchors[i];
    if (!anchor) {
      if (!def.group && !def.optional) rows.set(def.path, null);
      continue;
    }
    // A label found has a line: every character of the stream's text has one.
    const line = stream.lineAt[anchor.start]!;
    if (block) {
      const values = block.values.get(anchor);
      if (!values) continue;
      notes.lines[def.path] = line;
      const guarded = guardFigures(def.path, values, tokensOf.get(found.at(-1)!)!, () => 'count', line);
      notes.findings.push(...guarded.findings);
      rows.set(def.path, guarded.values);
      values.forEach((_, index) => notes.inferred.push({ path: `${def.path}[${index}]`, rule: block.rule, line }));
      continue;
    }
    const tokens = tokensOf.get(anchor)!;
    if (def.group) {
      const printed = tokens.filter((t) => t.kind === 'number');
      if (printed.length > 0) {
        notes.findings.push({
          severity: 'warning',
          code: 'cells-ignored',
          message: `${def.path}: ${printed.length} cells beside a heading row were not read`,
          path: def.path,
          line,
        });
      }
      continue;
    }
    notes.lines[def.path] = line;
    const placed = placeCells(tokens, shape);
    const guarded = guardFigures(def.path, placed.values, tokens, () => 'count', line);
    rows.set(def.path, guarded.values);
    notes.findings.push(...guarded.findings, ...droppedFinding(def.path, placed, line));
    for (const { index, rule } of placed.inferred) notes.inferred.push({ path: `${def.path}[${index}]`, rule, line });
    // A row not found whose figures may be among this row's cells: the next one (its label damaged),
    // or one whose label stands out of order within this row's reach. Where this row's cells are on
    // another line than its label (a row printed blank takes the other's figures, every sum holding),
    // say so on this row.
    if (tokens.some((t) => t.line !== line)) {
      // Landmarks stand anywhere by nature: not counted.
      const next = defs.findIndex((d, k) => k > i && !d.group && !d.landmark);
      const reach = found[found.indexOf(anchor) + 1]?.start ?? options.until ?? Infinity;
      const strayed = defs.find((d, k) => !d.group && !d.landmark && !anchors[k] && !leftOut.has(d) && (k === next || (findLabel(stream, d.label, anchor.end)?.index ?? Infinity) < reach));
      if (strayed) {
        notes.findings.push({ severity: 'warning', code: 'cells-of-missing-row', message: `${def.path}: the label of ${strayed.path} was not found in its place; the cells read here may be that row's`, path: def.path, line });
      }
    }
    if (placed.doubt && placed.inferred.length === 0 && tokens.some((t) => t.kind === 'number')) {
      // Printed figures that no rule could place: the row is unread, not blank.
      notes.findings.push({ severity: 'warning', code: 'cells-unplaced', message: `${def.path}: ${placed.doubt}`, path: def.path, line, unread: true });
    } else if (placed.inferred.length > 0) {
      notes.findings.push({
        severity: placed.doubt ? 'warning' : 'info',
        code: 'cells-inferred',
        message: `${def.path}: ${placed.doubt ?? `cells placed by rule ${placed.inferred[0]!.rule}`}`,
        path: def.path,
        line,
      });
    }
  }
  if (block) {
    notes.findings.push({ severity: block.doubt ? 'warning' : 'info', code: 'cells-inferred', message: `${defs[0]!.path.split('.')[0]}: ${block.doubt ?? block.rule}`, path: defs[0]!.path.split('.')[0] });
  }
  for (const [i, def] of defs.entries()) {
    if (!anchors[i] && !def.group && !def.optional) {
      notes.findings.push({ severity: 'warning', code: 'row-missing', message: `${def.path}: row not found in the report`, path: def.path, unread: true });
    }
  }
  return rows;
}
