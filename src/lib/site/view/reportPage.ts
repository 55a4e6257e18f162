// Everything the report page shows, derived from the report and the site index in one place,
// so the page template only renders. O(1) lookups: the rankings are already computed.
import type { Check, Report, Versions } from '../../schema.ts';
import type { CrossCheck } from '../data/crossReport.ts';
import { IDENTITY_LABELS, findingText, ruleText, whereLabel, type CrossYearCheck } from './checks.ts';
import { formatChange, formatDate, formatMetric } from './format.ts';
import { applicationRowLabel, pathLabel } from './labels.ts';
import { HEADLINE_METRICS, MISSING_LABELS, MISSING_SHORT, type Metric } from '../data/metrics.ts';
import { renderProse } from './prose.ts';
import { otherVersionFile, type ReportFileName } from './paths.ts';
import type { ReportRank, SiteIndex } from '../data/siteIndex.ts';
import type { ReportSummary } from '../data/summary.ts';

/** Where each headline figure is read in the report, for its source-line reference. */
const METRIC_LINE_PATH: Record<string, string> = {
  licensing: 'active.licensing',
  punishment: 'active.punishment',
  coercion: 'active.coercion',
  fees: 'active.fees',
  received: 'applications.received',
  'disclosure-rate': 'applications.total',
  review: 'review',
  litigation: 'litigationDirect',
};

export interface HeadlineFigure {
  metric: Metric;
  rank: ReportRank;
  /** `''` when there is no previous report or either year lacks the figure. */
  change: string;
  previousYear?: number;
  line?: number;
  /** The page of a PDF the figure is read from (report.origins): shown instead of the line. */
  page?: number;
  missingText?: string;
  missingShort?: string;
  /** Note number when a rule placed (or converted) the figure's cell. */
  note?: number;
}

/** One note per inference rule, listing the rows it placed cells in. */
export interface InferenceNote {
  n: number;
  rule: string; // in Chinese
  rows: { where: string; line?: number }[];
}

export interface CheckRow {
  identity: string;
  where: string;
  printed: number | null;
  computed: number;
  ok: boolean;
}

/**
 * The link text of a report's published source, by its format: what the reader will get. A web
 * page's source is the text the site read from it (the page itself is linked by its address).
 */
export function sourceLinkText(format: string | undefined): string {
  if (format === 'pdf') return '原文 PDF';
  if (format === 'docx') return '原文 Word 文件';
  if (format === 'html') return '本站从原网页读出的文字';
  return '原文文本';
}

/** Above this size the prose is not inlined (the report page must stay small); the source text is linked. */
export const PROSE_INLINE_LIMIT = 24_000;

export interface ReportPageModel {
  headline: HeadlineFigure[];
  notes: Map<string, number>;
  inferenceNotes: InferenceNote[];
  failedChecks: CheckRow[];
  /** How many of the report's own identities hold (only the failing ones are listed). */
  passedChecks: number;
  crossYear: CrossYearCheck[] | null;
  previous?: ReportSummary;
  findings: { severity: Report['findings'][number]['severity']; text: string }[];
  prose: { heading: string; html: string }[] | null;
  proseTooLong: boolean;
  otherYears: { year: number; present: boolean }[];
  ogDescription: string;
  /** Table 二 against the county's other years and its province (crossReport.ts). */
  crossChecks: CrossCheck[];
  /** Other files for the same county and year: which is shown and why, in Chinese. */
  versions?: VersionsNote;
}

export interface VersionsNote {
  basis: Versions['basis'];
  /** Why this page shows the version it shows. */
  text: string;
  /** Whether the reader should compare the versions (the site could not tell them apart). */
  undecided: boolean;
  /** file: the other version's source as published (source-other-k.pdf …), none where it is not there. */
  others: { k: number; source: string; title: string; published?: string; url?: string; file?: ReportFileName }[];
}

const publishedText = (p: string | undefined) => (p ? `发布于 ${formatDate(p)}` : '未注明发布日期');

/** The versions note of the page; `formatOf(file)` says what a file is, undefined where it is not there to publish. */
export function versionsNote(report: Report, formatOf: (file: string) => string | undefined): VersionsNote | undefined {
  const v = report.versions;
  if (!v) return undefined;
  const others = v.others.map((o, i) => {
    const format = formatOf(o.source);
    return { k: i + 1, ...o, file: format === undefined ? undefined : otherVersionFile(i + 1, format) };
  });
  const names = v.others.map((o) => o.source).join('、');
  const text: Record<Versions['basis'], string> = {
    correction: `本页采用标题注明“更正”或“修订”的一版（${report.source}）；另一版（${names}）未采用。`,
    'later-published': `本页采用发布日期较晚的一版（${report.source}，${publishedText(report.sourceInfo?.published)}）；较早的一版（${names}）未采用。`,
    identical: `另有内容完全相同的文件（${names}），未重复收录。`,
    undecided: `各版标题均未注明更正或修订，也没有可比较的发布日期。本页暂按文件名顺序采用 ${report.source}；另一版（${names}）的数字可能不同，引用前请对照两版原文。`,
  };
  return { basis: v.basis, text: text[v.basis], undecided: v.basis === 'undecided', others };
}

