import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { Report, type IngestManifest } from '../../src/lib/schema.ts';
import { writeDownloads } from '../../src/lib/site/build/downloads.ts';
import { FIELDS } from '../../src/lib/site/build/export.ts';
import { parseCsv } from './csv.ts';
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
  summary: { files: 3, reports: 2, findings: 4, rejected: 1, superseded: 0, ignored: 0 },
};
const sourceText = '民和回族土族自治县人民政府\n2021年政府信息公开工作年度报告\n';

beforeAll(async () => {
  mkdirSync(join(ingestDir, 'reports'), { recursive: true });
  mkdirSync(reportsDir, { recursive: true });
  writeFileSync(join(ingestDir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(ingestDir, 'reports', '630222-2021.json'), JSON.stringify(minhe));
  writeFileSync(join(ingestDir, 'reports', '632224-2021.json'), JSON.stringify(gangcha));
  writeFileSync(join(reportsDir, minhe.source), sourceText);
  expect(await writeDownloads({ outDir, ingestDir, reportsDir })).toMatchObject({ reports: 2, sources: 1, written: 2 });
});

const read = (p: string) => readFileSync(join(outDir, p), 'utf8');

describe('writeDownloads', () => {
  it('writes each report’s JSON beside its page, valid and equal to the report', () => {
    const json = read('counties/630222-minhe/2021/report.json');
    expect(json.charCodeAt(0)).not.toBe(0xfeff);
    expect(Report.parse(JSON.parse(json))).toEqual(minhe);
  });

  it('writes each report’s CSV: BOM, its county, year and source first, then its tables', () => {
    const csv = read('counties/632224-gangcha/2021/report.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0][0]).toMatch(new RegExp(`刚察县.*2021 年.*${gangcha.source.replace(/\./g, '\\.')}`));
    expect(rows.find((r) => r[0] === '行政许可')?.[1]).toBe(String(gangcha.active!.licensing));
    expect(rows.find((r) => r[0] === '（七）总计')?.slice(1, 8)).toEqual(gangcha.applications!.total!.map((v) => (v === null ? '' : String(v))));
  });

  it('publishes the source text as UTF-8 with a BOM (every browser opens it so), and only where it exists', () => {
    expect(read('counties/630222-minhe/2021/source.txt')).toBe(`\uFEFF${sourceText}`);
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

  it('writes the same files with blocking calls (as in the worker thread)', async () => {
    const syncOut = join(root, 'dist-sync');
    expect(await writeDownloads({ outDir: syncOut, ingestDir, reportsDir, syncWrites: true })).toMatchObject({ reports: 2, sources: 1, written: 2 });
    for (const f of ['counties/630222-minhe/2021/report.json', 'counties/630222-minhe/2021/report.csv', 'counties/630222-minhe/2021/source.txt', 'counties/632224-gangcha/2021/report.csv'])
      expect(readFileSync(join(syncOut, f), 'utf8')).toBe(read(f));
    expect(existsSync(join(syncOut, 'counties/632224-gangcha/2021/source.txt'))).toBe(false);
  });

  it('publishes the manifest, rejected file and reason included', () => {
    // Each file published as a report's source says where (its type told by its bytes).
    const published = { ...manifest, files: manifest.files.map((f) => (f.file === minhe.source ? { ...f, published: 'counties/630222-minhe/2021/source.txt' } : f)) };
    expect(JSON.parse(read('data/manifest.json'))).toEqual(published);
    expect(read('data/manifest.csv')).toContain('broken.pdf,rejected,,0,unsupported file type .pdf,');
    expect(read('data/manifest.csv').split('\r\n')[0]).toBe('\uFEFFfile,status,reportId,findings,reason,reasonZh,sha256,published');
    expect(read('data/manifest.csv')).toContain(`${'a'.repeat(64)},counties/630222-minhe/2021/source.txt\r\n`);
  });
});

describe('writeDownloads on a rebuild', () => {
  // The same inputs written twice into one output with a state file: the second time, only what
  // changed is written.
  const base = mkdtempSync(join(tmpdir(), 'downloads-again-'));
  const ingest = join(base, 'ingest');
  const sources = join(base, 'reports');
  const out = join(base, 'dist');
  const statePath = join(base, 'cache/site-downloads.json');
  const run = () => writeDownloads({ outDir: out, ingestDir: ingest, reportsDir: sources, statePath, siteUrl: 'https://example.test/repo/' });
  const runOther = () => writeDownloads({ outDir: out, ingestDir: ingest, reportsDir: sources, statePath, siteUrl: 'https://other.test/' });
  const mtime = (p: string) => statSync(join(out, p)).mtimeMs;
  const minheDir = 'counties/630222-minhe/2021/';
  const gangchaDir = 'counties/632224-gangcha/2021/';

  beforeAll(() => {
    mkdirSync(join(ingest, 'reports'), { recursive: true });
    mkdirSync(sources, { recursive: true });
    writeFileSync(join(ingest, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(ingest, 'reports', '630222-2021.json'), JSON.stringify(minhe, null, 1));
    writeFileSync(join(ingest, 'reports', '632224-2021.json'), JSON.stringify(gangcha, null, 1));
    writeFileSync(join(sources, minhe.source), sourceText);
    chmodSync(join(sources, minhe.source), 0o444); // sources are often read-only; their copies too
  });

  it('writes every file the first time, and lists them', async () => {
    const first = await run();
    expect(first).toMatchObject({ reports: 2, sources: 1, written: 2 });
    expect(first.files).toEqual(expect.arrayContaining([`${minheDir}report.json`, `${minheDir}report.csv`, `${minheDir}source.txt`, `${gangchaDir}report.csv`]));
    expect(first.bulk).toContain('data/reports.csv');
    expect(first.files).not.toContain(`${gangchaDir}source.txt`);
    expect(readFileSync(join(out, minheDir, 'report.csv'), 'utf8')).toContain('https://example.test/repo/counties/630222-minhe/2021/');
  });

  it('writes no report file again when nothing changed, and the bulk files hold the same', async () => {
    const before = [`${minheDir}report.json`, `${minheDir}report.csv`, `${minheDir}source.txt`].map(mtime);
    const bulkJson = gunzipSync(readFileSync(join(out, 'data/reports.json.gz'))).toString('utf8');
    const bulkCsv = readFileSync(join(out, 'data/reports.csv'), 'utf8');
    const again = await run();
    expect(again.written).toBe(0);
    expect(again.sources).toBe(1);
    expect([`${minheDir}report.json`, `${minheDir}report.csv`, `${minheDir}source.txt`].map(mtime)).toEqual(before);
    expect(gunzipSync(readFileSync(join(out, 'data/reports.json.gz'))).toString('utf8')).toBe(bulkJson);
    expect(readFileSync(join(out, 'data/reports.csv'), 'utf8')).toBe(bulkCsv);
  });

  it('rewrites a changed report only, and the bulk files follow it', async () => {
    const changed = { ...gangcha, active: { ...gangcha.active!, licensing: 263 } };
    writeFileSync(join(ingest, 'reports', '632224-2021.json'), JSON.stringify(changed, null, 1));
    const minheCsv = mtime(`${minheDir}report.csv`);
    const again = await run();
    expect(again.written).toBe(1);
    expect(mtime(`${minheDir}report.csv`)).toBe(minheCsv);
    expect(JSON.parse(readFileSync(join(out, gangchaDir, 'report.json'), 'utf8')).active.licensing).toBe(263);
    expect(parseCsv(readFileSync(join(out, gangchaDir, 'report.csv'), 'utf8').slice(1)).find((r) => r[0] === '行政许可')?.[1]).toBe('263');
    const bulk = JSON.parse(gunzipSync(readFileSync(join(out, 'data/reports.json.gz'))).toString('utf8'));
    expect(bulk.reports.find((r: Report) => r.region.code === '632224').active.licensing).toBe(263);
    expect(readFileSync(join(out, 'data/reports.csv'), 'utf8')).toContain('632224');
  });

  it('rewrites a file that was removed or replaced since, and a read-only source copy', async () => {
    rmSync(join(out, minheDir, 'report.json'));
    writeFileSync(join(out, minheDir, 'source.txt'), 'tampered');
    const again = await run();
    expect(again.written).toBe(1);
    expect(Report.parse(JSON.parse(readFileSync(join(out, minheDir, 'report.json'), 'utf8')))).toEqual(minhe);
    expect(readFileSync(join(out, minheDir, 'source.txt'), 'utf8')).toBe(`\uFEFF${sourceText}`);
  });

  it('rewrites everything when the site address changes (each CSV names its page)', async () => {
    const again = await writeDownloads({ outDir: out, ingestDir: ingest, reportsDir: sources, statePath, siteUrl: 'https://other.test/' });
    expect(again.written).toBe(2);
    expect(readFileSync(join(out, gangchaDir, 'report.csv'), 'utf8')).toContain('https://other.test/counties/632224-gangcha/2021/');
  });

  it('publishes a source that became a PDF as source.pdf, byte for byte, and removes the old source.txt', async () => {
    chmodSync(join(sources, minhe.source), 0o644);
    const pdf = Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n', 'latin1');
    writeFileSync(join(sources, minhe.source), pdf);
    // As the ingest has it then: the source's new digest, the report's format.
    const withPdf = { ...manifest, files: manifest.files.map((f) => (f.file === minhe.source ? { ...f, sha256: 'd'.repeat(64) } : f)) };
    writeFileSync(join(ingest, 'manifest.json'), JSON.stringify(withPdf));
    writeFileSync(join(ingest, 'reports', '630222-2021.json'), JSON.stringify({ ...minhe, format: 'pdf' }, null, 1));
    const again = await runOther();
    expect(again).toMatchObject({ written: 1, sources: 1 });
    expect(readFileSync(join(out, minheDir, 'source.pdf'))).toEqual(pdf);
    expect(existsSync(join(out, minheDir, 'source.txt'))).toBe(false);
    expect(again.files).toContain(`${minheDir}source.pdf`);
    expect(again.files).not.toContain(`${minheDir}source.txt`);
    expect(readFileSync(join(out, 'data/manifest.csv'), 'utf8')).toContain(`,${minheDir}source.pdf\r\n`);
    // Unchanged since: kept as it is, under its name.
    const kept = await runOther();
    expect(kept.written).toBe(0);
    expect(kept.files).toContain(`${minheDir}source.pdf`);
    writeFileSync(join(sources, minhe.source), sourceText);
    writeFileSync(join(ingest, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(ingest, 'reports', '630222-2021.json'), JSON.stringify(minhe, null, 1));
  });

  it('removes the copy of a source text that is gone', async () => {
    rmSync(join(sources, minhe.source), { force: true });
    const again = await writeDownloads({ outDir: out, ingestDir: ingest, reportsDir: sources, statePath, siteUrl: 'https://other.test/' });
    expect(again).toMatchObject({ written: 1, sources: 0 });
    expect(existsSync(join(out, minheDir, 'source.txt'))).toBe(false);
    expect(existsSync(join(out, minheDir, 'source.pdf'))).toBe(false);
    expect(again.files).not.toContain(`${minheDir}source.txt`);
  });
});

describe('writeDownloads with the report files on a second site', () => {
  const base = mkdtempSync(join(tmpdir(), 'downloads-split-'));
  const ingest = join(base, 'ingest');
  const sources = join(base, 'reports');
  const out = join(base, 'dist');
  const reportOut = join(base, 'dist-downloads');
  const statePath = join(base, 'cache/site-downloads.json');
  const run = () => writeDownloads({ outDir: out, reportOutDir: reportOut, ingestDir: ingest, reportsDir: sources, statePath });

  beforeAll(() => {
    mkdirSync(join(ingest, 'reports'), { recursive: true });
    mkdirSync(sources, { recursive: true });
    writeFileSync(join(ingest, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(ingest, 'reports', '630222-2021.json'), JSON.stringify(minhe));
    writeFileSync(join(ingest, 'reports', '632224-2021.json'), JSON.stringify(gangcha));
    writeFileSync(join(sources, minhe.source), sourceText);
  });

  it('writes each report’s files there and the bulk files in the site', async () => {
    const first = await run();
    expect(first).toMatchObject({ reports: 2, written: 2, removed: 0 });
    expect(existsSync(join(reportOut, 'counties/630222-minhe/2021/report.json'))).toBe(true);
    expect(existsSync(join(reportOut, 'counties/630222-minhe/2021/source.txt'))).toBe(true);
    expect(existsSync(join(out, 'counties'))).toBe(false);
    expect(existsSync(join(out, 'data/reports.csv'))).toBe(true);
    expect(existsSync(join(reportOut, 'data'))).toBe(false);
  });

  it('removes the files of a report that is gone', async () => {
    rmSync(join(ingest, 'reports', '630222-2021.json'));
    const again = await run();
    expect(again).toMatchObject({ reports: 1, written: 0, removed: 3 });
    expect(existsSync(join(reportOut, 'counties/630222-minhe'))).toBe(false);
    expect(existsSync(join(reportOut, 'counties/632224-gangcha/2021/report.csv'))).toBe(true);
  });
});

describe('publishedSource', () => {
  it('turns a GB18030 or BOM-less UTF-8 text into UTF-8 with one BOM (.txt), and leaves PDF and Word bytes alone (.pdf, .docx)', async () => {
    const { publishedSource } = await import('../../src/lib/site/build/downloads.ts');
    const text = '民和回族土族自治县人民政府\n';
    const utf8 = (b: Uint8Array) => Buffer.from(publishedSource(b).bytes).toString('utf8');
    const gbk = new Uint8Array([0xc3, 0xf1, 0xba, 0xcd, 0x0a]); // 民和\n in GB18030
    expect(publishedSource(gbk).ext).toBe('txt');
    expect(utf8(gbk)).toBe('\uFEFF民和\n');
    expect(utf8(Buffer.from(text))).toBe(`\uFEFF${text}`);
    expect(utf8(Buffer.from(`\uFEFF${text}`))).toBe(`\uFEFF${text}`);
    const pdf = Buffer.from('%PDF-1.7\n');
    expect(publishedSource(pdf)).toEqual({ ext: 'pdf', bytes: pdf });
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....word/document.xml....')]);
    expect(publishedSource(docx)).toEqual({ ext: 'docx', bytes: docx });
  });

  it('publishes a web page as the text read from it, never its markup or scripts', async () => {
    const { publishedSource } = await import('../../src/lib/site/build/downloads.ts');
    const page = '<!DOCTYPE html><html><head><meta charset="utf-8"><script>alert(1)</script></head><body><div class="article"><h1>民和县2021年政府信息公开工作年度报告</h1><p>一、总体情况</p></div></body></html>';
    const out = publishedSource(Buffer.from(page));
    expect(out.ext).toBe('txt');
    const text = Buffer.from(out.bytes).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('民和县2021年政府信息公开工作年度报告');
    expect(text).toContain('一、总体情况');
    expect(text).not.toMatch(/<|alert/);
  });
});
