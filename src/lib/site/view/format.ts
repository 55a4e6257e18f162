// Number and rank formatting for the pages. A blank cell stays blank: never shown as 0.
import type { Metric } from '../data/metrics.ts';

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });

/** A printed cell as the report prints it (no rounding of 18.085682 万元); `null` → ''. */
export function formatCell(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  // Integers (nearly every cell) by hand: Intl.NumberFormat showed up in the build's profile.
  if (Number.isSafeInteger(v)) return `${v < 0 ? '-' : ''}${String(Math.abs(v)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
  return Number.isInteger(v) ? integer.format(v) : decimal.format(v);
}

/** A rate 0…1 as a percentage with one decimal: 0.8571 → 85.7%. */
export function formatRate(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}

const money = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/**
 * A figure for a headline (cards, share images, descriptions): amounts in 万元 rounded to two
 * decimals (18.085682 → 18.09); counts as printed; rates as percentages. Tables show
 * `formatCell`, the figure as the report prints it.
 */
export function formatHeadline(metric: Pick<Metric, 'kind'>, v: number): string {
  if (metric.kind === 'rate') return formatRate(v);
  if (metric.kind === 'amount') return money.format(Math.round(v * 100) / 100);
  return formatCell(v);
}

/** A headline figure with its unit, joined by a no-break space: the unit never wraps onto its own line. */
export function formatMetric(metric: Pick<Metric, 'kind' | 'unit'>, v: number | null, missing = '—'): string {
  if (v === null) return missing;
  if (metric.kind === 'rate') return formatRate(v);
  return `${formatHeadline(metric, v)}\u00a0${metric.unit}`;
}

/** The value alone, without unit, for table cells. */
export function formatMetricBare(metric: Pick<Metric, 'kind'>, v: number | null, missing = ''): string {
  if (v === null) return missing;
  return metric.kind === 'rate' ? formatRate(v) : formatCell(v);
}

/** Change against the previous year: `+120`, `−3`, `持平`; rates in percentage points. */
export function formatChange(metric: Pick<Metric, 'kind' | 'unit'>, current: number | null, previous: number | null): string {
  if (current === null || previous === null) return '';
  const d = current - previous;
  if (metric.kind === 'rate') {
    const pp = Math.round(d * 1000) / 10;
    if (pp === 0) return '持平';
    return `${pp > 0 ? '+' : '−'}${Math.abs(pp).toFixed(1)} 个百分点`;
  }
  // Amounts like 18.085682 万元: round the difference to the printed precision to avoid 0.1+0.2 noise.
  const diff = Math.round(d * 1e6) / 1e6;
  if (diff === 0) return '持平';
  return `${diff > 0 ? '+' : '−'}${formatCell(Math.abs(diff))}`;
}

/** A difference with its sign and a true minus: +1, −1, 0. */
export function formatSigned(d: number): string {
  const r = Math.round(d * 1e6) / 1e6;
  return r > 0 ? `+${formatCell(r)}` : r < 0 ? `−${formatCell(-r)}` : '0';
}

/** 全国第 3 / 共 120 — a position, deliberately neutral wording. */
export function formatRank(scope: string, rank: number, of: number): string {
  return `${scope}第 ${rank} / 共 ${of}`;
}

/** ISO date → 2022 年 1 月 20 日; anything unparseable is shown as given. */
export function formatDate(iso: string): string {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) return iso;
  return `${m[1]} 年 ${Number(m[2])} 月 ${Number(m[3])} 日`;
}
