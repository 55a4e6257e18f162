// What the collection log says of each county's report for a year, for the county pages:
// 「该年报告：已收录 / 原网址已失效 / 未找到」.
import type { CollectedUrl, CollectionLog } from '../schema.ts';

export type AvailabilityStatus =
  | 'collected' // 已收录: a file of the report is held
  | 'source-gone' // 原网址已失效: its address was known, but now answers 404/410 or serves something else
  | 'not-found'; // 未找到: no report found (not listed, not reachable, or forbidden to fetch)

export const AVAILABILITY_ZH: Record<AvailabilityStatus, string> = { collected: '已收录', 'source-gone': '原网址已失效', 'not-found': '未找到' };

export interface YearAvailability {
  region: string;
  year: number;
  status: AvailabilityStatus;
  /** For `collected`: the original address answers no more (the held copy is the only one). */
  sourceGone: boolean;
  /** Files held in content/reports/, oldest first. */
  files: string[];
  /** Addresses known for this county and year. */
  urls: string[];
  /** Why not collected, from the log (the last address's reason). */
  reason?: string;
}

const GONE = new Set<CollectedUrl['status']>(['not-found', 'refused']);

export interface AvailabilityOptions {
  /** Years to account for on every county whose listing page was read. */
  years?: readonly number[];
  /**
   * The report id (`code-year`) the ingest read from a held file, where it knows it: places files
   * whose list line left the code or year empty (from the ingest manifest's `file` → `reportId`).
   */
  reportIdOf?: (file: string) => string | undefined;
}

/**
 * Per county code and year (keyed `code-year`, as report ids): what the log holds. Years of `years`
 * that a county's listing page was read for but showed no report of are `not-found`; pairs the log
 * knows nothing of are absent.
 */
export function availability(log: CollectionLog, options: AvailabilityOptions = {}): Map<string, YearAvailability> {
  const { years = [], reportIdOf } = options;
  const byPair = new Map<string, CollectedUrl[]>();
  const listed = new Set<string>();
  for (const u of log.urls) {
    if (u.role === 'listing') {
      if (u.region && u.status === 'page') listed.add(u.region);
      continue;
    }
    const fromFiles = reportIdOf ? u.versions.map((v) => reportIdOf(v.file)).filter((id): id is string => id !== undefined) : [];
    const keys = new Set(fromFiles.length > 0 ? fromFiles : u.region && u.year !== undefined ? [`${u.region}-${u.year}`] : []);
    for (const key of keys) byPair.set(key, [...(byPair.get(key) ?? []), u]);
  }
  const out = new Map<string, YearAvailability>();
  for (const [key, urls] of byPair) {
    const [region, year] = [key.slice(0, 6), Number(key.slice(7))];
    const files = [...new Set(urls.flatMap((u) => [...u.versions.map((v) => v.file), ...(u.sameAs ? [u.sameAs] : [])]))];
    // Article pages that led to the file are stepping stones, not sources of their own.
    const sources = urls.filter((u) => u.status !== 'page');
    const gone = sources.length > 0 && sources.every((u) => GONE.has(u.status));
    const status: AvailabilityStatus = files.length > 0 ? 'collected' : gone ? 'source-gone' : 'not-found';
    const last = [...sources].sort((a, b) => a.checked.localeCompare(b.checked)).at(-1);
    out.set(key, {
      region,
      year,
      status,
      sourceGone: files.length > 0 && gone,
      files,
      urls: urls.map((u) => u.url),
      ...(status !== 'collected' && last?.reason ? { reason: last.reason } : {}),
    });
  }
  for (const region of listed) {
    for (const year of years) {
      const key = `${region}-${year}`;
      if (!out.has(key)) out.set(key, { region, year, status: 'not-found', sourceGone: false, files: [], urls: [], reason: 'no report of this year on the listing page' });
    }
  }
  return out;
}
