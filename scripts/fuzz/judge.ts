// What a fuzz case's parse says against the truth: a figure read otherwise than written while the
// report is `consistent: true` is what a page would show as checked and wrong.
import type { ParseResult } from '../../src/lib/parse/index.ts';
import type { Report } from '../../src/lib/schema.ts';
import { compareWithTruth, type Mismatch } from '../synth/compare.ts';
import type { Truth } from '../synth/truth.ts';

const FIGURES = ['active', 'applications', 'review', 'litigationDirect', 'litigationAfterReview'];
const isFigure = (path: string) => FIGURES.some((f) => path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[`));

/** Whether a finding or an inference of the report speaks of `path` (its row, its table or the cell). */
function flagged(report: Report, path: string): boolean {
  // Table 四's three rows are one table: its findings speak of them as `review`.
  const table = path.startsWith('litigation') ? 'review' : null;
  // 2019 format: 上一年项目数量 and 本年增/减 stand in the row of the item they count.
  const item = /^active\.itemCounts\.(\w+)/.exec(path)?.[1];
  if (item && flagged(report, `active.${item}`)) return true;
  const related = (p: string | undefined) => !!p && (path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`) || p.startsWith(`${path}[`) || p.startsWith(`${path}.`) || p === table);
  return report.findings.some((f) => f.severity !== 'info' && related(f.path)) || report.inferred.some((i) => related(i.path));
}

/**
 * Why a figure differs, for the summary: a finding or an inference speaks of it (`flagged`); read as
 * blank where the truth has a figure (`blank`: the mutation took the figure out or hid it); another
 * number in table 二, which no identity of the format checks (`table-two`); another number elsewhere
 * (`number`: the arithmetic should have caught it; a parser bug unless the edit keeps every identity).
 */
export type Why = 'flagged' | 'blank' | 'table-two' | 'number';

export interface Verdict {
  /** The figures read otherwise than the truth. */
  differing: (Mismatch & { why: Why })[];
  /** The case's class: the worst of its figures' (number > table-two > blank > flagged). */
  why: Why;
}

const RANK: Why[] = ['flagged', 'blank', 'table-two', 'number'];

/** Whether a value holds a figure at all (a row of blanks shows none). */
const hasFigure = (v: unknown): boolean => (typeof v === 'number' ? true : Array.isArray(v) ? v.some(hasFigure) : typeof v === 'object' && v !== null ? Object.values(v).some(hasFigure) : false);

/** Null unless the report parsed, claims `consistent: true` and a figure differs from the truth. */
export function judge(result: ParseResult, truth: Truth | undefined): Verdict | null {
  if (!truth || !result.ok || !result.report.consistent) return null;
  const report = result.report;
  const differing = compareWithTruth(truth, report)
    .filter((m) => isFigure(m.path))
    .map((m) => {
      const why: Why = flagged(report, m.path) ? 'flagged' : !hasFigure(m.actual) ? 'blank' : m.path.startsWith('active') ? 'table-two' : 'number';
      return { ...m, why };
    });
  if (differing.length === 0) return null;
  const why = RANK[Math.max(...differing.map((d) => RANK.indexOf(d.why)))]!;
  return { differing, why };
}
