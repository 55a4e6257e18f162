// Issue 9, points 5–12, on the built site: no placeholder address on any page; every figure of a
// report page has its own anchor; share images exist for every page that names one; the Chinese-
// headed CSV twin; the data licence in the downloads; the corrections log; source texts as UTF-8.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorOf } from '../../src/lib/site/view/citation.ts';
import { attr, elements, listFiles, loadDocument, textOf, urlPathOf } from './dom.ts';
import { DIST, loadBuildInfo } from './paths.ts';
import { reportPages } from './reports.ts';
import { resolveUrl } from './resolve.ts';

const info = loadBuildInfo();
const opts = { dist: DIST, base: info.base, site: info.site };
const pages = listFiles(DIST, ['.html']);
const reports = reportPages(info).filter((p) => p.json);

/** Every cell path of a report JSON's three tables: `applications.granted[6]`, `review[4]`. */
function cellKeys(data: Record<string, unknown>): string[] {
  const keys: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((_, i) => keys.push(`${path}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  for (const t of ['applications', 'review', 'litigationDirect', 'litigationAfterReview'] as const) walk(data[t], t);
  return keys;
}

describe('issue 9 (points 5–12) on the built site', () => {
  it('no page carries a placeholder address or a blank to fill in', () => {
    expect(pages.length).toBeGreaterThan(20);
    const bad = pages.filter((f) => /example\.github\.io|请填写/.test(readFileSync(f, 'utf8'))).map((f) => urlPathOf(DIST, f, info.base));
    expect(bad).toEqual([]);
  });

  it('every printed cell of every report page has its anchor, unique on the page', () => {
    expect(reports.length).toBeGreaterThan(4);
    for (const r of reports) {
      const doc = loadDocument(r.file);
      const ids = elements(doc, 'td').map((td) => attr(td, 'id')).filter((id): id is string => !!id);
      expect(new Set(ids).size, r.file).toBe(ids.length);
      const keys = cellKeys(r.json!.data);
      expect(keys.length).toBeGreaterThan(50);
      expect(keys.filter((k) => !ids.includes(anchorOf(k))), r.file).toEqual([]);
    }
  });

  it('every share image a page names is a 1200×630 PNG of the site', () => {
    const named = pages.flatMap((f) => elements(loadDocument(f), 'meta').filter((m) => attr(m, 'property') === 'og:image').map((m) => ({ page: f, url: attr(m, 'content')! })));
    expect(named.length).toBeGreaterThanOrEqual(reports.length);
    for (const { page, url } of named) {
      const r = resolveUrl(url, urlPathOf(DIST, page, info.base), opts);
      expect(r.kind, `${url} on ${page}`).toBe('file');
      if (r.kind !== 'file') continue;
      const png = readFileSync(r.file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });

  it('offers the bulk CSV with Chinese column heads: same rows, BOM, CRLF', () => {
    const keys = readFileSync(join(DIST, 'data/reports.csv'), 'utf8');
    const zh = readFileSync(join(DIST, 'data/reports-zh.csv'), 'utf8');
    expect(zh.charCodeAt(0)).toBe(0xfeff);
    const [zhHead, ...zhRows] = zh.slice(1).split('\r\n');
    const [keyHead, ...keyRows] = keys.slice(1).split('\r\n');
    expect(zhRows.length).toBeGreaterThan(4);
    expect(zhRows).toEqual(keyRows);
    expect(zhHead.startsWith('记录编号（区划代码-年度）,')).toBe(true);
    expect(keyHead.startsWith('id,')).toBe(true);
    expect(zh.split('\n').length).toBe(zh.split('\r\n').length);
  });

  it('states the data licence on the data page, in the downloads and in each report CSV', () => {
    const data = textOf(loadDocument(join(DIST, 'data/index.html')));
    expect(data).toContain('CC BY 4.0');
    expect(data).toContain('MIT');
    expect(readFileSync(join(DIST, 'data/LICENSE.txt'), 'utf8')).toContain('CC BY 4.0');
    const csv = readFileSync(join(reports[0].file, '../report.csv'), 'utf8');
    expect(csv.split('\r\n').slice(0, 4).join('\n')).toContain('CC BY 4.0');
    expect(existsSync(join(DIST, '..', 'LICENSE'))).toBe(true);
  });

  it('has a corrections log page that says there are none yet, and a correction link on every report page', () => {
    expect(textOf(loadDocument(join(DIST, 'corrections/index.html')))).toContain('尚无更正');
    for (const r of reports) {
      const links = elements(loadDocument(r.file), 'a').map((a) => attr(a, 'href') ?? '').filter((h) => h.includes('/issues/new?template=correction.yml'));
      expect(links.length, r.file).toBeGreaterThan(0);
      const u = new URL(links[0]);
      expect(u.pathname).toBe('/portal-test/county-portal/issues/new');
      expect(u.searchParams.get('page')).toBe(info.site + urlPathOf(DIST, r.file, info.base));
    }
  });

  it('publishes each source text as UTF-8 with a BOM', () => {
    const texts = listFiles(join(DIST, 'counties'), ['source.txt']);
    expect(texts.length).toBeGreaterThan(3);
    for (const t of texts) {
      const b = readFileSync(t);
      expect([...b.subarray(0, 3)], t).toEqual([0xef, 0xbb, 0xbf]);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b)).not.toThrow();
    }
  });
});
