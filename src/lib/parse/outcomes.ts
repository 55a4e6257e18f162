// Section 四 行政复议、行政诉讼情况: fifteen cells, three groups of 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
import type { Cell, OutcomeRow } from '../schema.ts';
import { addsUpToLast, droppedFinding, guardFigures, placeCells, stackedDigitsJoined } from './cells.ts';
import type { Line } from './lines.ts';
import type { Notes } from './rows.ts';
import { untangleGroups } from './order.ts';
import { toStream } from './stream.ts';

export const OUTCOME_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];
export type Outcomes = Record<OutcomeGroup, OutcomeRow>;

const WIDTH = 5;

/**
 * Does this region hold the review and litigation table? Its result words, or else its groups' own
 * header words with 结果: in reading order a narrow header column prints 结果维 and 持 on two lines.
 */
export const holdsOutcomes = (text: string) => /行政复议/.test(text) && (/(?:维持|纠正|审结)/.test(text) || (/直接起诉|复议后起诉/.test(text) && /结果/.test(text)));

/** The path of the table's cell `index` (0–14), as in `litigationDirect[2]`. */
const cellPath = (index: number) => `${OUTCOME_GROUPS[Math.floor(index / WIDTH)]}[${index % WIDTH}]`;

const splitGroups = (values: readonly Cell[]): Outcomes => ({
  review: values.slice(0, 5),
  litigationDirect: values.slice(5, 10),
  litigationAfterReview: values.slice(10, 15),
});

