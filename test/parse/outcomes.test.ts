// Table 四 (行政复议、行政诉讼: three groups of 结果维持, 结果纠正, 其他结果, 尚未审结, 总计) read from its
// region, each branch with its exact output. Written for the mutants `npm run mutation` left alive in
// outcomes.ts (README, Mutation testing): a rule, a message, a bound or a group changed must fail here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import { toLines } from '../../src/lib/parse/lines.ts';
import { holdsOutcomes, OUTCOME_GROUPS, readOutcomes } from '../../src/lib/parse/outcomes.ts';
import { emptyNotes, type Notes } from '../../src/lib/parse/rows.ts';
import type { Report } from '../../src/lib/schema.ts';

const S003 = readFileSync(new URL('../../content/reports/003_1802fb2dfce92170.txt', import.meta.url), 'utf8');
// Section 四 of 003 as printed (heading, blank line, three header rows with tabs), up to its cells.
const FROM = S003.indexOf('四、政府信息公开行政复议');
const CELLS_003 = '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0';
const HEAD = S003.slice(FROM, S003.indexOf(CELLS_003, FROM));
const CELLS_LINE = HEAD.split('\n').length; // the cells' line number in HEAD + cells
const NULLS = [null, null, null, null, null];

function read(cells: string, head = HEAD) {
  const notes = emptyNotes();
  return { outcomes: readOutcomes(toLines(head + cells), notes), notes };
}
const rulesOf = (notes: Notes) => [...new Set(notes.inferred.map((i) => i.rule))];
/** Every cell of the table placed by one rule, on one line. */
const everyCell = (rule: string, line: number) =>
  Array.from({ length: 15 }, (_, i) => ({ path: `${OUTCOME_GROUPS[Math.floor(i / 5)]}[${i % 5}]`, rule, line }));
/** A doubt over how section 四 was read: the same warning on each group, the site marking a row only where a finding touches it. */
const onEachGroup = (message: string, line = 6) => OUTCOME_GROUPS.map((path) => ({ severity: 'warning', code: 'cells-inferred', message, path, line }));
const linesAt = (line: number) => ({ review: line, litigationDirect: line, litigationAfterReview: line });

describe('which region holds table 四', () => {
  it('行政复议 and a result word (维持, 纠正 or 审结), both', () => {
    expect(holdsOutcomes(HEAD)).toBe(true);
    expect(holdsOutcomes('四、行政复议情况\n本年度未发生')).toBe(false);
    expect(holdsOutcomes('四、行政诉讼 结果维持 尚未审结')).toBe(false);
    expect(read('1 0 0 0 1', '四、行政复议情况\n').outcomes).toBeNull();
    expect(read('1 0 0 0 1', '四、行政诉讼情况\n结果维持 结果纠正 其他结果 尚未审结 总计\n').outcomes).toBeNull();
  });
});

describe('fifteen cells printed together', () => {
  it('as 003 prints them: read in order, no inference, each group’s line the line of the cells', () => {
    const { outcomes, notes } = read('1\t0\t0\t0\t1\t0\t2\t0\t0\t2\t0\t0\t0\t3\t3');
    expect(outcomes).toEqual({ review: [1, 0, 0, 0, 1], litigationDirect: [0, 2, 0, 0, 2], litigationAfterReview: [0, 0, 0, 3, 3] });
    expect(notes).toEqual({ lines: linesAt(CELLS_LINE), inferred: [], findings: [] });
    expect(CELLS_LINE).toBe(6);
  });

  it('groups that do not add up are kept as printed when printed on one line (never rearranged)', () => {
    // Read as interleaved these would add up (1 0 0 0 1, 2 0 0 0 2, 0 …): printed together, they are not.
    const { outcomes, notes } = read('1 2 0 0 0 0 0 0 1 2 0 0 0 0 0');
    expect(outcomes).toEqual({ review: [1, 2, 0, 0, 0], litigationDirect: [0, 0, 0, 1, 2], litigationAfterReview: [0, 0, 0, 0, 0] });
    expect(notes.inferred).toEqual([]);
    expect(notes.findings).toEqual([]);
  });

  it('a figure that is no count (a fraction, 100 million or more) is blank, with an error on its cell and line', () => {
    const { outcomes, notes } = read('1.5 0 0 0 1 0 0 0 0 0 0 0 0 0 100000000');
    expect(outcomes).toEqual({ review: [null, 0, 0, 0, 1], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, null] });
    expect(notes.findings).toEqual([
      { severity: 'error', code: 'figure-implausible', message: 'review[0]: printed 1.5, a count with a fraction; left blank', path: 'review[0]', line: 6, unread: true },
      {
        severity: 'error',
        code: 'figure-implausible',
        message: "litigationAfterReview[4]: printed 100000000, larger than any county's figure (100 million cases or more); left blank",
        path: 'litigationAfterReview[4]',
        line: 6,
        unread: true,
      },
    ]);
  });
});

