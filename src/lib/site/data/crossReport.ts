// Table 二's figures checked across reports, where every report is known (site-wide data, beside
// the site index): nothing inside one report confirms them, but the county's other years and its
// province can make one implausible. Each result is a note for the reader, never a correction:
// 现行有效件数 may change by a clean-up of old documents; an order of magnitude may be real.
//   - 现行有效件数 = last year's + this year's 制发 − 废止 (2021 format, both years);
//   - a figure ten times (or a tenth of) the median of the county's other years;
//   - 收费 about 10,000 times the county's other years, or its province's that year: printed in 元
//     where 万元 is asked, to be looked at by a person.
import type { MetricValue } from './metrics.ts';
import type { InForceCounts, ReportSummary } from './summary.ts';
import { formatCell } from '../view/format.ts';

export interface CrossCheck {
  kind: 'in-force' | 'magnitude' | 'fees-unit';
  /** Whether the figure is as expected; only `in-force` reports its passes. */
  ok: boolean;
  /** `note`: for the reader's information; `review`: a person should look at the source. */
  severity: 'note' | 'review';
  figure: string; // in Chinese: 行政许可, 规范性文件“现行有效件数” …
  text: string; // the sentence shown in 数字核对
  /** The county's years the figure was compared with (for links). */
  years: number[];
}

/** At least this factor from the median is "an order of magnitude". */
export const MAGNITUDE = 10;
/** At least this factor over the county's (or province's) median reads as 元 printed for 万元 (a factor of 10,000, give or take). */
export const YUAN_FACTOR = 1000;
/** Below this many other counties with fees that year, the province gives no range to compare with. */
const PROVINCE_MIN = 3;

const FIGURES = [
  { id: 'licensing', label: '行政许可（本年处理决定数量）', unit: '件' },
  { id: 'punishment', label: '行政处罚（本年处理决定数量）', unit: '件' },
  { id: 'coercion', label: '行政强制（本年处理决定数量）', unit: '件' },
  { id: 'fees', label: '行政事业性收费（本年收费金额）', unit: '万元' },
] as const;
const DOCUMENTS = [
  { key: 'regulations', label: '规章' },
  { key: 'normativeDocuments', label: '规范性文件' },
] as const;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const signed = (n: number) => (n > 0 ? `+${fmt(n)}` : n < 0 ? `−${fmt(-n)}` : '0');
// One formatter, made once: toLocaleString builds a new ICU formatter on every call (3 s of a
// national build's profile, where every report's figures are checked against its other years).
const decimal4 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
const fmt = (n: number) => (Number.isSafeInteger(n) ? formatCell(n) : decimal4.format(n));
/** `约 10,000` or ` 13.6`, to follow 的 directly. */
const times = (r: number) => (r >= 100 ? `约 ${fmt(Math.round(r / 10) * 10)}` : ` ${fmt(Math.round(r * 10) / 10)}`);
const yearList = (ys: readonly number[]) => ys.map((y) => `${y}`).join('、') + ' 年';
const valueOf = (v: MetricValue | undefined) => (v && v.value !== null ? v.value : null);

/** 现行有效件数 against last year's plus 制发 minus 废止. */
function inForceChecks(r: ReportSummary, prev: ReportSummary | undefined): CrossCheck[] {
  if (!prev) return [];
  return DOCUMENTS.flatMap(({ key, label }) => {
    const now: InForceCounts | null = r.documents?.[key] ?? null;
    const before: InForceCounts | null = prev.documents?.[key] ?? null;
    if (!now || !before || now.inForce === null || before.inForce === null) return [];
    const expected = before.inForce + (now.issued ?? 0) - (now.repealed ?? 0);
    const ok = now.inForce === expected;
    const figure = `${label}“现行有效件数”`;
    const sum = `${prev.year} 年报告的 ${fmt(before.inForce)} 件加本年制发 ${fmt(now.issued ?? 0)} 件、减本年废止 ${fmt(now.repealed ?? 0)} 件`;
    return [
      {
        kind: 'in-force' as const,
        ok,
        severity: 'note' as const,
        figure,
        text: ok
          ? `${figure} ${fmt(now.inForce)} 件，与 ${sum}相符。`
          : `${figure} ${fmt(now.inForce)} 件，而 ${sum}为 ${fmt(expected)} 件，相差 ${signed(now.inForce - expected)} 件。文件清理、统计口径变化也会造成差异，此处仅作提示。`,
        years: [prev.year],
      },
    ];
  });
}

/** The county's other years' values of a figure (positive ones: a median of zeros says nothing). */
function others(county: readonly ReportSummary[], r: ReportSummary, get: (x: ReportSummary) => number | null) {
  const rows = county.filter((x) => x.year !== r.year).map((x) => ({ year: x.year, v: get(x) }));
  const positive = rows.filter((x): x is { year: number; v: number } => x.v !== null && x.v > 0);
  return { values: positive.map((x) => x.v), years: positive.map((x) => x.year) };
}