function checkRow(c: Check): CheckRow {
  return { identity: IDENTITY_LABELS[c.identity], where: whereLabel(c.where), printed: c.printed, computed: c.computed, ok: c.ok };
}

function lineOf(report: Report, path: string): number | undefined {
  return report.lines[path];
}

/**
 * The parser's findings in Chinese. Failed identities and inferred cells are shown in the tables
 * and the notes; here they are one line each, the rest one line per finding.
 */
function findingsList(report: Report): ReportPageModel['findings'] {
  const out: ReportPageModel['findings'] = [];
  const failed = report.findings.filter((f) => f.code === 'identity-failed');
  const inferred = report.findings.filter((f) => f.code === 'cells-inferred');
  if (failed.length) out.push({ severity: 'warning', text: `${failed.length} 处勾稽关系不符，见上方“不符的勾稽关系”，表格中以红色标出。` });
  if (inferred.length)
    out.push({
      severity: inferred.some((f) => f.severity !== 'info') ? 'warning' : 'info',
      text: `${inferred.length} 行的单元格按规则推定所在的栏，见申请情况表下的注，表格中以黄色标出。`,
    });
  for (const f of report.findings) {
    if (f.code === 'identity-failed' || f.code === 'cells-inferred') continue;
    out.push({ severity: f.severity, text: findingText(f) });
  }
  return out;
}

export function reportPageModel(report: Report, summary: ReportSummary, site: SiteIndex, sourceFormat: (file: string) => string | undefined = () => undefined): ReportPageModel {
  const previous = site.previous(summary);
  const notes = new Map<string, number>();
  const byRule = new Map<string, InferenceNote>();
  for (const inf of report.inferred) {
    let note = byRule.get(inf.rule);
    if (!note) byRule.set(inf.rule, (note = { n: byRule.size + 1, rule: ruleText(inf.rule), rows: [] }));
    notes.set(inf.path, note.n);
    const row = inf.path.replace(/\[\d+\]$/, '');
    // Inside the applications table's note the table's name goes without saying.
    const where = row.startsWith('applications.') ? applicationRowLabel(row.slice('applications.'.length)) : pathLabel(row);
    if (!note.rows.some((r) => r.where === where)) note.rows.push({ where, line: inf.line });
  }
  const inferenceNotes = [...byRule.values()];
  const headline = HEADLINE_METRICS.map((metric): HeadlineFigure => {
    const rank = site.rankOf(metric.id, summary);
    const prevValue = previous ? previous.values[metric.id].value : null;
    return {
      metric,
      rank,
      change: rank.value === null ? '' : formatChange(metric, rank.value, prevValue),
      previousYear: previous?.year,
      line: lineOf(report, METRIC_LINE_PATH[metric.id] ?? ''),
      page: report.origins?.[METRIC_LINE_PATH[metric.id] ?? '']?.page,
      missingText: rank.value === null ? MISSING_LABELS[rank.reason] : undefined,
      missingShort: rank.value === null ? MISSING_SHORT[rank.reason] : undefined,
      note: notes.get(METRIC_LINE_PATH[metric.id] ?? '') ?? notes.get(`${METRIC_LINE_PATH[metric.id]}[6]`),
    };
  });


  const rendered = report.prose.map((p) => ({ heading: p.heading, html: renderProse(p.markdown) }));
  const proseSize = rendered.reduce((s, p) => s + p.html.length + p.heading.length, 0);
  const proseTooLong = proseSize > PROSE_INLINE_LIMIT;

  const county = site.county(report.region.code);
  const years = site.years;
  const otherYears = years.map((y) => ({ year: y, present: !!county?.reports.some((r) => r.year === y) }));

  const figures = headline
    .filter((h) => h.rank.value !== null)
    .slice(0, 5)
    .map((h) => `${h.metric.label} ${formatMetric(h.metric, h.rank.value)}`)
    .join('，');
  const ogDescription = `${report.region.province}${report.region.prefecture === report.region.province ? '' : report.region.prefecture}${report.region.name} ${report.year} 年政府信息公开工作年度报告：${figures || '主要数字未能读出'}。${report.consistent ? '' : '报告自身数字有不符之处。'}`;

  return {
    headline,
    notes,
    inferenceNotes,
    failedChecks: report.checks.filter((c) => !c.ok).map(checkRow),
    passedChecks: report.checks.reduce((n, c) => n + (c.ok ? 1 : 0), 0),
    crossYear: site.crossYear(summary),
    previous,
    findings: findingsList(report),
    prose: proseTooLong ? null : rendered,
    proseTooLong,
    otherYears,
    ogDescription,
    crossChecks: site.crossChecks(summary),
    versions: versionsNote(report, sourceFormat),
  };
}
