// The figures the site ranks and compares, defined once: label, unit, how computed, and why a
// county may have no value. Ranks are positions, not grades: a high 行政处罚 count is not "better".
import type { Report } from '../../schema.ts';
import { unreadReason } from '../view/checks.ts';

const TOTAL = 6; // index of 总计 in a section 三 row
const OUTCOME_TOTAL = 4; // index of 总计 in a section 四 row
const CORRECTED = 1; // 结果纠正

/** Why a report has no value for a metric; shown beside the county in the "not reported" list. */
export type MissingReason =
  | 'not-read' // the table, row or cell could not be read (not found, or not placed)
  | 'blank' // the cell is printed blank
  | 'zero-denominator' // a rate over a total of 0
  | 'not-in-format'; // the 2019 format prints no such figure

export const MISSING_LABELS: Record<MissingReason, string> = {
  'not-read': '未能读出：本站在报告中未找到该表或该行，或无法确定数字所在的栏',
  blank: '报告中该栏为空白',
  'zero-denominator': '分母为 0，比率无意义',
  'not-in-format': '报告所用 2019 年格式不含该项',
};

/** The short form in place of the figure (headline cards, tables). */
export const MISSING_SHORT: Record<MissingReason, string> = {
  'not-read': '未能读出',
  blank: '报告空白',
  'zero-denominator': '不适用',
  'not-in-format': '格式无此项',
};

export type MetricValue = { value: number } | { value: null; reason: MissingReason };

export interface Metric {
  id: string; // URL segment, stable
  label: string; // 中文名
  unit: string; // 件, 万元, %
  kind: 'count' | 'amount' | 'rate';
  /** How the figure is computed from the report, in Chinese, for the methodology and ranking pages. */
  definition: string;
  /** Whether a national total over counties is meaningful (counts and amounts: yes; rates: no). */
  summable: boolean;
  /** Part of the eight headline figures of a report page. */
  headline: boolean;
  value(report: Report): MetricValue;
}

/** A printed cell, or why there is none: a blank the report prints, or a figure that could not be read. */
const cell = (r: Report, path: string, v: number | null | undefined): MetricValue =>
  v === null || v === undefined ? { value: null, reason: unreadReason(r, path) ? 'not-read' : 'blank' } : { value: v };

function activeCell(r: Report, key: 'licensing' | 'punishment' | 'coercion' | 'fees'): MetricValue {
  if (!r.active) return { value: null, reason: 'not-read' };
  const v = r.active[key];
  if (v === null && key === 'fees' && r.tableFormat === '2019') return { value: null, reason: 'not-in-format' };
  return cell(r, `active.${key}`, v);
}

function rowTotal(r: Report, path: string, row: (number | null)[] | null | undefined, index: number): MetricValue {
  if (!row) return { value: null, reason: 'not-read' };
  return cell(r, `${path}[${index}]`, row[index]);
}

function ratio(num: MetricValue[], den: MetricValue): MetricValue {
  if (den.value === null) return den;
  for (const n of num) if (n.value === null) return n;
  if (den.value === 0) return { value: null, reason: 'zero-denominator' };
  const sum = num.reduce((s, n) => s + (n.value ?? 0), 0);
  return { value: sum / den.value };
}

