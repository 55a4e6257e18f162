// Everything pages need across reports, computed once per build from the report summaries:
// lookups by county and year, rankings per metric and year (national and within province),
// national totals, province summaries. Pages only do O(1) lookups into this.
import { counties as allCounties, provinceList } from '../../region.ts';
import { crossYearChecks, type CrossYearCheck } from '../view/checks.ts';
import type { Coverage } from '../view/coverage.ts';
import { crossReportChecks, type CrossCheck } from './crossReport.ts';
import { markReasons, type MarkReason } from './marks.ts';
import { METRICS, getMetric, type MissingReason } from './metrics.ts';
import { competitionRank, filterRanking, type RankedItem, type Ranking } from './rank.ts';
import type { Report } from '../../schema.ts';
import { summarise, type ReportSummary } from './summary.ts';

export { reportId } from './summary.ts';
/** 630222 → 630000: the GB/T 2260 province of a county code. */
export const provinceCodeOf = (code: string) => `${code.slice(0, 2)}0000`;

const provinceNames = new Map(provinceList.map((p) => [p.code, p.name]));
export const provinceName = (code: string) => provinceNames.get(code) ?? code;

export interface Position {
  rank: number;
  of: number; // how many counties have the figure in that scope
}

export type ReportRank =
  | { value: number; national: Position; province: Position }
  | { value: null; reason: MissingReason };

export interface MetricRanking extends Ranking<ReportSummary, MissingReason> {
  metricId: string;
  year: number;
}

export interface CountySummary {
  code: string;
  region: ReportSummary['region'];
  provinceCode: string;
  /** This county's reports, oldest first. */
  reports: ReportSummary[];
}

export interface ProvinceSummary {
  code: string;
  name: string;
  /** Counties of the province with at least one report, by code. */
  counties: CountySummary[];
  /** Counties of the division list with no report at all. */
  without: { code: string; name: string; prefecture: string }[];
  reportCount: number;
}

export interface Total {
  sum: number;
  reporting: number; // reports with the figure
  missing: number; // reports of that year without it
  /** Of the reports with the figure, those whose figure is marked (marks.ts). */
  marked: number;
  /** The sum without the marked reports' figures. */
  cleanSum: number;
}

const byCode = (a: ReportSummary, b: ReportSummary) => (a.region.code < b.region.code ? -1 : a.region.code > b.region.code ? 1 : 0);

export interface SiteIndex {
  reports: readonly ReportSummary[];
  years: readonly number[];
  latestYear: number | undefined;
  report(code: string, year: number): ReportSummary | undefined;
  county(code: string): CountySummary | undefined;
  counties: readonly CountySummary[];
  provinces: readonly ProvinceSummary[];
  province(code: string): ProvinceSummary | undefined;
  previous(report: ReportSummary): ReportSummary | undefined;
  crossYear(report: ReportSummary): CrossYearCheck[] | null;
  /** Table 二 against the county's other years and its province (crossReport.ts). */
  crossChecks(report: ReportSummary): CrossCheck[];
  ranking(metricId: string, year: number): MetricRanking;
  provinceRanking(metricId: string, year: number, provinceCode: string): MetricRanking;
  rankOf(metricId: string, report: ReportSummary): ReportRank;
  totals(year: number): Map<string, Total>;
  /** Why the report's figure for the metric is marked in rankings and totals; empty when it is not. */
  marksOf(metricId: string, report: ReportSummary): MarkReason[];
  /** The ranking without the marked reports (re-ranked among the others), national or in one province. */
  cleanRanking(metricId: string, year: number, provinceCode?: string): MetricRanking;
  /** How many of the country's county-level divisions have a report (in the year, or in any year). */
  coverage(year?: number): Coverage;
  /** The same within one province. */
  provinceCoverage(provinceCode: string, year?: number): Coverage;
  /** Reports of a year, by county code. */
  reportsOfYear(year: number): readonly ReportSummary[];
}

