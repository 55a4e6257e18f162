// The ingest manifest on the data page lists every entry of the reports folder with its fate. What
// each entry must become is declared by the test build (build-site.ts), and the folder's entries are
// listed here directly, not by the ingest's own listing: an entry the ingest passes over fails here.
// That the build got here at all shows that a rejected file does not stop it.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attr, elements, listFiles, loadDocument, textOf, urlPathOf, type Element } from './dom.ts';
import { DIST, loadBuildInfo, type Input } from './paths.ts';
import { pageOfSource, reportPages } from './reports.ts';
import { resolveUrl } from './resolve.ts';

const info = loadBuildInfo();
const names = info.inputs.map((i) => i.file);
const manifestPages = listFiles(DIST, ['.html']).filter((f) => {
  const text = textOf(loadDocument(f));
  return names.every((n) => text.includes(n));
});
const manifest = manifestPages[0];
// The status words of the data page, as a reader reads them.
const REJECTED = /未能解析/;
const IGNORED = /未读取/;
const SUPERSEDED = /另一版/;
const SIDECAR = /来源说明/;
const READ = /已解析/;

/** The table row that names the file in its first cell. */
function entryOf(file: string): Element | undefined {
  return elements(loadDocument(manifest), 'tr').find((tr) => {
    const first = elements(tr, 'th', 'td')[0];
    return first && textOf(first).trim() === file;
  });
}
const cells = (tr: Element) => elements(tr, 'th', 'td').map((c) => textOf(c).replace(/\s+/g, ' ').trim());
const byKind = (...kinds: Input['kind'][]) => info.inputs.filter((i) => kinds.includes(i.kind));
function linkTargets(entry: Element): string[] {
  const from = urlPathOf(DIST, manifest, info.base);
  return elements(entry, 'a').flatMap((a) => {
    const t = resolveUrl(attr(a, 'href') ?? '', from, { dist: DIST, base: info.base, site: info.site });
    return t.kind === 'file' ? [t.file] : [];
  });
}

describe('ingest manifest', () => {
  it('declares a fate for every entry of the reports folder, of every kind', () => {
    expect(readdirSync(info.reportsDir).sort()).toEqual([...names].sort());
    for (const kind of ['sample', 'script-prose', 'crafted', 'superseded', 'sidecar', 'ignored', 'rejected'] as const) expect(byKind(kind).length, kind).toBeGreaterThan(0);
  });

  it('is published on a page that names every entry', () => {
    expect(manifestPages.map((f) => urlPathOf(DIST, f, info.base)), `no page names all of ${names.join(', ')}`).not.toEqual([]);
  });

  it.each(info.inputs)('has a row for $file', ({ file }) => {
    expect(entryOf(file), `no table row names ${file}`).toBeDefined();
  });

  it.each(byKind('rejected', 'ignored'))('lists $file as $kind, with the reason', ({ file, kind }) => {
    const [, status, , , reason] = cells(entryOf(file)!);
    expect(status).toMatch(kind === 'rejected' ? REJECTED : IGNORED);
    expect(reason.length, `${file}: no reason`).toBeGreaterThanOrEqual(4);
  });

  it.each(byKind('sample', 'script-prose', 'crafted'))('lists $file as read, linking to its report page', ({ file }) => {
    const entry = entryOf(file)!;
    expect(cells(entry)[1]).toMatch(READ);
    const page = pageOfSource(reportPages(info), file);
    expect(page).toBeDefined();
    expect(linkTargets(entry), `${file}'s entry links to ${page!.url}`).toContain(page!.file);
  });

  it.each(byKind('superseded'))('lists $file as another version, not as unreadable, linking to the page that shows $shownAs', ({ file, shownAs }) => {
    const entry = entryOf(file)!;
    const [, status, , , reason] = cells(entry);
    expect(status).toMatch(SUPERSEDED);
    expect(status).not.toMatch(REJECTED);
    expect(reason).toContain(shownAs!);
    const page = pageOfSource(reportPages(info), shownAs!);
    expect(page).toBeDefined();
    expect(linkTargets(entry)).toContain(page!.file);
  });

  it.each(byKind('sidecar'))('lists $file as the sidecar read for $of', ({ file, of }) => {
    const [, status, , , reason] = cells(entryOf(file)!);
    expect(status).toMatch(SIDECAR);
    expect(reason).toContain(of!);
  });
});
