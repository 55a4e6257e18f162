// Builds are reproducible: the test build (build-site.ts) built the same inputs twice, the second
// time from nothing (another ingest folder, an empty Astro cache, another output folder), and every
// file of the two outputs is byte for byte the same — no build time, no order of a directory
// listing or of threads finishing leaks into what is published.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from './dom.ts';
import { DIST, loadBuildInfo } from './paths.ts';

const info = loadBuildInfo();
const filesOf = (dir: string) => listFiles(dir, ['']).map((f) => relative(dir, f)).sort();

describe('two builds of the same inputs', () => {
  const first = filesOf(DIST);
  const second = filesOf(info.secondDist);

  it('write the same files', () => {
    expect(first.length).toBeGreaterThan(50);
    expect(second).toEqual(first);
  });

  it('write every file byte for byte the same', () => {
    const differ = first.filter((f) => !readFileSync(`${DIST}/${f}`).equals(readFileSync(`${info.secondDist}/${f}`)));
    expect(differ).toEqual([]);
  });
});