/** Build from summaries (the site) or full reports (tests, which get them summarised here). */
export function buildSiteIndex(input: readonly (ReportSummary | Report)[]): SiteIndex {
  const reports = input
    .map((r) => ('values' in r ? r : summarise(r)))
    .sort((a, b) => byCode(a, b) || a.year - b.year);
  const byId = new Map<string, ReportSummary>();
  for (const r of reports) {
    const id = `${r.region.code}-${r.year}`;
    if (byId.has(id)) throw new Error(`two reports for ${r.region.name} ${r.year}: ${byId.get(id)!.source} and ${r.source}`);
    byId.set(id, r);
  }
  const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b);
  const ofYear = new Map<number, ReportSummary[]>(years.map((y) => [y, []]));
  for (const r of reports) ofYear.get(r.year)!.push(r);

  const countyMap = new Map<string, CountySummary>();
  for (const r of reports) {
    let c = countyMap.get(r.region.code);
    if (!c) {
      c = { code: r.region.code, region: r.region, provinceCode: provinceCodeOf(r.region.code), reports: [] };
      countyMap.set(r.region.code, c);
    }
    c.reports.push(r);
    c.region = r.region; // latest report's naming wins
  }
  const counties = [...countyMap.values()];

  const provinces: ProvinceSummary[] = provinceList.map((p) => ({
    code: p.code,
    name: p.name,
    counties: counties.filter((c) => c.provinceCode === p.code),
    without: [],
    reportCount: 0,
  }));
  const provinceMap = new Map(provinces.map((p) => [p.code, p]));
  for (const c of allCounties) {
    if (countyMap.has(c.code)) continue;
    provinceMap.get(provinceCodeOf(c.code))?.without.push({ code: c.code, name: c.name, prefecture: c.prefecture });
  }
  for (const p of provinces) p.reportCount = p.counties.reduce((s, c) => s + c.reports.length, 0);

  // Rankings, computed on first use and kept.
  const rankings = new Map<string, MetricRanking>();
  const positions = new Map<string, Map<string, ReportRank>>();
  const provinceRankings = new Map<string, MetricRanking>();

  function ranking(metricId: string, year: number): MetricRanking {
    const key = `${metricId}:${year}`;
    let r = rankings.get(key);
    if (!r) {
      getMetric(metricId); // unknown ids fail loudly
      r = { metricId, year, ...competitionRank(ofYear.get(year) ?? [], (rep) => rep.values[metricId], byCode) };
      rankings.set(key, r);
      positions.set(key, computePositions(r));
    }
    return r;
  }

  function computePositions(r: MetricRanking): Map<string, ReportRank> {
    const out = new Map<string, ReportRank>();
    const perProvince = new Map<string, RankedItem<ReportSummary>[]>();
    for (const item of r.ranked) {
      const p = provinceCodeOf(item.item.region.code);
      let list = perProvince.get(p);
      if (!list) perProvince.set(p, (list = []));
      list.push(item);
    }
    for (const list of perProvince.values()) {
      let prev: { value: number; rank: number } | undefined;
      list.forEach((item, i) => {
        const rank = prev && prev.value === item.value ? prev.rank : i + 1;
        prev = { value: item.value, rank };
        out.set(item.item.region.code, {
          value: item.value,
          national: { rank: item.rank, of: r.ranked.length },
          province: { rank, of: list.length },
        });
      });
    }
    for (const m of r.missing) out.set(m.item.region.code, { value: null, reason: m.reason });
    return out;
  }

  function provinceRanking(metricId: string, year: number, provinceCode: string): MetricRanking {
    const key = `${metricId}:${year}:${provinceCode}`;
    let r = provinceRankings.get(key);
    if (!r) {
      const inProvince = (rep: ReportSummary) => provinceCodeOf(rep.region.code) === provinceCode;
      r = { metricId, year, ...filterRanking(ranking(metricId, year), inProvince) };
      provinceRankings.set(key, r);
    }
    return r;
  }

  const totalsByYear = new Map<number, Map<string, Total>>();
  function totals(year: number): Map<string, Total> {
    let t = totalsByYear.get(year);
    if (!t) {
      t = new Map();
      for (const m of METRICS) {
        if (!m.summable) continue;
        const total: Total = { sum: 0, reporting: 0, missing: 0, marked: 0, cleanSum: 0 };
        for (const r of ofYear.get(year) ?? []) {
          const v = r.values[m.id];
          if (v.value === null) total.missing++;
          else {
            total.sum += v.value;
            total.reporting++;
            if (markReasons(r.marks, m.id).length > 0) total.marked++;
            else total.cleanSum += v.value;
          }
        }
        // Amounts in 万元 with up to six decimals: keep the printed precision, not float noise.
        total.sum = Math.round(total.sum * 1e6) / 1e6;
        total.cleanSum = Math.round(total.cleanSum * 1e6) / 1e6;
        t.set(m.id, total);
      }
      totalsByYear.set(year, t);
    }
    return t;
  }

  const cleanRankings = new Map<string, MetricRanking>();
  function cleanRanking(metricId: string, year: number, provinceCode?: string): MetricRanking {
    const key = `${metricId}:${year}:${provinceCode ?? ''}`;
    let r = cleanRankings.get(key);
    if (!r) {
      const all = provinceCode ? provinceRanking(metricId, year, provinceCode) : ranking(metricId, year);
      r = { metricId, year, ...filterRanking(all, (rep) => markReasons(rep.marks, metricId).length === 0) };
      cleanRankings.set(key, r);
    }
    return r;
  }

  // Coverage: county-level divisions of the list with a report, and other bodies (prefecture-level) apart.
  const divisionCodes = new Set(allCounties.map((c) => c.code));
  const divisionsIn = new Map<string, number>();
  for (const c of allCounties) divisionsIn.set(provinceCodeOf(c.code), (divisionsIn.get(provinceCodeOf(c.code)) ?? 0) + 1);
  function coverageOf(scope: string, national: boolean, divisions: number, of: readonly ReportSummary[]): Coverage {
    const codes = new Set(of.map((r) => r.region.code));
    let inList = 0;
    for (const c of codes) if (divisionCodes.has(c)) inList++;
    return { scope, national, divisions, counties: inList, others: codes.size - inList };
  }
  // Memoised: every report page's cache key asks for its year's and province's coverage (a pass over
  // the year's reports each time was quadratic in the number of reports).
  const coverageMemo = new Map<string, Coverage>();
  const memo = (key: string, make: () => Coverage) => {
    let c = coverageMemo.get(key);
    if (!c) coverageMemo.set(key, (c = make()));
    return c;
  };
  const coverage = (year?: number) => memo(`:${year ?? ''}`, () => coverageOf('全国', true, allCounties.length, year === undefined ? reports : (ofYear.get(year) ?? [])));
  const provinceCoverage = (code: string, year?: number) =>
    memo(`${code}:${year ?? ''}`, () =>
      coverageOf(provinceName(code), false, divisionsIn.get(code) ?? 0, (year === undefined ? reports : (ofYear.get(year) ?? [])).filter((r) => provinceCodeOf(r.region.code) === code)),
    );

  const report = (code: string, year: number) => byId.get(`${code}-${year}`);
  let cross: Map<string, CrossCheck[]> | undefined;
  const previous = (r: ReportSummary) => report(r.region.code, r.year - 1);

  return {
    reports,
    years,
    latestYear: years.at(-1),
    report,
    county: (code) => countyMap.get(code),
    counties,
    provinces,
    province: (code) => provinceMap.get(code),
    previous,
    crossYear: (r) => crossYearChecks(r.carriedOver, previous(r)?.carriedForward ?? null),
    crossChecks: (r) => (cross ??= crossReportChecks({ reports })).get(r.id) ?? [],
    ranking,
    provinceRanking,
    rankOf(metricId, r) {
      ranking(metricId, r.year);
      return positions.get(`${metricId}:${r.year}`)!.get(r.region.code)!;
    },
    totals,
    marksOf: (metricId, r) => markReasons(r.marks, metricId),
    cleanRanking,
    coverage,
    provinceCoverage,
    reportsOfYear: (year) => ofYear.get(year) ?? [],
  };
}
