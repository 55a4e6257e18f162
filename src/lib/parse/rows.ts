// Reading rows out of a stream by their labels, in the order the table prints them.
import type { Cell, Finding, Inference } from '../schema.ts';
import { placeCells, type RowShape } from './cells.ts';
import { cellsBetween, findFrom, labelStart, type Stream } from './stream.ts';

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

export interface ReadRow {
  values: Cell[] | null;
  line?: number;
}

/** What reading a table produced besides values: the trace, inferences and findings. */
export interface Notes {
  lines: Record<string, number>;
  inferred: Inference[];
  findings: Finding[];
}

export const emptyNotes = (): Notes => ({ lines: {}, inferred: [], findings: [] });

interface Anchor {
  def: RowDef;
  start: number;
  end: number;
}

/** Finds each row's label in order; a label not found (or a landmark out of order) leaves its row missing. */
export function anchorRows(stream: Stream, defs: readonly RowDef[], from = 0): (Anchor | null)[] {
  const anchors: (Anchor | null)[] = [];
  let cursor = from;
  for (const def of defs) {
    const m = findFrom(stream.text, def.label, cursor);
    if (!m) {
      anchors.push(null);
      continue;
    }
    anchors.push({ def, start: labelStart(stream.text, m.index, cursor), end: m.end });
    if (!def.group && !def.landmark) cursor = m.end;
  }
  // A landmark counts only where it stands between the rows before and after it.
  return anchors.map((a, i) => {
    if (!a || !(a.def.group || a.def.landmark)) return a;
    const before = anchors.slice(0, i).findLast((b) => b && !b.def.group && !b.def.landmark);
    const after = anchors.slice(i + 1).find((b) => b && !b.def.group && !b.def.landmark);
    return (!before || a.start >= before.end) && (!after || a.end <= after.start) ? a : null;
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
  const rows = new Map<string, Cell[] | null>();
  for (const [i, def] of defs.entries()) {
    const anchor = anchors[i];
    if (!anchor) {
      if (!def.group && !def.optional) rows.set(def.path, null);
      continue;
    }
    const next = found[found.indexOf(anchor) + 1];
    const tokens = cellsBetween(stream, anchor.start, next ? next.start : (options.until ?? Infinity));
    const line = stream.lineAt[anchor.start];
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
    if (line !== undefined) notes.lines[def.path] = line;
    const placed = placeCells(tokens, shape);
    rows.set(def.path, placed.values);
    for (const { index, rule } of placed.inferred) notes.inferred.push({ path: `${def.path}[${index}]`, rule, line });
    if (placed.inferred.length > 0) {
      notes.findings.push({
        severity: placed.doubt ? 'warning' : 'info',
        code: 'cells-inferred',
        message: `${def.path}: ${placed.doubt ?? `cells placed by rule ${placed.inferred[0]!.rule}`}`,
        path: def.path,
        line,
      });
    }
  }
  for (const [i, def] of defs.entries()) {
    if (!anchors[i] && !def.group && !def.optional) {
      notes.findings.push({ severity: 'warning', code: 'row-missing', message: `${def.path}: row not found in the report`, path: def.path });
    }
  }
  return rows;
}
