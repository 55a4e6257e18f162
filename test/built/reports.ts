// The report pages of the built site (counties/{code}-{pinyin}/{year}/) and the report JSON each
// offers for download.
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { attr, elements, listFiles, loadDocument, urlPathOf } from './dom.ts';
import { DIST, type BuildInfo } from './paths.ts';
import { resolveUrl } from './resolve.ts';

export interface ReportPage {
  file: string;
  url: string; // URL path under the base
  code: string;
  year: number;
  /** The downloaded report JSON (the page's own .json link), or undefined when the page has none. */
  json?: { file: string; data: Record<string, unknown> };
}

const PAGE = new RegExp(`counties\\${sep}(\\d{6})-[^\\${sep}]+\\${sep}(\\d{4})\\${sep}index\\.html$`);

export function reportPages(info: BuildInfo): ReportPage[] {
  const dir = join(DIST, 'counties');
  if (!existsSync(dir)) return [];
  const opts = { dist: DIST, base: info.base, site: info.site };
  return listFiles(dir, ['index.html']).flatMap((file) => {
    const m = file.match(PAGE);
    if (!m) return [];
    const url = urlPathOf(DIST, file, info.base);
    const page: ReportPage = { file, url, code: m[1], year: Number(m[2]) };
    for (const a of elements(loadDocument(file), 'a')) {
      const href = attr(a, 'href');
      if (!href || !/\.json($|[?#])/.test(href)) continue;
      const r = resolveUrl(href, url, opts);
      if (r.kind !== 'file') continue;
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(r.file, 'utf8'));
      } catch {
        continue;
      }
      const d = data as { source?: unknown; year?: unknown; region?: { code?: unknown } };
      if (typeof d.source === 'string' && d.year === page.year && d.region?.code === page.code) {
        page.json = { file: r.file, data: data as Record<string, unknown> };
        break;
      }
    }
    return [page];
  });
}

/** The report page whose JSON download came from this input file. */
export const pageOfSource = (pages: ReportPage[], source: string) => pages.find((p) => p.json?.data.source === source);
