// Every internal URL of the site, always through the base path (GitHub Pages serves under /<repo>/).
import { countySlug } from '../../region.ts';
import type { Region } from '../../schema.ts';

const BASE: string = (import.meta.env?.BASE_URL as string | undefined) ?? '/';

/** Prefix a site-relative path (`counties/…/`) with the base path. */
export function href(path = ''): string {
  const base = BASE.endsWith('/') ? BASE : `${BASE}/`;
  return base + path.replace(/^\/+/, '');
}

const slugs = new Map<string, string>();
/** `630222-minhe`, memoised: pinyin conversion is not free and every page links many counties. */
export function slugOf(region: Pick<Region, 'code' | 'name'>): string {
  let s = slugs.get(region.code);
  if (s === undefined) {
    s = countySlug(region);
    slugs.set(region.code, s);
  }
  return s;
}

/**
 * Where each report's own download files (report.json, report.csv, source.pdf/.docx/.txt) are published:
 * beside its page, or, with DOWNLOADS_SITE set at build time (an absolute URL with its path), on
 * that second site. At national scale and real report lengths the site with them is over GitHub
 * Pages' 1 GB; split, each of the two is well under it (README, "National scale").
 */
export const DOWNLOADS_SITE: string | undefined = (typeof process === 'undefined' ? undefined : process.env.DOWNLOADS_SITE) || undefined;

/** A path of what the downloads site publishes when there is one (absolute there), else of this site. */
function downloadsHref(path: string, downloadsSite: string | undefined): string {
  return downloadsSite ? new URL(path, downloadsSite.endsWith('/') ? downloadsSite : `${downloadsSite}/`).href : href(path);
}

/** The address of one of a report's download files, on this site or on the downloads site. */
export function reportFileHref(region: RegionRef, year: number, file: ReportFileName, downloadsSite = DOWNLOADS_SITE): string {
  return downloadsHref(paths.reportFile(region, year, file), downloadsSite);
}

/** The county's share image: on the downloads site when there is one (~70 MB nationally), else on this site. */
export function ogImageHref(code: string, downloadsSite = DOWNLOADS_SITE): string {
  return downloadsHref(paths.ogImage(code), downloadsSite);
}

/**
 * A chart's embed page: on the downloads site when there is one (32,958 pages, ~103 MiB nationally:
 * the site fits GitHub Pages only without them; build/embeds.ts), else on this site.
 */
export function embedHref(region: RegionRef, year: number, chart: string, downloadsSite = DOWNLOADS_SITE): string {
  return downloadsHref(paths.embed(region, year, chart), downloadsSite);
}

/** The pinyin of the county's short name (`minhe`), as in its slug. */
export const pinyinOf = (region: Pick<Region, 'code' | 'name'>): string => slugOf(region).slice(region.code.length + 1);

type RegionRef = Pick<Region, 'code' | 'name'>;
/**
 * The type a source is published under, by its format (Report.format, told by its bytes): a PDF as
 * `.pdf` (so that `source.pdf#page=N` opens at the page), Word as `.docx`, a text as `.txt`, and a
 * web page as the text the parser read from it (`.txt`: the third-party page is not served on our origin).
 */
export type SourceExt = 'pdf' | 'docx' | 'txt';
export const sourceExtOf = (format: string | undefined): SourceExt => (format === 'pdf' ? 'pdf' : format === 'docx' ? 'docx' : 'txt');
export type ReportFileName = 'report.json' | 'report.csv' | `source.${SourceExt}` | `source-other-${number}.${SourceExt}`;
/** The report's source as published: source.pdf, source.docx or source.txt. */
export const sourceFile = (format: string | undefined): ReportFileName => `source.${sourceExtOf(format)}`;
/** The source of the report's k-th other version (Report.versions.others, k from 1): source-other-k.pdf … */
export const otherVersionFile = (k: number, format: string | undefined): ReportFileName => `source-other-${k}.${sourceExtOf(format)}`;
/** Every name a published source may have had (a rebuild removes those of another type). */
export const SOURCE_FILE_NAME = /^source(?:-other-\d+)?\.(?:txt|pdf|docx)$/;

export const paths = {
  home: () => '',
  county: (region: RegionRef) => `counties/${slugOf(region)}/`,
  report: (region: RegionRef, year: number) => `counties/${slugOf(region)}/${year}/`,
  reportFile: (region: RegionRef, year: number, file: ReportFileName) =>
    `counties/${slugOf(region)}/${year}/${file}`,
  provinces: () => 'provinces/',
  province: (code: string) => `provinces/${code}/`,
  rankings: () => 'rankings/',
  ranking: (metricId: string, year: number, provinceCode?: string) =>
    `rankings/${metricId}/${year}/${provinceCode ? `${provinceCode}/` : ''}`,
  data: () => 'data/',
  compare: () => 'compare/',
  corrections: () => 'corrections/',
  /** A chart of a report alone, for an iframe in an article. */
  embed: (region: RegionRef, year: number, chart: string) => `counties/${slugOf(region)}/${year}/embed/${chart}/`,
  /** The county's share image (Open Graph), made at build time. */
  ogImage: (code: string) => `og/${code}.png`,
  methodology: () => 'methodology/',
} as const;
