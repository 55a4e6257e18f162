// The ingest manifest on the data page lists every input file: the crafted non-reports
// (test/built/fixtures/901_*, 902_*) as rejected with a reason, every report as read, with a link
// to its page. That the build got here at all shows a rejected file does not stop it.
import { describe, expect, it } from 'vitest';
import { attr, elements, listFiles, loadDocument, textOf, urlPathOf, type Element } from './dom.ts';
import { DIST, loadBuildInfo } from './paths.ts';
import { pageOfSource, reportPages } from './reports.ts';
import { resolveUrl } from './resolve.ts';

const info = loadBuildInfo();
const names = info.inputs.map((i) => i.file);
const manifestPages = listFiles(DIST, ['.html']).filter((f) => {
  const text = textOf(loadDocument(f));
  return names.every((n) => text.includes(n));
});
const manifest = manifestPages[0];
const REJECTED = /拒|未收录|未能解析|无法解析|rejected/i;

/** The smallest table row or list item that names the file. */
function entryOf(file: string): Element | undefined {
  const holders = elements(loadDocument(manifest), 'tr', 'li').filter((e) => textOf(e).includes(file));
  return holders.find((h) => !elements(h, 'tr', 'li').some((inner) => textOf(inner).includes(file)));
}

describe('ingest manifest', () => {
  it('is published on a page that names every input file', () => {
    expect(manifestPages.map((f) => urlPathOf(DIST, f, info.base)), `no page names all of ${names.join(', ')}`).not.toEqual([]);
  });

  it.each(info.inputs.filter((i) => i.kind === 'rejected'))('lists $file as rejected, with the reason', ({ file }) => {
    const entry = entryOf(file);
    expect(entry, `no table row or list item names ${file}`).toBeDefined();
    const text = textOf(entry!).replace(/\s+/g, ' ').trim();
    expect(text).toMatch(REJECTED);
    // A reason beyond the file name and the status word.
    expect(text.replace(file, '').replace(REJECTED, '').replace(/[\s:：·|-]/g, '').length).toBeGreaterThan(4);
  });

  it.each(info.inputs.filter((i) => i.kind !== 'rejected'))('lists $file as read, linking to its report page', ({ file }) => {
    const entry = entryOf(file);
    expect(entry, `no table row or list item names ${file}`).toBeDefined();
    expect(textOf(entry!)).not.toMatch(REJECTED);
    const page = pageOfSource(reportPages(info), file);
    expect(page).toBeDefined();
    const from = urlPathOf(DIST, manifest, info.base);
    const targets = elements(entry!, 'a').map((a) => resolveUrl(attr(a, 'href') ?? '', from, { dist: DIST, base: info.base, site: info.site }));
    expect(targets.some((t) => t.kind === 'file' && t.file === page!.file), `${file}'s entry links to ${page!.url}`).toBe(true);
  });
});