describe('no figures printed', () => {
  it('no cells at all: every group blank, on the region’s first line', () => {
    const { outcomes, notes } = read('');
    expect(outcomes).toEqual({ review: NULLS, litigationDirect: NULLS, litigationAfterReview: NULLS });
    expect(notes).toEqual({ lines: linesAt(1), inferred: [], findings: [] });
  });

  it('a blank mark (/) in each of the fifteen cells: every group blank; some other number of marks: groups unread', () => {
    expect(read(Array(15).fill('/').join(' ')).outcomes).toEqual({ review: NULLS, litigationDirect: NULLS, litigationAfterReview: NULLS });
    const { outcomes, notes } = read('/ / /');
    expect(outcomes).toEqual({ review: null, litigationDirect: null, litigationAfterReview: null });
    expect(notes).toEqual({ lines: linesAt(6), inferred: [], findings: [] });
  });

  it('blank marks for a third of the cells or more and no figure anywhere (blank cells not printed): every group blank, under a warning', () => {
    const { outcomes, notes } = read('- - - - - -');
    expect(outcomes).toEqual({ review: NULLS, litigationDirect: NULLS, litigationAfterReview: NULLS });
    // Each group's cells are inferred: a warning on each, so that the page marks all three.
    expect(notes.findings).toEqual(OUTCOME_GROUPS.map((path) => expect.objectContaining({ severity: 'warning', code: 'cells-inferred', path })));
  });
});

// Reading order may interleave the groups where header words are printed among the cells (PDF).
describe('cells printed apart, with header words among them', () => {
  const apart = (first: string, rest: string) => read(`${first}\n未经复议直接起诉\n${rest}`);

  it('groups that add up as printed: as printed, nothing said', () => {
    const { outcomes, notes } = apart('1 0 0 0 1', '2 0 0 0 2 0 0 0 0 0');
    expect(outcomes).toEqual({ review: [1, 0, 0, 0, 1], litigationDirect: [2, 0, 0, 0, 2], litigationAfterReview: [0, 0, 0, 0, 0] });
    expect(notes.inferred).toEqual([]);
    expect(notes.findings).toEqual([]);
  });

  it('groups interleaved in the order printed: untangled, every cell marked, an info', () => {
    const { outcomes, notes } = apart('1 2 0 0 0', '0 0 0 1 2 0 0 0 0 0');
    expect(outcomes).toEqual({ review: [1, 0, 0, 0, 1], litigationDirect: [2, 0, 0, 0, 2], litigationAfterReview: [0, 0, 0, 0, 0] });
    const rule = 'groups-interleaved: the 15 cells read as three groups that each add up, in the order printed';
    expect(notes.inferred).toEqual(everyCell(rule, 6));
    expect(notes.findings).toEqual([{ severity: 'info', code: 'cells-inferred', message: `section 四: ${rule}`, path: 'review', line: 6 }]);
  });

  it('groups untangled out of the order printed: a warning saying which is which is read from their totals', () => {
    const { outcomes, notes } = apart('0 0 0 0 0', '1 1 0 0 0 0 0 0 1 1');
    expect(outcomes).toEqual({ review: [0, 0, 0, 1, 1], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 1, 1] });
    expect(notes.inferred).toEqual(everyCell('groups-interleaved: the 15 cells read as three groups that each add up', 6));
    expect(notes.findings).toEqual(onEachGroup('section 四: the groups were printed out of order: which is which is read from the order of their totals'));
  });

  it('each group\'s 总计 printed right after its first cell (Chromium): read so where only that way adds up', () => {
    // 30 30 0 0 0 | 40 57 2 19 0 17 0 0 17 0: review 维持 总计 then its middle cells; the two
    // litigation groups' firsts and totals, then their middle cells (seed 7901's gen-7901-3-chromium).
    const { outcomes, notes } = apart('30 30 0 0 0', '40 57 2 19 0 17 0 0 17 0');
    expect(outcomes).toEqual({ review: [30, 0, 0, 0, 30], litigationDirect: [40, 0, 17, 0, 57], litigationAfterReview: [2, 0, 17, 0, 19] });
    expect(notes.findings).toEqual([expect.objectContaining({ code: 'cells-inferred', message: expect.stringContaining("each group's 总计 printed after its first cell") })]);
  });

  it('not where two groups\' middle cells could be cut two ways: unread', () => {
    // 18 35 39 49 3 14 0 3 7 0: 3 14 0 | 3 7 0, or 14 0 3 with 3 7 0 around it, each adds up.
    const { outcomes } = apart('39 56 0 17 0', '18 35 39 49 3 14 0 3 7 0');
    expect(outcomes?.litigationDirect).toEqual([null, null, null, null, null]);
    expect(outcomes?.litigationAfterReview).toEqual([null, null, null, null, null]);
  });

  it('no reading adds up: the groups that add up as printed, the others unread (cut from other groups\' figures)', () => {
    const { outcomes, notes } = apart('1 0 0 0 1', '2 0 0 0 3 0 0 0 0 0');
    expect(outcomes).toEqual({ review: [1, 0, 0, 0, 1], litigationDirect: [null, null, null, null, null], litigationAfterReview: [0, 0, 0, 0, 0] });
    expect(notes.inferred).toEqual([]);
    expect(notes.findings).toEqual([
      { severity: 'warning', code: 'cells-unplaced', message: "litigationDirect: its figures, placed with doubt, do not add up to its 总计 (they may be another group's or column's); left unread", path: 'litigationDirect', line: 6, unread: true },
    ]);
  });
});

