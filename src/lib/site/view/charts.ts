// Chart specifications (plain data) for the report and county pages. The page renders each spec as
// a table (the accessible and no-JavaScript equivalent) and hands it to Chart.js as JSON.
import type { ApplicantRow, Report } from '../../schema.ts';
import { formatMetricBare } from './format.ts';
import { applicantLabels, outcomeLabels, OUTCOME_TABLES } from './labels.ts';
import type { Metric } from '../data/metrics.ts';

export interface ChartSpec {
  id: string;
  title: string;
  /** Category labels (x axis). */
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
  unit: string;
  /** One-sentence summary for the canvas's aria-label. */
  summary: string;
  /** Footnote under the chart, e.g. which bars are sums of printed rows. */
  note?: string;
  /** Whether to stack the datasets. */
  stacked?: boolean;
}

const TOTAL = 6;
const sumRows = (rows: (ApplicantRow | undefined)[], i: number): number | null => {
  let s = 0;
  let any = false;
  for (const r of rows) {
    const v = r?.[i];
    if (v !== null && v !== undefined) {
      s += v;
      any = true;
    }
  }
  return any ? s : null;
};

const describe = (labels: string[], data: (number | null)[], unit: string) =>
  labels.map((l, i) => `${l} ${data[i] === null ? '空白' : `${data[i]} ${unit}`}`).join('，');

/** Outcomes of applications (总计 column): the six results; sub-rows summed per group. */
export function outcomesChart(r: Report): ChartSpec | null {
  const a = r.applications;
  if (!a) return null;
  const labels = ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'];
  const data = [
    a.granted?.[TOTAL] ?? null,
    a.partlyGranted?.[TOTAL] ?? null,
    sumRows(Object.values(a.denied), TOTAL),
    sumRows(Object.values(a.unavailable), TOTAL),
    sumRows(Object.values(a.notProcessed), TOTAL),
    sumRows(Object.values(a.otherHandling), TOTAL),
  ];
  if (data.every((v) => !v)) return null;
  return {
    id: 'outcomes',
    title: '申请办理结果（总计栏）',
    labels,
    datasets: [{ label: '件数', data }],
    unit: '件',
    summary: `${r.region.name} ${r.year} 年申请办理结果：${describe(labels, data, '件')}。`,
    note: '“不予公开”“无法提供”“不予处理”“其他处理”为报告所印各分项之和。',
  };
}

/** New applications by applicant type (一、本年新收, six applicant columns). */
export function applicantsChart(r: Report): ChartSpec | null {
  const row = r.applications?.received;
  if (!row) return null;
  const labels = applicantLabels.slice(0, 6) as string[];
  const data = row.slice(0, 6);
  if (data.every((v) => !v)) return null;
  return {
    id: 'applicants',
    title: '新收申请的申请人类型',
    labels: labels.map((l, i) => (i === 0 ? l : i === 5 ? '其他法人或组织' : l)),
    datasets: [{ label: '件数', data }],
    unit: '件',
    summary: `${r.region.name} ${r.year} 年新收申请按申请人：${describe(labels, data, '件')}。`,
  };
}

/** Review and litigation outcomes: four outcomes for each of the three tables. */
export function reviewChart(r: Report): ChartSpec | null {
  const labels = outcomeLabels.slice(0, 4) as string[];
  const datasets = OUTCOME_TABLES.map((t) => ({
    label: t.group === t.label ? t.label : `诉讼（${t.label}）`,
    data: (r[t.key] ?? [null, null, null, null]).slice(0, 4),
  }));
  if (datasets.every((d) => d.data.every((v) => !v))) return null;
  return {
    id: 'review',
    title: '行政复议和行政诉讼的结果',
    labels,
    datasets,
    unit: '件',
    stacked: false,
    summary: `${r.region.name} ${r.year} 年：${datasets.map((d) => `${d.label}——${describe(labels, d.data, '件')}`).join('；')}。`,
  };
}

/** A county's figure over the years it reported. */
export function trendChart(
  metric: Metric,
  region: Report['region'],
  points: { year: number; value: number | null }[],
): ChartSpec | null {
  if (points.filter((p) => p.value !== null).length < 2) return null;
  const rate = metric.kind === 'rate';
  const labels = points.map((p) => `${p.year}`);
  const data = points.map((p) => (p.value === null ? null : rate ? Math.round(p.value * 1000) / 10 : p.value));
  const unit = rate ? '%' : metric.unit;
  return {
    id: `trend-${metric.id}`,
    title: `${metric.label}（${unit}）`,
    labels,
    datasets: [{ label: metric.label, data }],
    unit,
    summary: `${region.name}历年${metric.label}：${points
      .map((p) => `${p.year} 年 ${p.value === null ? '无数字' : formatMetricBare(metric, p.value)}${rate ? '' : ` ${unit}`}`)
      .join('，')}。`,
  };
}

/** The charts a report page draws, in page order (its embed pages are these). */
export function reportCharts(r: Report): ChartSpec[] {
  return [outcomesChart(r), applicantsChart(r), reviewChart(r)].filter((c): c is ChartSpec => c !== null);
}
