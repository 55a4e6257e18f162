// The share images written by the build: one per county with a report, drawn off the main thread,
// and on a rebuild only those whose card changed.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOgImages } from '../../src/lib/site/build/ogImages.ts';
import { makeReport } from './factory.ts';

const root = mkdtempSync(join(tmpdir(), 'og-'));
const ingestDir = join(root, 'ingest');
const outDir = join(root, 'dist');
const cacheDir = join(root, 'cache/og');
const statePath = join(root, 'cache/site-og.json');
mkdirSync(join(ingestDir, 'reports'), { recursive: true });
const write = (id: string, r: unknown) => writeFileSync(join(ingestDir, 'reports', `${id}.json`), JSON.stringify(r));
write('630222-2021', makeReport({ code: '630222', name: '民和回族土族自治县', year: 2021 }));
write('630222-2022', makeReport({ code: '630222', name: '民和回族土族自治县', year: 2022 }));
write('632224-2021', makeReport({ code: '632224', name: '刚察县', year: 2021 }));
const run = (workers?: number) => writeOgImages({ outDir, ingestDir, cacheDir, statePath, workers });
const png = (code: string) => readFileSync(join(outDir, `og/${code}.png`));

describe('writeOgImages', () => {
  it('draws one PNG per county in a worker thread and lists them', async () => {
    const first = await run(1);
    expect(first).toMatchObject({ cards: 2, made: 2, copied: 0, kept: 0, workers: 1, failed: [] });
    expect(first.files).toEqual(['og/630222.png', 'og/632224.png']);
    for (const code of ['630222', '632224']) expect(png(code).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('writes nothing again when nothing changed', async () => {
    const before = statSync(join(outDir, 'og/630222.png')).mtimeMs;
    const again = await run(1);
    expect(again).toMatchObject({ cards: 2, made: 0, copied: 0, kept: 2 });
    expect(statSync(join(outDir, 'og/630222.png')).mtimeMs).toBe(before);
  });

  it('draws only the county whose card changed; takes a removed image from the cache', async () => {
    const gangcha = png('632224');
    write('630222-2022', makeReport({ code: '630222', name: '民和回族土族自治县', year: 2022, licensing: 4321 }));
    rmSync(join(outDir, 'og/632224.png'));
    const again = await run(0);
    expect(again).toMatchObject({ cards: 2, made: 1, copied: 1, kept: 0 });
    expect(png('632224')).toEqual(gangcha);
  });

  it('draws the same image in a worker as in this thread', async () => {
    const inThread = png('630222');
    rmSync(cacheDir, { recursive: true });
    rmSync(join(outDir, 'og/630222.png'));
    expect(await run(2)).toMatchObject({ made: 1, kept: 1, workers: 1, failed: [] });
    expect(png('630222')).toEqual(inThread);
  });

  it('removes the image of a county no longer built (in a downloads site output no other clean-up reaches it)', async () => {
    writeFileSync(join(outDir, 'og/999999.png'), 'stale');
    const again = await run(0);
    expect(again).toMatchObject({ cards: 2, removed: 1 });
    expect(existsSync(join(outDir, 'og/999999.png'))).toBe(false);
    expect(existsSync(join(outDir, 'og/630222.png'))).toBe(true);
  });
});
