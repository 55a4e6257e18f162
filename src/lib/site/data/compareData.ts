// The published JSON the compare page reads in the browser (no server): an index of the counties
// that have reports, with the metric definitions, and one small file per county with each year's
// figures. At national scale the index is ~2,854 entries (~200 KB, ~50 KB gzip) and a county's
// file under 2 KB, so comparing four counties loads about 60 KB gzip.
import { METRICS, MISSING_SHORT } from './metrics.ts';
import { paths } from '../view/paths.ts';
import type { SiteIndex } from './siteIndex.ts';
import type { ReportSummary } from './summary.ts';

export interface CompareIndex {
  metrics: { id: string; label: string; unit: string; kind: string; headline: boolean }[];
  years: number[];
  /** code, name, province, prefecture, page path (under the base), years with a report */
  counties: { c: string; n: string; p: string; f: string; s: string; y: number[] }[];
}

export interface CompareCounty {
  code: string;
  name: string;
  province: string;
  /** year → metric id → value (null: the report lacks it, with why in `missing`) */
  years: Record<string, { page: string; consistent: boolean; values: Record<string, number | null>; missing: Record<string, string> }>;
}

export const compareIndexPath = () => 'data/compare/index.json';
export const compareCountyPath = (code: string) => `data/compare/${code}.json`;

export function compareIndex(site: SiteIndex): CompareIndex {
  return {
    metrics: METRICS.map((m) => ({ id: m.id, label: m.label, unit: m.unit, kind: m.kind, headline: !!m.headline })),
    years: [...site.years],
    counties: site.counties.map((c) => ({
      c: c.code,
      n: c.region.name,
      p: c.region.province,
      f: c.region.prefecture,
      s: paths.county(c.region),
      y: c.reports.map((r) => r.year).sort(),
    })),
  };
}

export function compareCounty(reports: readonly ReportSummary[]): CompareCounty {
  const region = reports[0].region;
  const years: CompareCounty['years'] = {};
  for (const r of [...reports].sort((a, b) => a.year - b.year)) {
    const values: Record<string, number | null> = {};
    const missing: Record<string, string> = {};
    for (const m of METRICS) {
      const v = r.values[m.id];
      values[m.id] = v.value;
      if (v.value === null) missing[m.id] = MISSING_SHORT[v.reason];
    }
    years[r.year] = { page: paths.report(region, r.year), consistent: r.consistent, values, missing };
  }
  return { code: region.code, name: region.name, province: region.province, years };
}
