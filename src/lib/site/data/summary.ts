// What the site keeps in memory of each report: its identity and the figures rankings, totals and
// lists need. At 14,000+ reports the full reports (tables, checks, prose) would take gigabytes;
// a page that shows a whole report reads that one report from disk (reportFiles.ts).
import type { ApplicantRow, DocumentCounts, Region, Report, SourceInfo } from '../../schema.ts';
import { METRIC_ROWS, reportMarks, touchesRow, type ReportMarks } from './marks.ts';
import { METRICS, type MetricValue } from './metrics.ts';
import { applicantsChart, outcomesChart, reportCharts, reviewChart } from '../view/charts.ts';

export interface ReportSummary {
  id: string; // `<code>-<year>`
  region: Region;
  year: number;
  source: string;
  sourceInfo?: SourceInfo;
  tableFormat: Report['tableFormat'];
  consistent: boolean;
  /** How many of the report's own identities fail. */
  failedChecks: number;
  /** Why its figures are marked in rankings and totals (marks.ts). */
  marks: ReportMarks;
  /** Every metric of metrics.ts, computed once from the full report. */
  values: Record<string, MetricValue>;
  /** 二、上年结转 and 四、结转下年度, for the cross-year check against the neighbouring years. */
  carriedOver: ApplicantRow;
  carriedForward: ApplicantRow;
  /** 第二十条第（一）项 in the 2021 format (本年制发, 本年废止, 现行有效), for the check against the previous year; null otherwise. */
  documents: { regulations: InForceCounts | null; normativeDocuments: InForceCounts | null };
  /** 本年制发件数 (2021 format) or 本年新制作数量 (2019 format) of 规章 and 规范性文件, for the county trends. */
  issued: { regulations: number | null; normativeDocuments: number | null };
  /** Ids of the charts its page draws (charts.ts): each has an embed page. */
  charts: string[];
  /** Content digest of the report JSON (incremental-build cache keys). */
  digest: string;
}

export interface InForceCounts {
  issued: number | null; // 本年制发件数
  repealed: number | null; // 本年废止件数
  inForce: number | null; // 现行有效件数
}
const inForceCounts = (d: DocumentCounts | undefined): InForceCounts | null =>
  d && 'inForce' in d ? { issued: d.issued, repealed: d.repealed, inForce: d.inForce } : null;

export const reportId = (r: Pick<Report, 'region' | 'year'>) => `${r.region.code}-${r.year}`;

/**
 * Changes whenever the summary or a metric is computed differently (the code's own text), so
 * that summaries cached in the content store by file digest are recomputed after such a change.
 */
export const SUMMARY_VERSION = (() => {
  const text = [summarise.toString(), inForceCounts.toString(), reportMarks.toString(), touchesRow.toString(), JSON.stringify(METRIC_ROWS), ...[reportCharts, outcomesChart, applicantsChart, reviewChart].map((f) => f.toString()), ...METRICS.map((m) => `${m.id}:${m.value.toString()}`)].join('\n');
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
})();

export function summarise(report: Report, digest = ''): ReportSummary {
  const values: Record<string, MetricValue> = {};
  for (const m of METRICS) values[m.id] = m.value(report);
  return {
    id: reportId(report),
    region: report.region,
    year: report.year,
    source: report.source,
    ...(report.sourceInfo ? { sourceInfo: report.sourceInfo } : {}),
    tableFormat: report.tableFormat,
    consistent: report.consistent,
    failedChecks: report.checks.filter((c) => !c.ok).length,
    marks: reportMarks(report),
    values,
    carriedOver: report.applications?.carriedOver ?? null,
    carriedForward: report.applications?.carriedForward ?? null,
    documents: { regulations: inForceCounts(report.active?.regulations), normativeDocuments: inForceCounts(report.active?.normativeDocuments) },
    issued: { regulations: report.active?.regulations?.issued ?? null, normativeDocuments: report.active?.normativeDocuments?.issued ?? null },
    charts: reportCharts(report).map((c) => c.id),
    digest,
  };
}
