// Why a report's figure may not be taken at face value in a ranking or a total: the report's own
// arithmetic fails (consistent: false), some of its figures could not be read (findings with
// unread: true), its text was recognised from a scan (OCR: any digit may be misread), or the parser
// warned about the very row the figure comes from. Such a figure is
// marked in every ranking row and total it enters, and each ranking can be seen without them.
import type { Report } from '../../schema.ts';

export type MarkReason =
  | 'inconsistent' // 报告自身数字不符
  | 'unread' // 有未能读出的数字
  | 'recognised' // 文字由扫描件识别（OCR）而来
  | 'row-warning'; // 该项所在行有解析提示

export const MARK_SHORT: Record<MarkReason, string> = {
  inconsistent: '自身数字不符',
  unread: '有数字未能读出',
  recognised: '扫描件识别',
  'row-warning': '该行有解析提示',
};

export const MARK_LABELS: Record<MarkReason, string> = {
  inconsistent: '报告自身的数字相互不符（勾稽关系不成立）',
  unread: '报告中有本站未能读出的数字',
  recognised: '报告是扫描件，数字由文字识别（OCR）读出，可能有识别错误',
  'row-warning': '解析该项所在的行时有警告（例如单元格按规则推定所在的栏）',
};

/** The rows of the report each metric is read from (metrics.ts), for the row warnings. */
export const METRIC_ROWS: Record<string, readonly string[]> = {
  licensing: ['active.licensing'],
  punishment: ['active.punishment'],
  coercion: ['active.coercion'],
  fees: ['active.fees'],
  received: ['applications.received'],
  'disclosure-rate': ['applications.granted', 'applications.partlyGranted', 'applications.total'],
  review: ['review'],
  litigation: ['litigationDirect', 'litigationAfterReview'],
  'review-correction-rate': ['review'],
  denied: ['applications.denied'],
};

/** A finding's path (`applications.granted[3]`, `applications`) touches the row (`applications.granted`). */
export function touchesRow(findingPath: string, row: string): boolean {
  const p = findingPath.replace(/\[\d+\]$/u, '');
  return p === row || p.startsWith(`${row}.`) || row.startsWith(`${p}.`);
}

/** What the summary keeps to mark a report's figures: report-wide reasons and the metrics with row warnings. */
export interface ReportMarks {
  inconsistent: boolean;
  unread: boolean;
  /** The text was recognised from a scan (a `text-recognised` finding). */
  recognised: boolean;
  /** Metric ids whose rows carry a warning or error finding (other than a failed identity, counted in `inconsistent`). */
  rowWarnings: string[];
}

export function reportMarks(report: Pick<Report, 'consistent' | 'findings'>): ReportMarks {
  const warnings = report.findings.filter((f) => f.path && f.severity !== 'info' && f.code !== 'identity-failed');
  return {
    inconsistent: !report.consistent,
    unread: report.findings.some((f) => f.unread === true),
    recognised: report.findings.some((f) => f.code === 'text-recognised'),
    rowWarnings: Object.entries(METRIC_ROWS)
      .filter(([, rows]) => warnings.some((f) => rows.some((row) => touchesRow(f.path!, row))))
      .map(([id]) => id),
  };
}

/** Why this report's figure for this metric is marked; empty when it is not. */
export function markReasons(marks: ReportMarks, metricId: string): MarkReason[] {
  const out: MarkReason[] = [];
  if (marks.inconsistent) out.push('inconsistent');
  if (marks.unread) out.push('unread');
  if (marks.recognised) out.push('recognised');
  if (marks.rowWarnings.includes(metricId)) out.push('row-warning');
  return out;
}
