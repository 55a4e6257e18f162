import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadsOutput, pruneOutput, routeFiles } from '../../src/lib/site/build/integrations.ts';

describe('pruneOutput', () => {
  it('removes what this build neither wrote nor kept, and the directories left empty', () => {
    const out = mkdtempSync(join(tmpdir(), 'prune-'));
    const file = (rel: string, ageMs: number) => {
      const p = join(out, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, rel);
      const t = new Date(Date.now() - ageMs);
      utimesSync(p, t, t);
    };
    const hour = 3_600_000;
    file('index.html', 0); // written by this build
    file('counties/630222-minhe/2021/index.html', hour); // an unchanged page left in place
    file('counties/630222-minhe/2021/report.csv', hour); // an unchanged download
    file('counties/632224-gangcha/2021/index.html', hour); // a report no longer built
    file('counties/632224-gangcha/2021/report.json', hour);
    file('_astro/old.abc123.js', hour); // an asset of an earlier build
    const since = Date.now() - 60_000;
    // counties/ is not walked: the last build's list of its files says what may be stale there.
    const previous = ['counties/630222-minhe/2021/index.html', 'counties/630222-minhe/2021/report.csv', 'counties/632224-gangcha/2021/index.html', 'counties/632224-gangcha/2021/report.json'];
    const removed = pruneOutput(out, new Set(['counties/630222-minhe/2021/index.html', 'counties/630222-minhe/2021/report.csv']), since, previous);
    expect(removed).toBe(3);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'counties/630222-minhe/2021/index.html'))).toBe(true);
    expect(existsSync(join(out, 'counties/630222-minhe/2021/report.csv'))).toBe(true);
    expect(existsSync(join(out, 'counties/632224-gangcha'))).toBe(false);
    expect(existsSync(join(out, '_astro'))).toBe(false);
    expect(existsSync(join(out, 'counties'))).toBe(true);
  });
});

describe('routeFiles', () => {
  it('names every file the routes left in the output, endpoints too (a share image the incremental build kept in place is no stale file)', () => {
    const out = '/tmp/site/dist';
    const assets = new Map<string, URL[]>([
      ['/og/[code].png', [new URL('file:///tmp/site/dist/og/630222.png')]],
      ['/data/compare/[code].json', [new URL('file:///tmp/site/dist/data/compare/630222.json'), new URL('file:///tmp/site/dist/data/compare/632224.json')]],
      ['/counties/[county]', [new URL('file:///tmp/site/dist/counties/630222-minhe/index.html')]],
    ]);
    expect(routeFiles(out, assets).sort()).toEqual(['counties/630222-minhe/index.html', 'data/compare/630222.json', 'data/compare/632224.json', 'og/630222.png']);
  });
});

describe('downloadsOutput', () => {
  it('is the site output without a downloads site: report files and share images stay beside the pages', () => {
    expect(downloadsOutput('/tmp/x/dist', undefined, '/tmp/x/dl')).toBe('/tmp/x/dist');
  });

  it('is its own output with a downloads site (DOWNLOADS_OUT_DIR, default dist-downloads)', () => {
    expect(downloadsOutput('/tmp/x/dist', 'https://owner.github.io/dl/', '/tmp/x/dl')).toBe('/tmp/x/dl');
    expect(downloadsOutput('/tmp/x/dist', 'https://owner.github.io/dl/', undefined)).toBe(resolve('dist-downloads'));
  });
});