describe('fewer cells than fifteen', () => {
  const leftBlank = (count: number, groups: string) => `groups-left-blank: ${count} cells for 15, read as ${groups}`;
  const warning = (rule: string) => onEachGroup(`section 四: ${rule}; which groups were left blank is not certain`);

  it.each([
    ['ten figures: two whole groups, the first two, every cell marked and a warning', '0 0 2 0 2 3 0 0 0 3', { review: [0, 0, 2, 0, 2], litigationDirect: [3, 0, 0, 0, 3], litigationAfterReview: NULLS }, 'review + litigationDirect'],
    ['five figures: one group, the first', '2 1 0 0 3', { review: [2, 1, 0, 0, 3], litigationDirect: NULLS, litigationAfterReview: NULLS }, 'review'],
  ])('%s', (_, text, expected, groups) => {
    const { outcomes, notes } = read(text);
    expect(outcomes).toEqual(expected);
    const rule = leftBlank(text.split(' ').length, groups);
    expect(notes.inferred).toEqual(everyCell(rule, 6));
    expect(notes.findings).toEqual(warning(rule));
  });

  it('five figures printed apart (reading order, header words among them): no group guessed, all unread', () => {
    const { outcomes, notes } = read('2 0 2 0\n行政诉讼\n4');
    expect(outcomes).toEqual({ review: NULLS, litigationDirect: NULLS, litigationAfterReview: NULLS });
    expect(notes.findings.map((f) => [f.code, f.path, f.unread])).toEqual([
      ['cells-unplaced', 'review', true],
      ['cells-unplaced', 'litigationDirect', true],
      ['cells-unplaced', 'litigationAfterReview', true],
    ]);
  });

  it('ten figures that do not add up: placed the same way (the checks flag the sums)', () => {
    const { outcomes, notes } = read('1 2 3 4 5 6 7 8 9 10');
    expect(outcomes).toEqual({ review: [1, 2, 3, 4, 5], litigationDirect: [6, 7, 8, 9, 10], litigationAfterReview: NULLS });
    expect(rulesOf(notes)).toEqual([leftBlank(10, 'review + litigationDirect')]);
  });

  it('blank marks among ten figures: the figures make the groups, the marks are not counted', () => {
    const { outcomes, notes } = read('1 0 0 0 1 / / 2 0 0 0 2');
    expect(outcomes).toEqual({ review: [1, 0, 0, 0, 1], litigationDirect: [2, 0, 0, 0, 2], litigationAfterReview: NULLS });
    expect(rulesOf(notes)).toEqual([leftBlank(10, 'review + litigationDirect')]);
  });

  it('a number of figures that is no whole number of groups: left-aligned by the cell rule, a warning; a group that then does not add up is unread', () => {
    // Placed with doubt, a group that does not add up holds figures of other columns or groups.
    const { outcomes, notes } = read('1 2 0 0 3 6 7');
    expect(outcomes).toEqual({ review: [1, 2, 0, 0, 3], litigationDirect: NULLS, litigationAfterReview: NULLS });
    expect(notes.inferred).toEqual(everyCell('cells-left-aligned', 6).filter((i) => !i.path.startsWith('litigationDirect')));
    expect(notes.findings).toEqual([
      ...onEachGroup('section 四: 7 cells for 15 columns: which columns were left blank is not certain'),
      { severity: 'warning', code: 'cells-unplaced', message: "litigationDirect: its figures, placed with doubt, do not add up to its 总计 (they may be another group's or column's); left unread", path: 'litigationDirect', line: 6, unread: true },
    ]);
  });
});

