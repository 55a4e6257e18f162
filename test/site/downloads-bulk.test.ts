// The bulk JSON as one gzip member per province, taken from the cache while the province's reports
// are unchanged; an ingest file of unchanged size and time is not read again.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestManifest, Report } from '../../src/lib/schema.ts';
import { writeDownloads } from '../../src/lib/site/build/downloads.ts';
import { makeReport } from './factory.ts';

const base = mkdtempSync(join(tmpdir(), 'downloads-bulk-'));
const ingest = join(base, 'ingest');
const out = join(base, 'dist');
const statePath = join(base, 'cache/site-downloads.json');
// Three provinces: 北京 (11), 河北 (13), 青海 (63); two reports in 青海.
const reports: Report[] = [
  makeReport({ code: '110101', licensing: 1 }),
  makeReport({ code: '130102', licensing: 2 }),
  makeReport({ code: '630222', licensing: 3 }),
  makeReport({ code: '632224', licensing: 4 }),
];
const idOf = (r: Report) => `${r.region.code}-${r.year}`;
const ingestFile = (r: Report) => join(ingest, 'reports', `${idOf(r)}.json`);
const manifest: IngestManifest = {
  generated: '2026-01-02T03:04:05.000Z',
  files: reports.map((r) => ({ file: r.source, sha256: 'a'.repeat(64), status: 'parsed' as const, reportId: idOf(r), findings: 0 })),
  summary: { files: 4, reports: 4, findings: 0, rejected: 0, superseded: 0, ignored: 0 },
};
mkdirSync(join(ingest, 'reports'), { recursive: true });
writeFileSync(join(ingest, 'manifest.json'), JSON.stringify(manifest));
for (const r of reports) writeFileSync(ingestFile(r), JSON.stringify(r, null, 1));

const run = (opts: { statePath?: string; outDir?: string } = {}) =>
  writeDownloads({ outDir: opts.outDir ?? out, ingestDir: ingest, reportsDir: join(base, 'none'), statePath: 'statePath' in opts ? opts.statePath : statePath });
const bulk = (dir = out) => readFileSync(join(dir, 'data/reports.json.gz'));
const pieces = () => readdirSync(join(base, 'cache/site-downloads-bulk')).sort();
const pieceTime = (p: string) => statSync(join(base, 'cache/site-downloads-bulk', p)).mtimeMs;

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('data/reports.json.gz', { timeout: 30_000 }, () => {
  it('holds every report, as one gzip member per province', async () => {
    await run();
    const all = JSON.parse(gunzipSync(bulk()).toString('utf8'));
    expect(all.count).toBe(4);
    expect(all.reports.map((r: Report) => r.region.code)).toEqual(['110101', '130102', '630222', '632224']);
    expect(all.reports[2]).toEqual(JSON.parse(JSON.stringify(reports[2])));
    expect(pieces()).toEqual(['11.gz', '13.gz', '63.gz']);
    // A gzip member starts 1f 8b 08: opening, three provinces, closing.
    const starts = [...bulk().entries()].filter(([i, b]) => b === 0x1f && bulk()[i + 1] === 0x8b && bulk()[i + 2] === 0x08).length;
    expect(starts).toBeGreaterThanOrEqual(5);
  });

  it('compresses again only the province of a changed report, with the same result as a build from nothing', async () => {
    const before = Object.fromEntries(pieces().map((p) => [p, pieceTime(p)]));
    await new Promise((r) => setTimeout(r, 20));
    const changed = { ...reports[1], active: { ...reports[1].active!, licensing: 99 } } as Report;
    writeFileSync(ingestFile(changed), JSON.stringify(changed, null, 1));
    const again = await run();
    expect(again.written).toBe(1);
    expect(pieceTime('11.gz')).toBe(before['11.gz']);
    expect(pieceTime('63.gz')).toBe(before['63.gz']);
    expect(pieceTime('13.gz')).toBeGreaterThan(before['13.gz']);
    const fresh = join(base, 'fresh');
    await run({ statePath: undefined, outDir: fresh });
    expect(gunzipSync(bulk()).toString('utf8')).toBe(gunzipSync(bulk(fresh)).toString('utf8'));
    expect(JSON.parse(gunzipSync(bulk()).toString('utf8')).reports[1].active.licensing).toBe(99);
  });

  it('does not read an ingest file again whose size and time are unchanged (the ingest rewrites only changed reports)', async () => {
    // Same size, same time, other bytes: taken as unchanged, so its files are kept as they are.
    const file = ingestFile(reports[0]);
    const time = new Date('2026-01-01T00:00:00Z');
    utimesSync(file, time, time);
    expect((await run()).written).toBe(0); // read (a new time), the same digest
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"licensing": 1', '"licensing": 7'));
    utimesSync(file, time, time);
    const again = await run();
    expect(again.written).toBe(0);
    expect(readFileSync(join(out, 'counties/110101-xian/2021/report.json'), 'utf8')).toContain('"licensing":1');
    // A new time: read, and rewritten.
    utimesSync(file, time, new Date(time.getTime() + 5000));
    expect((await run()).written).toBe(1);
    expect(readFileSync(join(out, 'counties/110101-xian/2021/report.json'), 'utf8')).toContain('"licensing":7');
  });
});
