// Every internal link and asset of the built site resolves inside dist/ under the base path:
// href/src/srcset/poster/action/data of every page, url() in stylesheets and style attributes,
// module imports between scripts, the sitemap, in-page and cross-page #fragments.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attr, elements, listFiles, loadDocument, urlPathOf } from './dom.ts';
import { DIST, loadBuildInfo } from './paths.ts';
import { resolveUrl } from './resolve.ts';

const info = loadBuildInfo();
const opts = { dist: DIST, base: info.base, site: info.site };
const pages = listFiles(DIST, ['.html']);
const stylesheets = listFiles(DIST, ['.css']);
const scripts = listFiles(DIST, ['.js', '.mjs']).filter((f) => !f.includes('/pagefind/'));

interface Ref {
  from: string; // the URL path of the page or file that holds it
  url: string;
  what: string; // e.g. <a href>
  resource: boolean; // loaded by the page (not merely linked)
}

const cssUrls = (css: string) =>
  [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)].map((m) => m[2] ?? m[4]);
const srcsetUrls = (v: string) => v.split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean);

function pageRefs(file: string): Ref[] {
  const from = urlPathOf(DIST, file, info.base);
  const doc = loadDocument(file);
  const refs: Ref[] = [];
  const add = (url: string | undefined, what: string, resource: boolean) => {
    if (url !== undefined) refs.push({ from, url, what, resource });
  };
  for (const el of elements(doc)) {
    const t = el.tagName;
    if (t === 'a' || t === 'area') add(attr(el, 'href'), `<${t} href>`, false);
    if (t === 'link') {
      const rel = attr(el, 'rel') ?? '';
      // preconnect/dns-prefetch name hosts, not resources.
      if (!/preconnect|dns-prefetch/.test(rel)) add(attr(el, 'href'), `<link rel="${rel}">`, /stylesheet|icon|preload|modulepreload|manifest/.test(rel));
    }
    if (['img', 'script', 'iframe', 'video', 'audio', 'source', 'track', 'embed', 'input'].includes(t)) add(attr(el, 'src'), `<${t} src>`, true);
    if (t === 'img' || t === 'source') for (const u of srcsetUrls(attr(el, 'srcset') ?? '')) add(u, `<${t} srcset>`, true);
    if (t === 'video') add(attr(el, 'poster'), '<video poster>', true);
    if (t === 'object') add(attr(el, 'data'), '<object data>', true);
    if (t === 'form') add(attr(el, 'action'), '<form action>', false);
    if (t === 'use' || t === 'image') add(attr(el, 'href') ?? attr(el, 'xlink:href'), `<${t} href>`, true);
    if (t === 'meta' && /^(og:(url|image)|twitter:image)$/.test(attr(el, 'property') ?? attr(el, 'name') ?? '')) {
      add(attr(el, 'content'), `<meta ${attr(el, 'property') ?? attr(el, 'name')}>`, false);
    }
    const style = attr(el, 'style');
    if (style) for (const u of cssUrls(style)) add(u, 'style="url()"', true);
    if (t === 'style') for (const u of cssUrls(el.childNodes.map((c) => ('value' in c ? c.value : '')).join(''))) add(u, '<style> url()', true);
  }
  return refs;
}

function fileRefs(files: string[], pattern: (text: string) => string[], what: string): Ref[] {
  return files.flatMap((file) => {
    const from = urlPathOf(DIST, file, info.base);
    return pattern(readFileSync(file, 'utf8')).map((url) => ({ from, url, what, resource: true }));
  });
}

// Static and dynamic imports with a literal relative or base-absolute specifier.
const importSpecifiers = (js: string) =>
  [...js.matchAll(/(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)(["'])((?:\.{1,2}\/|\/)[^"']+\.m?js)\1/g)].map((m) => m[2]);

const ids = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let s = ids.get(file);
  if (!s) {
    s = new Set<string>();
    for (const el of elements(loadDocument(file))) {
      const id = attr(el, 'id');
      if (id) s.add(id);
      if (el.tagName === 'a' && attr(el, 'name')) s.add(attr(el, 'name')!);
    }
    ids.set(file, s);
  }
  return s;
}

function problems(refs: Ref[]): string[] {
  const out: string[] = [];
  for (const r of refs) {
    const res = resolveUrl(r.url, r.from, opts);
    if (res.kind === 'external') {
      // CSP: nothing is loaded from other hosts.
      if (r.resource && /^(https?:)?\/\//i.test(r.url)) out.push(`${r.from}: ${r.what} ${r.url} loads from another host`);
      continue;
    }
    if (res.kind === 'broken') {
      out.push(`${r.from}: ${r.what} ${r.url}: ${res.reason}`);
      continue;
    }
    if (res.fragment && res.file.endsWith('.html') && !idsOf(res.file).has(res.fragment)) {
      out.push(`${r.from}: ${r.what} ${r.url}: no element with id "${res.fragment}"`);
    }
  }
  return [...new Set(out)];
}

describe(`built site under ${info.base}`, () => {
  it('has pages', () => {
    expect(pages.length).toBeGreaterThan(1);
  });

  it('every internal href/src/srcset of every page resolves, loads nothing from other hosts', () => {
    const refs = pages.flatMap(pageRefs);
    expect(refs.filter((r) => r.what === '<a href>').length).toBeGreaterThan(pages.length);
    expect(problems(refs)).toEqual([]);
  });

  it('every url() and @import of the stylesheets resolves', () => {
    expect(problems(fileRefs(stylesheets, cssUrls, 'CSS url()'))).toEqual([]);
  });

  it('every literal module import between scripts resolves', () => {
    expect(problems(fileRefs(scripts, importSpecifiers, 'import'))).toEqual([]);
  });

  it('the sitemap lists only pages that exist, under the site and base', () => {
    const index = listFiles(DIST, ['.xml']).filter((f) => /sitemap/.test(f));
    expect(index.length, 'a sitemap in dist/').toBeGreaterThan(0);
    const locs = fileRefs(index, (xml) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]), '<loc>');
    expect(locs.length).toBeGreaterThan(0);
    expect(locs.filter((l) => !l.url.startsWith(info.site + info.base))).toEqual([]);
    expect(problems(locs)).toEqual([]);
  });

  it('every page has a canonical URL that is its own address', () => {
    const wrong = pages
      .filter((f) => !f.endsWith('/404.html') && !f.endsWith('/404/index.html'))
      .map((f) => {
        const canonical = elements(loadDocument(f), 'link').find((l) => attr(l, 'rel') === 'canonical');
        const href = canonical && attr(canonical, 'href');
        const own = info.site + urlPathOf(DIST, f, info.base);
        return href === own ? null : `${urlPathOf(DIST, f, info.base)}: canonical ${href ?? '(none)'}, expected ${own}`;
      })
      .filter(Boolean);
    expect(wrong).toEqual([]);
  });
});