export function readOutcomes(lines: readonly Line[], notes: Notes): Outcomes | null {
  // Every cell of section 四 counts cases: no fractions, nothing absurdly large.
  const split = (values: readonly Cell[]): Outcomes => {
    const out = splitGroups(values);
    for (const g of OUTCOME_GROUPS) {
      const guarded = guardFigures(g, out[g]!, tokens, () => 'count', notes.lines[g]);
      notes.findings.push(...guarded.findings);
      out[g] = guarded.values;
    }
    return out;
  };
  const stream = toStream(lines);
  if (!holdsOutcomes(stream.text)) return null;
  const tokens = stream.cells.map((c) => c.token);
  // The region holds the words tested above, so it has a first line.
  const firstLine = tokens[0]?.line ?? lines[0]!.no;
  const blank = { review: null, litigationDirect: null, litigationAfterReview: null };
  const allBlank = () => splitGroups(Array<Cell>(15).fill(null));
  /** The same warning on each group: the site marks a row only where a finding touches it. */
  const warnEachGroup = (code: 'cells-inferred' | 'cells-unplaced', why: string) => {
    for (const path of OUTCOME_GROUPS) notes.findings.push({ severity: 'warning', code, message: `${path}: ${why}`, path, line: firstLine, ...(code === 'cells-unplaced' ? { unread: true } : {}) });
  };
  /**
   * A note on how the whole section was read: a doubt goes on each group (it may have placed any
   * group's figures), a rule applied without doubt once, on the first.
   */
  const noteSection = (severity: 'info' | 'warning', why: string) => {
    for (const path of severity === 'warning' ? OUTCOME_GROUPS : OUTCOME_GROUPS.slice(0, 1)) notes.findings.push({ severity, code: 'cells-inferred', message: `section 四: ${why}`, path, line: firstLine });
  };
  for (const g of OUTCOME_GROUPS) notes.lines[g] = firstLine;
  if (tokens.every((t) => t.kind === 'blank')) {
    if (tokens.length === 0 || tokens.length === 15) return allBlank();
    // Blank marks for a third of the cells or more and no figure anywhere: the other blank cells were
    // not printed (reading order drops them); a few marks alone say too little.
    if (tokens.length < WIDTH) return blank;
    warnEachGroup('cells-inferred', `section 四 prints ${tokens.length} blank marks for 15 cells and no figure: every cell read as blank`);
    return allBlank();
  }

  // Cells printed apart (text between them) or each on a line of its own: where a group placed with
  // doubt does not add up, it was cut from other groups' figures and is unread. A row of cells printed
  // together and placed without doubt keeps them as printed, for the checks to flag; placed with doubt
  // (cells left out or dropped), a group that does not add up is unread too.
  const apart = new Set(stream.cells.map((c) => c.offset)).size > 1;
  const eachOnOwnLine = new Set(tokens.map((t) => t.line)).size === tokens.length;
  const separate = apart || (tokens.length > 1 && eachOnOwnLine);
  const stacked = tokens.length > 15 ? stackedDigitsJoined(tokens, 15, (row) => Object.values(splitGroups(row)).every((g) => addsUpToLast(g!))) : null;
  if (stacked) {
    for (let i = 0; i < 15; i++) notes.inferred.push({ path: cellPath(i), rule: 'stacked-digits-joined', line: firstLine });
    return split(stacked);
  }
  const placed = placeCells(tokens, { width: 15 });
  notes.findings.push(...OUTCOME_GROUPS.flatMap((g) => droppedFinding(g, placed, firstLine)));
  if (placed.doubt !== undefined && placed.inferred.length === 0) {
    // Printed figures no rule could place (too many cells): every group unread, not blank.
    warnEachGroup('cells-unplaced', placed.doubt);
    return split(placed.values);
  }
  if (placed.inferred.length === 0) {
    const read = split(placed.values);
    // Fifteen cells that do not add up, with header words printed among them: reading order may have
    // interleaved the groups. Cells printed together that do not add up are kept as the report has them;
    // printed apart, a group that no reading makes add up is unread.
    if (!apart) return read;
    if (OUTCOME_GROUPS.every((g) => addsUpToLast(read[g]!))) {
      // Every cell on a line of its own among the header words: reading order, where a group's figures
      // may be printed against its columns' order and still add up. Placed in table order, under a warning.
      if (eachOnOwnLine) warnEachGroup('cells-inferred', 'each cell printed on a line of its own among the header words (text in reading order): taken in table order, which column each figure is in is not certain');
      return read;
    }
    // Chromium may print each group's first cell and its 总计 before its middle cells (维持 总计 纠正 其他
    // 尚未审结): read so only where the groups as printed do not add up, and only where one way does.
    const inOrder = untangleGroups(placed.values, 3, WIDTH);
    const totalSecond = inOrder ? null : untangleGroups(placed.values, 3, WIDTH, true);
    const untangled = inOrder ?? (totalSecond && !totalSecond.doubt ? totalSecond : null);
    if (!untangled) return unreadGroupsNotAddingUp(read, notes, firstLine);
    const rule = `groups-interleaved: the 15 cells read as three groups that each add up${untangled === totalSecond ? ', each group\'s 总计 printed after its first cell' : ''}${untangled.doubt ? '' : ', in the order printed'}`;
    for (let i = 0; i < 15; i++) notes.inferred.push({ path: cellPath(i), rule, line: firstLine });
    noteSection(untangled.doubt ? 'warning' : 'info', untangled.doubt ?? rule);
    return split(untangled.values.flat());
  }

  // Cells left out: one or two whole groups left blank is the common case. Nothing printed tells
  // which groups they are (any group's figures add up as well as another's): printed apart, unread;
  // printed together, read as the first groups, left-aligned as cells.ts places a short row, and say so.
  const cells = tokens.flatMap((t) => (t.kind === 'number' ? [t.value] : []));
  // Printed apart (reading order), the groups' figures may stand anywhere among the header words:
  // nothing tells which groups they are, and taking the first would put figures in the wrong group.
  if (cells.length % WIDTH === 0 && cells.length < 15 && separate) {
    warnEachGroup('cells-unplaced', `${cells.length} cells for 15 printed apart: which groups they are is not known`);
    return allBlank();
  }
  if (cells.length % WIDTH === 0 && cells.length < 15) {
    const chosen = OUTCOME_GROUPS.slice(0, cells.length / WIDTH);
    const values: Cell[] = Array(15).fill(null);
    cells.forEach((v, i) => (values[i] = v));
    const rule = `groups-left-blank: ${cells.length} cells for 15, read as ${chosen.join(' + ')}`;
    for (let i = 0; i < 15; i++) notes.inferred.push({ path: cellPath(i), rule, line: firstLine });
    noteSection('warning', `${rule}; which groups were left blank is not certain`);
    return separate ? unreadGroupsNotAddingUp(split(values), notes, firstLine) : split(values);
  }
  for (const { index, rule } of placed.inferred) {
    notes.inferred.push({ path: cellPath(index), rule, line: firstLine });
  }
  noteSection('warning', placed.doubt ?? placed.inferred[0]!.rule);
  // Placed with doubt (cells left out or dropped): a group that does not add up was placed wrong.
  return placed.doubt ? unreadGroupsNotAddingUp(split(placed.values), notes, firstLine) : split(placed.values);
}

/**
 * Groups whose four figures do not add up to their 总计 where the cells were placed with doubt (printed
 * apart in reading order with no reading adding up, or left out or dropped by a rule): cut from other
 * groups' or columns' figures, so unread (null), each with a finding.
 */
export function unreadGroupsNotAddingUp(read: Outcomes, notes: Notes, line: number | undefined): Outcomes {
  const out = { ...read };
  for (const g of OUTCOME_GROUPS) {
    const values = out[g];
    if (!values || addsUpToLast(values)) continue;
    out[g] = Array<Cell>(WIDTH).fill(null);
    notes.inferred = notes.inferred.filter((i) => !i.path.startsWith(`${g}[`));
    notes.findings.push({ severity: 'warning', code: 'cells-unplaced', message: `${g}: its figures, placed with doubt, do not add up to its 总计 (they may be another group's or column's); left unread`, path: g, line, unread: true });
  }
  return out;
}
