import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagesTree, publishEmbeds, rehomeEmbedPage } from '../../src/lib/site/build/embeds.ts';

const HOUR = 3_600_000;
function put(root: string, rel: string, text: string, ageMs = 0): void {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  const t = new Date(Date.now() - ageMs);
  utimesSync(p, t, t);
}
const page = (base: string, chart: string) =>
  `<html><head><link rel="icon" href="${base}favicon.svg"><link rel="stylesheet" href="${base}_astro/style.abc.css"></head><body>${chart}<script type="module" src="${base}_astro/Chart.x1.js"></script><a href="https://site.example/p/counties/a/2021/" target="_top">back</a></body></html>`;

describe('rehomeEmbedPage', () => {
  it("moves the site's asset addresses to the downloads site's path", () => {
    const html = rehomeEmbedPage(page('/p/', 'c'), '/p/', '/d/');
    expect(html).toContain('href="/d/_astro/style.abc.css"');
    expect(html).toContain('src="/d/_astro/Chart.x1.js"');
    expect(html).toContain('href="/d/favicon.svg"');
    expect(html).not.toContain('"/p/');
    expect(html).toContain('href="https://site.example/p/counties/a/2021/"');
  });

  it('refuses a page that still names an address of the site, naming the page', () => {
    expect(() => rehomeEmbedPage('<a href="/p/counties/a/2021/">back</a>', '/p/', '/d/', 'dist/x/index.html')).toThrow(/dist\/x\/index\.html: \/p\/counties\/a\/2021\/ /);
    // At the root of both sites, the same path serves on either.
    expect(rehomeEmbedPage(page('/', 'c'), '/', '/')).toBe(page('/', 'c'));
  });
});

describe('publishEmbeds', () => {
  /** A site output, a downloads output and a state file, in a folder of their own. */
  const outputs = () => {
    const dir = mkdtempSync(join(tmpdir(), 'embeds-'));
    return { out: join(dir, 'dist'), dl: join(dir, 'downloads'), statePath: join(dir, 'state.json') };
  };

  it('copies the pages this build wrote, keeps the others, removes those no longer built, and mirrors the assets', () => {
    const { out, dl, statePath } = outputs();
    const a = 'counties/a/2021/embed/outcomes/index.html';
    const b = 'counties/a/2021/embed/review/index.html';
    const c = 'counties/b/2022/embed/outcomes/index.html';
    for (const [rel, chart] of [[a, 'A'], [b, 'B'], [c, 'C']]) put(out, rel, page('/p/', chart), HOUR);
    put(out, '_astro/style.abc.css', 'body{}', HOUR);
    put(out, '_astro/Chart.x1.js', 'import "./chunk.js"', HOUR);
    put(out, '_astro/chunk.js', '1', HOUR);
    put(out, 'favicon.svg', '<svg/>', HOUR);
    put(dl, 'counties/a/2021/report.json', '{}', HOUR); // a report file: not the embeds' to touch
    const options = { out, downloadsOut: dl, base: '/p/', downloadsBase: '/d/', statePath };

    const first = publishEmbeds({ ...options, pages: [a, b, c], since: Date.now() - 60_000 });
    expect(first).toEqual({ written: 3, kept: 0, removed: 0, assets: 4 });
    expect(readFileSync(join(dl, a), 'utf8')).toBe(rehomeEmbedPage(page('/p/', 'A'), '/p/', '/d/'));
    expect(readdirSync(join(dl, '_astro')).sort()).toEqual(['Chart.x1.js', 'chunk.js', 'style.abc.css']);
    expect(existsSync(join(dl, 'favicon.svg'))).toBe(true);

    // The next build re-renders a, drops c (and its report's directory), and the assets change.
    put(out, a, page('/p/', 'A2'));
    put(out, '_astro/Chart.x2.js', '2');
    const second = publishEmbeds({ ...options, pages: [a, b], since: Date.now() - 60_000 });
    expect(second).toEqual({ written: 1, kept: 1, removed: 1, assets: 5 });
    expect(readFileSync(join(dl, a), 'utf8')).toContain('A2');
    expect(existsSync(join(dl, c))).toBe(false);
    expect(existsSync(join(dl, 'counties/b'))).toBe(false);
    expect(existsSync(join(dl, 'counties/a/2021/report.json'))).toBe(true);
    expect(readdirSync(join(dl, '_astro')).sort()).toEqual(['Chart.x1.js', 'Chart.x2.js', 'chunk.js', 'style.abc.css']);

    // Nothing rendered this time: a copy missing (c's) is written again; an asset no longer built goes.
    put(out, c, page('/p/', 'C'), HOUR);
    rmSync(join(out, '_astro/Chart.x1.js'));
    const third = publishEmbeds({ ...options, pages: [a, b, c], since: Date.now() + 1000 });
    expect(third).toEqual({ written: 1, kept: 2, removed: 0, assets: 4 });
    expect(readdirSync(join(dl, '_astro')).sort()).toEqual(['Chart.x2.js', 'chunk.js', 'style.abc.css']);
  });

  it('writes every copy again for another downloads path, and without a record finds stale copies by walking', () => {
    const { out, dl, statePath } = outputs();
    const a = 'counties/a/2021/embed/outcomes/index.html';
    put(out, a, page('/p/', 'A'), HOUR);
    put(dl, 'counties/z/2019/embed/review/index.html', 'stale', HOUR);
    const first = publishEmbeds({ out, downloadsOut: dl, base: '/p/', downloadsBase: '/d/', statePath, pages: [a], since: Date.now() });
    expect(first).toMatchObject({ written: 1, removed: 1 });
    expect(existsSync(join(dl, 'counties/z'))).toBe(false);
    const moved = publishEmbeds({ out, downloadsOut: dl, base: '/p/', downloadsBase: '/e/', statePath, pages: [a], since: Date.now() });
    expect(moved).toMatchObject({ written: 1, kept: 0 });
    expect(readFileSync(join(dl, a), 'utf8')).toContain('"/e/_astro/');
  });
});

describe('pagesTree', () => {
  it('holds every file of the output but the chart embed pages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tree-'));
    const dist = join(dir, 'dist');
    const tree = join(dir, 'tree');
    for (const rel of ['index.html', '_astro/a.js', 'counties/a/index.html', 'counties/a/2021/index.html', 'counties/a/2021/embed/outcomes/index.html', 'counties/a/2021/embed/review/index.html', 'rankings/x/embed/index.html'])
      put(dist, rel, rel);
    put(tree, 'old.html', 'from an earlier run');
    expect(pagesTree(dist, tree)).toEqual({ files: 5, embeds: 2 });
    const files = readdirSync(tree, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(tree.length + 1))
      .sort();
    expect(files).toEqual(['_astro/a.js', 'counties/a/2021/index.html', 'counties/a/index.html', 'index.html', 'rankings/x/embed/index.html']);
    expect(statSync(join(tree, 'index.html')).ino).toBe(statSync(join(dist, 'index.html')).ino);
  });
});
