import { mkdtempSync, readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { Report, type IngestManifest } from '../../src/lib/schema.ts';
import { writeDownloads } from '../../src/lib/site/downloads.ts';
import { FIELDS } from '../../src/lib/site/export.ts';
import { fixtureReport } from './factory.ts';

// An ingest output of two reports (one without its source text) and a rejected file.
const root = mkdtempSync(join(tmpdir(), 'downloads-'));
const ingestDir = join(root, 'ingest');
const reportsDir = join(root, 'reports');
const outDir = join(root, 'dist');
const minhe = fixtureReport('000_abd24a0acb5d3937');
const gangcha = fixtureReport('001_b4c68211845cc32f');
const manifest: IngestManifest = {
  generated: '2026-01-02T03:04:05.000Z',
  files: [
    { file: minhe.source, sha256: 'a'.repeat(64), status: 'parsed', reportId: '630222-2021', findings: 0 },
    { file: gangcha.source, sha256: 'b'.repeat(64), status: 'findings', reportId: '632224-2021', findings: 4 },
    { file: 'broken.pdf', sha256: 'c'.repeat(64), status: 'rejected', reason: 'unsupported file type .pdf', findings: 0 },
  ],
  summary: { files: 3, reports: 2, findings: 4, rejected: 1 },
};
const sourceText = '民和回族土族自治县人民政府\n2021年政府信息公开工作年度报告\n';

beforeAll(async () => {
  mkdirSync(join(ingestDir, 'reports'), { recursive: true });
  mkdirSync(reportsDir, { recursive: true });
  writeFileSync(join(ingestDir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(ingestDir, 'reports', '630222-2021.json'), JSON.stringify(minhe));
  writeFileSync(join(ingestDir, 'reports', '632224-2021.json'), JSON.stringify(gangcha));
  writeFileSync(join(reportsDir, minhe.source), sourceText);
  expect(await writeDownloads({ outDir, ingestDir, reportsDir })).toEqual({ reports: 2, sources: 1 });
});

const read = (p: string) => readFileSync(join(outDir, p), 'utf8');

describe('writeDownloads', () => {
  it('writes each report’s JSON beside its page, valid and equal to the report', () => {
    const json = read('counties/630222-minhe/2021/report.json');
    expect(json.charCodeAt(0)).not.toBe(0xfeff);
    expect(Report.parse(JSON.parse(json))).toEqual(minhe);
  });

  it('writes each report’s CSV: BOM, header, one row', () => {
    const csv = read('counties/632224-gangcha/2021/report.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3); // header, row, final empty
    expect(lines[0].split(',')).toEqual(FIELDS.map((f) => f.key));
    expect(lines[1]).toContain('刚察县');
  });

  it('copies the source text byte for byte, and only where it exists', () => {
    expect(read('counties/630222-minhe/2021/source.txt')).toBe(sourceText);
    expect(existsSync(join(outDir, 'counties/632224-gangcha/2021/source.txt'))).toBe(false);
  });

  it('writes the bulk JSON, gzipped and (this few reports) plain, with every report, valid', () => {
    const gz = gunzipSync(readFileSync(join(outDir, 'data/reports.json.gz'))).toString('utf8');
    expect(read('data/reports.json')).toBe(gz);
    const all = JSON.parse(gz);
    expect(all.generated).toBe(manifest.generated);
    expect(all.count).toBe(2);
    expect(all.reports.map((r: unknown) => Report.parse(r).region.code)).toEqual(['630222', '632224']);
  });

  it('writes the bulk CSV: BOM, one row per report, same header as the dictionary', () => {
    const csv = read('data/reports.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(read('data/fields.csv').slice(1).split('\r\n').filter(Boolean).slice(1).map((l) => l.split(',')[0])).toEqual(FIELDS.map((f) => f.key));
  });

  it('publishes the manifest, rejected file and reason included', () => {
    expect(JSON.parse(read('data/manifest.json'))).toEqual(manifest);
    expect(read('data/manifest.csv')).toContain('broken.pdf,rejected,,0,unsupported file type .pdf,');
  });
});