export const METRICS: readonly Metric[] = [
  {
    id: 'licensing',
    label: '行政许可',
    unit: '件',
    kind: 'count',
    definition: '第二十条第（五）项“行政许可”的本年处理决定数量，按报告所印。',
    summable: true,
    headline: true,
    value: (r) => activeCell(r, 'licensing'),
  },
  {
    id: 'punishment',
    label: '行政处罚',
    unit: '件',
    kind: 'count',
    definition: '第二十条第（六）项“行政处罚”的本年处理决定数量，按报告所印。',
    summable: true,
    headline: true,
    value: (r) => activeCell(r, 'punishment'),
  },
  {
    id: 'coercion',
    label: '行政强制',
    unit: '件',
    kind: 'count',
    definition: '第二十条第（六）项“行政强制”的本年处理决定数量，按报告所印。',
    summable: true,
    headline: true,
    value: (r) => activeCell(r, 'coercion'),
  },
  {
    id: 'fees',
    label: '行政事业性收费',
    unit: '万元',
    kind: 'amount',
    definition: '第二十条第（八）项“行政事业性收费”的本年收费金额，单位万元，按报告所印。2019 年格式只列项目数量、不列金额，这类报告无此项。',
    summable: true,
    headline: true,
    value: (r) => activeCell(r, 'fees'),
  },
  {
    id: 'received',
    label: '新收申请',
    unit: '件',
    kind: 'count',
    definition: '第三部分“一、本年新收政府信息公开申请数量”的总计栏，按报告所印（不以各类申请人之和代替）。',
    summable: true,
    headline: true,
    value: (r) => rowTotal(r, 'applications.received', r.applications?.received, TOTAL),
  },
  {
    id: 'disclosure-rate',
    label: '公开率',
    unit: '%',
    kind: 'rate',
    definition: '（（一）予以公开 + （二）部分公开）÷（七）总计，均取总计栏。办理结果总计为 0 时不计算。',
    summable: false,
    headline: true,
    value: (r) => {
      const a = r.applications;
      if (!a) return { value: null, reason: 'not-read' };
      return ratio([rowTotal(r, 'applications.granted', a.granted, TOTAL), rowTotal(r, 'applications.partlyGranted', a.partlyGranted, TOTAL)], rowTotal(r, 'applications.total', a.total, TOTAL));
    },
  },
  {
    id: 'review',
    label: '行政复议',
    unit: '件',
    kind: 'count',
    definition: '第四部分行政复议的总计栏，按报告所印。',
    summable: true,
    headline: true,
    value: (r) => rowTotal(r, 'review', r.review, OUTCOME_TOTAL),
  },
  {
    id: 'litigation',
    label: '行政诉讼',
    unit: '件',
    kind: 'count',
    definition: '第四部分行政诉讼“未经复议直接起诉”总计 + “复议后起诉”总计；两栏都印出时才计算。',
    summable: true,
    headline: true,
    value: (r) => {
      const direct = rowTotal(r, 'litigationDirect', r.litigationDirect, OUTCOME_TOTAL);
      const after = rowTotal(r, 'litigationAfterReview', r.litigationAfterReview, OUTCOME_TOTAL);
      if (direct.value === null) return direct;
      if (after.value === null) return after;
      return { value: direct.value + after.value };
    },
  },
  {
    id: 'review-correction-rate',
    label: '复议纠错率',
    unit: '%',
    kind: 'rate',
    definition: '行政复议“结果纠正”÷ 行政复议总计。复议总计为 0 时不计算。',
    summable: false,
    headline: false,
    value: (r) => ratio([rowTotal(r, 'review', r.review, CORRECTED)], rowTotal(r, 'review', r.review, OUTCOME_TOTAL)),
  },
  {
    id: 'denied',
    label: '不予公开',
    unit: '件',
    kind: 'count',
    definition: '第三部分“（三）不予公开”八个分项总计栏之和；任一分项空白或缺行时不计算。',
    summable: true,
    headline: false,
    value: (r) => {
      const d = r.applications?.denied;
      if (!d) return { value: null, reason: 'not-read' };
      let sum = 0;
      for (const [key, row] of Object.entries(d)) {
        const v = rowTotal(r, `applications.denied.${key}`, row, TOTAL);
        if (v.value === null) return v;
        sum += v.value;
      }
      return { value: sum };
    },
  },
];

export const metricById = new Map(METRICS.map((m) => [m.id, m]));
export const HEADLINE_METRICS = METRICS.filter((m) => m.headline);

export function getMetric(id: string): Metric {
  const m = metricById.get(id);
  if (!m) throw new Error(`unknown metric ${id}`);
  return m;
}
