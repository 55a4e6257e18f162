// What the site knows of each county's report for each year: held (a page of its own), or what the
// collection log (src/lib/collect/availability.ts) says — the address is dead, no report was
// found, a file was found that could not be read — or nothing at all (未知). Without a log every
// year not held is 未知: the site never infers that a county published nothing.
import { availability, type YearAvailability } from '../../collect/availability.ts';
import type { CollectionLog, Region } from '../../schema.ts';
import type { CountySummary, SiteIndex } from '../data/siteIndex.ts';

export type YearStatus =
  | 'held' // 已收录: the site has the report
  | 'unparsed' // 已找到，未能解析: the collector holds a file, but no report of it is on the site
  | 'source-gone' // 原网址已失效: the address was known, it is dead, and no copy is held
  | 'not-found' // 未找到: the county's listing was read without this year's report, or no address answered
  | 'unknown'; // 未知: nothing known

export const YEAR_STATUS_ZH: Record<YearStatus, string> = {
  held: '已收录',
  unparsed: '已找到，未能解析',
  'source-gone': '原网址已失效',
  'not-found': '未找到',
  unknown: '未知',
};

/** Short forms for the province grid's cells. */
export const YEAR_STATUS_SHORT: Record<YearStatus, string> = {
  held: '已收录',
  unparsed: '未解析',
  'source-gone': '已失效',
  'not-found': '未找到',
  unknown: '未知',
};

export interface YearCell {
  year: number;
  status: YearStatus;
  /** Held, but the original address answers no more: the site's copy is the only one known. */
  sourceGone: boolean;
}

/** Every year from the first to the last of `years` (a gap year is a year the site does not hold). */
export function yearRange(years: Iterable<number>): number[] {
  const list = [...years];
  if (list.length === 0) return [];
  const [min, max] = [Math.min(...list), Math.max(...list)];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/**
 * One county's years: `held(year)` says whether the site has its report; `log` is the
 * collection log's availability (keyed `code-year`), undefined when there is no log.
 */
export function countyYears(code: string, years: readonly number[], held: (year: number) => boolean, log: ReadonlyMap<string, YearAvailability> | undefined): YearCell[] {
  return years.map((year) => {
    const known = log?.get(`${code}-${year}`);
    if (held(year)) return { year, status: 'held', sourceGone: known?.sourceGone === true || known?.status === 'source-gone' };
    if (!known) return { year, status: 'unknown', sourceGone: false };
    const status: YearStatus = known.status === 'collected' ? 'unparsed' : known.status;
    return { year, status, sourceGone: false };
  });
}

/** 「已收录 2021、2022 年」 / 「尚未收录报告」: what the finder shows under a county's name. */
export function heldSummary(cells: readonly YearCell[]): string {
  const held = cells.filter((c) => c.status === 'held').map((c) => c.year);
  return held.length === 0 ? '尚未收录报告' : `已收录 ${held.join('、')} 年`;
}

/** A county page: every county-level division of the list, and any other body the site holds reports of (淮安市). */
export interface CountyPageEntry {
  region: Region;
  /** The site's reports of it, when it has any. */
  summary?: CountySummary;
}

export interface CountyDirectory {
  /** The years the county pages and the province grid account for: first to last held or logged. */
  years: readonly number[];
  /** Whether a collection log was read (without one, every year not held is 未知). */
  hasLog: boolean;
  cellsOf(code: string): YearCell[];
  pages: readonly CountyPageEntry[];
}

/**
 * The county pages and their years, from the site's reports and the collection log (undefined
 * when there is none). `reportIdOf` maps a file the collector saved to the report the ingest read
 * from it (the manifest), for files whose list line gave no code or year.
 */
export function countyDirectory(
  site: Pick<SiteIndex, 'years' | 'report' | 'counties'>,
  divisions: readonly Region[],
  log: CollectionLog | undefined,
  reportIdOf?: (file: string) => string | undefined,
): CountyDirectory {
  const logged = log ? availability(log, { years: site.years, reportIdOf }) : undefined;
  const years = yearRange([...site.years, ...(logged ? [...logged.values()].map((a) => a.year) : [])]);
  const known = log ? availability(log, { years, reportIdOf }) : undefined;
  const pages: CountyPageEntry[] = [];
  const held = new Map(site.counties.map((c) => [c.code, c]));
  for (const d of divisions) {
    const summary = held.get(d.code);
    pages.push(summary ? { region: summary.region, summary } : { region: { code: d.code, name: d.name, province: d.province, prefecture: d.prefecture } });
    held.delete(d.code);
  }
  for (const c of held.values()) pages.push({ region: c.region, summary: c });
  pages.sort((a, b) => (a.region.code < b.region.code ? -1 : a.region.code > b.region.code ? 1 : 0));
  const cells = new Map<string, YearCell[]>();
  return {
    years,
    hasLog: log !== undefined,
    pages,
    cellsOf(code) {
      let c = cells.get(code);
      if (!c) cells.set(code, (c = countyYears(code, years, (y) => site.report(code, y) !== undefined, known)));
      return c;
    },
  };
}