function magnitudeCheck(figure: string, unit: string, v: number, o: { values: number[]; years: number[] }): CrossCheck | null {
  if (o.values.length === 0) return null;
  const m = median(o.values);
  const base = `本县 ${yearList(o.years)}报告中位数 ${fmt(m)} ${unit}`;
  let text: string | null = null;
  if (v === 0 && m >= MAGNITUDE) text = `${figure}为 0，而${base}。`;
  else if (v > 0 && v / m >= MAGNITUDE) text = `${figure} ${fmt(v)} ${unit}，是${base}的${times(v / m)} 倍。`;
  else if (v > 0 && m / v >= MAGNITUDE) text = `${figure} ${fmt(v)} ${unit}，只有${base}的${times(m / v)} 分之一。`;
  return text ? { kind: 'magnitude', ok: false, severity: 'note', figure, text: `${text}变化达一个数量级，可能属实，也可能是填报或单位有误，此处仅作提示。`, years: o.years } : null;
}

export interface CrossCheckSource {
  /** Every report, any order. */
  reports: readonly ReportSummary[];
}

/** Every report's cross-report checks, by report id. */
export function crossReportChecks(site: CrossCheckSource): Map<string, CrossCheck[]> {
  const byCounty = new Map<string, ReportSummary[]>();
  const feesByProvinceYear = new Map<string, { code: string; v: number }[]>();
  for (const r of site.reports) {
    byCounty.set(r.region.code, [...(byCounty.get(r.region.code) ?? []), r]);
    const fees = valueOf(r.values.fees);
    if (fees !== null && fees > 0) {
      const key = `${r.region.code.slice(0, 2)}:${r.year}`;
      feesByProvinceYear.set(key, [...(feesByProvinceYear.get(key) ?? []), { code: r.region.code, v: fees }]);
    }
  }
  const out = new Map<string, CrossCheck[]>();
  for (const county of byCounty.values()) {
    county.sort((a, b) => a.year - b.year);
    for (const r of county) {
      const checks: CrossCheck[] = inForceChecks(
        r,
        county.find((x) => x.year === r.year - 1),
      );
      for (const { id, label, unit } of FIGURES) {
        const v = valueOf(r.values[id]);
        if (v === null) continue;
        const o = others(county, r, (x) => valueOf(x.values[id]));
        if (id === 'fees' && v > 0) {
          const unitCheck = feesUnitCheck(r, v, o, feesByProvinceYear.get(`${r.region.code.slice(0, 2)}:${r.year}`) ?? []);
          if (unitCheck) {
            checks.push(unitCheck);
            continue;
          }
        }
        const c = magnitudeCheck(label, unit, v, o);
        if (c) checks.push(c);
      }
      for (const { key, label } of DOCUMENTS) {
        const v = r.documents?.[key]?.inForce ?? null;
        if (v === null) continue;
        const c = magnitudeCheck(`${label}“现行有效件数”`, '件', v, others(county, r, (x) => x.documents?.[key]?.inForce ?? null));
        if (c) checks.push(c);
      }
      out.set(r.id, checks);
    }
  }
  return out;
}

/** 收费 about 10,000 times the county's other years (or, without them, its province's that year). */
function feesUnitCheck(r: ReportSummary, v: number, o: { values: number[]; years: number[] }, province: readonly { code: string; v: number }[]): CrossCheck | null {
  const figure = '行政事业性收费（本年收费金额）';
  const tail = '可能是把以“元”计的金额填在了以“万元”计的栏中（相差 10000 倍），请对照原文核对。本站照报告所印显示，未作换算。';
  if (o.values.length > 0) {
    const m = median(o.values);
    if (v / m < YUAN_FACTOR) return null;
    return { kind: 'fees-unit', ok: false, severity: 'review', figure, text: `${figure} ${fmt(v)} 万元，是本县 ${yearList(o.years)}报告中位数 ${fmt(m)} 万元的${times(v / m)} 倍：${tail}`, years: o.years };
  }
  const peers = province.filter((p) => p.code !== r.region.code).map((p) => p.v);
  if (peers.length < PROVINCE_MIN) return null;
  const m = median(peers);
  if (v / m < YUAN_FACTOR) return null;
  return {
    kind: 'fees-unit',
    ok: false,
    severity: 'review',
    figure,
    text: `${figure} ${fmt(v)} 万元，是本省 ${peers.length} 个县同年中位数 ${fmt(m)} 万元（最高 ${fmt(Math.max(...peers))} 万元）的${times(v / m)} 倍：${tail}`,
    years: [],
  };
}