describe('more cells than fifteen', () => {
  it('fifteen figures and a blank mark: surplus, not groups left blank', () => {
    const { notes } = read('0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 /');
    expect(rulesOf(notes)).toEqual(['surplus-cells-dropped: 16 cells printed for 15 columns']);
  });

  it('a surplus 0 that reads one way only: dropped, every cell marked, a warning naming the rule', () => {
    const { outcomes, notes } = read('0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0');
    expect(outcomes).toEqual({ review: [0, 0, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, 0] });
    const rule = 'surplus-cells-dropped: 16 cells printed for 15 columns';
    expect(notes.inferred).toEqual(everyCell(rule, 6));
    expect(notes.findings).toEqual(onEachGroup(`section 四: ${rule}`));
  });

  it('a surplus figure other than 0: dropped with a warning naming it', () => {
    const { notes } = read('1 7 0 0 0 1 0 0 0 0 0 0 0 0 0 0');
    // Which group the dropped figure was in is not known: each group says so.
    expect(notes.findings.map((f) => [f.severity, f.code, f.path, f.line])).toEqual([
      ...OUTCOME_GROUPS.map((g) => ['warning', 'cells-dropped', g, 6]),
      ...OUTCOME_GROUPS.map((g) => ['warning', 'cells-inferred', g, 6]),
    ]);
    expect(notes.findings[0]!.message).toContain('printed 7 not read');
  });

  it('each group\'s total wrapped a digit a line (a PDF viewer\'s copy of a narrow column): joined where one way adds up', () => {
    const { outcomes, notes } = read('24 0 4 0\n2\n8\n29 1 11 7\n4\n8\n19 0 1 0\n2\n0');
    expect(outcomes).toEqual({ review: [24, 0, 4, 0, 28], litigationDirect: [29, 1, 11, 7, 48], litigationAfterReview: [19, 0, 1, 0, 20] });
    expect(rulesOf(notes)).toEqual(['stacked-digits-joined']);
  });

  it('digits on one line are never joined: too many cells, placed as before', () => {
    const { notes } = read('24 0 4 0 2 8 29 1 11 7 4 8 19 0 1 0 2 0');
    expect(rulesOf(notes)).not.toContain('stacked-digits-joined');
  });

  it('too many to place even by a rule: every group unread, with a warning each (never read as blank)', () => {
    const { outcomes, notes } = read(Array.from({ length: 21 }, (_, i) => i + 1).join(' '));
    expect(outcomes).toEqual({ review: NULLS, litigationDirect: NULLS, litigationAfterReview: NULLS });
    expect(notes.inferred).toEqual([]);
    expect(notes.findings).toEqual(
      OUTCOME_GROUPS.map((path) => ({ severity: 'warning', code: 'cells-unplaced', message: `${path}: 21 cells for 15 columns`, path, line: 6, unread: true })),
    );
  });

  it('003 with 21 figures printed in table 四: the report says its groups are unread', () => {
    const result = parseReport(S003.replace(CELLS_003, Array.from({ length: 21 }, (_, i) => i + 1).join('\t')), { source: '003.txt' });
    expect(result.ok).toBe(true);
    const report = (result as { report: Report }).report;
    expect(report.findings.filter((f) => f.code === 'cells-unplaced').map((f) => [f.path, f.unread])).toEqual([
      ['review', true],
      ['litigationDirect', true],
      ['litigationAfterReview', true],
    ]);
  });
});

describe('table 四 in reading order: each cell on a line of its own among the header words', () => {
  const HEADER = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const groups = [['行政复议', '4 0 1 0 5'], ['未经复议直接起诉', '0 0 0 0 0'], ['复议后起诉', '1 1 2 0 4']];

  it('groups that add up as read are kept, under a warning on each group (their columns may be in another order)', () => {
    const notes = emptyNotes();
    const text = [...HEADER, ...groups.flatMap(([label, cells]) => [label!, ...cells!.split(' ')])].join('\n');
    const outcomes = readOutcomes(toLines(text), notes)!;
    expect(outcomes.litigationAfterReview).toEqual([1, 1, 2, 0, 4]);
    const warned = notes.findings.filter((f) => f.severity === 'warning' && f.code === 'cells-inferred').map((f) => f.path);
    expect(warned).toEqual([...OUTCOME_GROUPS]);
  });

  it('a group a line (cells with their label): no warning', () => {
    const notes = emptyNotes();
    const text = [...HEADER, ...groups.map(([label, cells]) => `${label} ${cells}`)].join('\n');
    expect(readOutcomes(toLines(text), notes)!.litigationAfterReview).toEqual([1, 1, 2, 0, 4]);
    expect(notes.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
