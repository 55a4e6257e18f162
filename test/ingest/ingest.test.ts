// The ingest as a whole, on folders made for each case: the parse cache across renames and swaps,
// every entry of the folder in the manifest with its fate, sidecar addresses, versions of the same
// report, the time limit of one file's parse, and `generated` taken from the inputs.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest, inputsDate } from '../../src/lib/ingest/ingest.ts';
import type { IngestManifest, Report } from '../../src/lib/schema.ts';

const SAMPLES = join(import.meta.dirname, '../../content/reports');
const MINHE = join(SAMPLES, '000_abd24a0acb5d3937.txt'); // 民和 2021
const JINGYUAN = join(SAMPLES, '002_6806acdd043dfc21.txt'); // 泾源 2021
const work = mkdtempSync(join(tmpdir(), 'ingest-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
function folder(): { dir: string; out: string; cache: string } {
  const base = join(work, String(n++));
  const dir = join(base, 'reports');
  mkdirSync(dir, { recursive: true });
  return { dir, out: join(base, 'ingest'), cache: join(base, 'cache') };
}
const run = (f: { dir: string; out: string; cache: string }, extra: Partial<Parameters<typeof ingest>[0]> = {}) =>
  ingest({ reportsDir: f.dir, outDir: f.out, cacheDir: f.cache, parserVersion: 'test', timeLimitMs: 60_000, ...extra });
const entry = (m: IngestManifest, file: string) => m.files.find((e) => e.file === file);
const byName = (reports: Report[], name: string) => reports.find((r) => r.region.name.startsWith(name));

describe('the parse cache', { timeout: 60_000 }, () => {
  it('follows files through renames and swaps: each report names the file that holds its text', async () => {
    const f = folder();
    cpSync(MINHE, join(f.dir, 'a.txt'));
    cpSync(JINGYUAN, join(f.dir, 'b.txt'));
    const first = await run(f);
    expect(first.parsed).toBe(2);
    expect(byName(first.reports, '民和')?.source).toBe('a.txt');
    expect(byName(first.reports, '泾源')?.source).toBe('b.txt');

    // Swap the two files' names, and rename one: the content is the same, the names are not.
    renameSync(join(f.dir, 'a.txt'), join(f.dir, 'tmp'));
    renameSync(join(f.dir, 'b.txt'), join(f.dir, 'a.txt'));
    renameSync(join(f.dir, 'tmp'), join(f.dir, 'c.txt'));
    const second = await run(f);
    const minhe = byName(second.reports, '民和');
    const jingyuan = byName(second.reports, '泾源');
    expect(minhe?.source).toBe('c.txt');
    expect(jingyuan?.source).toBe('a.txt');
    // The file each report names holds that report's text, and the manifest agrees.
    expect(readFileSync(join(f.dir, minhe!.source))).toEqual(readFileSync(MINHE));
    expect(readFileSync(join(f.dir, jingyuan!.source))).toEqual(readFileSync(JINGYUAN));
    expect(entry(second.manifest, 'c.txt')?.reportId).toBe(`${minhe!.region.code}-2021`);
    expect(entry(second.manifest, 'a.txt')?.reportId).toBe(`${jingyuan!.region.code}-2021`);
    // The JSON on disk, which the site reads, says the same.
    const onDisk = JSON.parse(readFileSync(join(f.out, 'reports', `${minhe!.region.code}-2021.json`), 'utf8')) as Report;
    expect(onDisk.source).toBe('c.txt');

    // Nothing changed: everything comes from the cache.
    const third = await run(f);
    expect([third.parsed, third.cached]).toEqual([0, 2]);
  });

  it('is keyed on the sidecar and the parser version too', async () => {
    const f = folder();
    cpSync(MINHE, join(f.dir, 'a.txt'));
    writeFileSync(join(f.dir, 'a.meta.json'), JSON.stringify({ published: '2022-01-20' }));
    expect((await run(f)).parsed).toBe(1);
    writeFileSync(join(f.dir, 'a.meta.json'), JSON.stringify({ published: '2022-02-01' }));
    const changed = await run(f);
    expect(changed.parsed).toBe(1);
    expect(changed.reports[0].sourceInfo?.published).toBe('2022-02-01');
    expect((await run(f, { parserVersion: 'other' })).parsed).toBe(1);
  });
});

describe('the manifest', { timeout: 60_000 }, () => {
  it('lists every entry of the folder, each with its fate and, unless read, the reason', async () => {
    const f = folder();
    cpSync(MINHE, join(f.dir, 'a.txt'));
    writeFileSync(join(f.dir, 'a.meta.json'), JSON.stringify({ url: 'https://www.minhe.gov.cn/2021.pdf', published: '2022-01-20' }));
    writeFileSync(join(f.dir, '.DS_Store'), 'x');
    cpSync(JINGYUAN, join(f.dir, '.hidden.txt'));
    writeFileSync(join(f.dir, 'README.md'), '# reports\n');
    mkdirSync(join(f.dir, 'sub'));
    cpSync(JINGYUAN, join(f.dir, 'sub', 'inside.txt'));
    symlinkSync(join(f.dir, 'a.txt'), join(f.dir, 'link.txt'));
    symlinkSync(join(f.dir, 'nowhere.txt'), join(f.dir, 'broken.txt'));
    mkdirSync(join(f.dir, 'x.txt'));
    writeFileSync(join(f.dir, 'orphan.meta.json'), JSON.stringify({ published: '2022-01-01' }));
    writeFileSync(join(f.dir, 'doc.pdf'), '%PDF-1.4\n');
    writeFileSync(join(f.dir, 'doc.meta.json'), JSON.stringify({ published: '2022-01-01' }));
    writeFileSync(join(f.dir, 'notes.xlsx'), 'PK');
    const expected: Record<string, { status: string; reason?: RegExp }> = {
      'a.txt': { status: 'parsed' },
      'a.meta.json': { status: 'sidecar', reason: /sidecar of a\.txt/ },
      '.DS_Store': { status: 'ignored', reason: /hidden/ },
      '.hidden.txt': { status: 'ignored', reason: /hidden/ },
      'README.md': { status: 'ignored', reason: /README/ },
      sub: { status: 'ignored', reason: /folder/ },
      'link.txt': { status: 'rejected', reason: /symbolic link \(to a\.txt\)/ },
      'broken.txt': { status: 'rejected', reason: /symbolic link to nothing/ },
      'x.txt': { status: 'rejected', reason: /folder named like a report/ },
      'orphan.meta.json': { status: 'rejected', reason: /no report beside it/ },
      // Read by its bytes: a PDF header and nothing after it is a damaged PDF; two bytes of text are no report.
      'doc.pdf': { status: 'rejected', reason: /PDF is damaged/ },
      'doc.meta.json': { status: 'ignored', reason: /sidecar of doc\.pdf, which was not read/ },
      'notes.xlsx': { status: 'rejected', reason: /no Chinese text/ },
    };
    // What is in the folder, read here without the ingest's listing.
    expect(readdirSync(f.dir).sort()).toEqual(Object.keys(expected).sort());
    const { manifest } = await run(f);
    expect(manifest.files.map((e) => e.file).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, want] of Object.entries(expected)) {
      const e = entry(manifest, file)!;
      expect(e.status, file).toBe(want.status);
      if (want.reason) {
        expect(e.reason, file).toMatch(want.reason);
        expect(e.reasonZh?.length, file).toBeGreaterThan(4);
      }
    }
    expect(manifest.summary).toMatchObject({ files: 13, reports: 1, rejected: 6, ignored: 5, superseded: 0 });
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://example.gov.cn/a.pdf'])(
    'rejects the sidecar whose url is %s, and the report keeps no link',
    async (url) => {
      const f = folder();
      cpSync(MINHE, join(f.dir, 'a.txt'));
      writeFileSync(join(f.dir, 'a.meta.json'), JSON.stringify({ url, published: '2022-01-20' }));
      const { manifest, reports } = await run(f);
      expect(entry(manifest, 'a.meta.json')).toMatchObject({
        status: 'rejected',
        reason: expect.stringMatching(/url is not an http: or https: address/),
        reasonZh: expect.stringMatching(/原文网址（url）只能是 http: 或 https: 网址/),
      });
      expect(reports).toHaveLength(1);
      expect(reports[0].sourceInfo).toBeUndefined();
      expect(reports[0].findings.map((x) => x.code)).toContain('sidecar-invalid');
      expect(JSON.stringify(reports[0])).not.toContain(url.slice(0, 10));
    },
  );

  it('keeps an http(s) sidecar url as the report’s link', async () => {
    const f = folder();
    cpSync(MINHE, join(f.dir, 'a.txt'));
    writeFileSync(join(f.dir, 'a.meta.json'), JSON.stringify({ url: 'HTTPS://www.minhe.gov.cn/a.pdf' }));
    const { reports, manifest } = await run(f);
    expect(reports[0].sourceInfo?.url).toBe('HTTPS://www.minhe.gov.cn/a.pdf');
    expect(entry(manifest, 'a.meta.json')?.status).toBe('sidecar');
  });
});

describe('two files for the same county and year', { timeout: 60_000 }, () => {
  /** 民和 2021 twice, the second with one more line of prose (so not identical). */
  function twoVersions(sidecars: { a?: object; b?: object }) {
    const f = folder();
    cpSync(MINHE, join(f.dir, 'a.txt'));
    writeFileSync(join(f.dir, 'b.txt'), readFileSync(MINHE, 'utf8') + '\n本报告如有疑问，请与县政府办公室联系。\n');
    if (sidecars.a) writeFileSync(join(f.dir, 'a.meta.json'), JSON.stringify(sidecars.a));
    if (sidecars.b) writeFileSync(join(f.dir, 'b.meta.json'), JSON.stringify(sidecars.b));
    return f;
  }

  it.each([
    { name: 'the later publication date', sidecars: { a: { published: '2022-03-01' }, b: { published: '2022-01-20' } }, shown: 'a.txt', basis: 'later-published' },
    { name: 'the later publication date (other order)', sidecars: { a: { published: '2022-01-20' }, b: { published: '2022-03-01' } }, shown: 'b.txt', basis: 'later-published' },
    { name: 'a title marked 更正', sidecars: { a: { published: '2022-03-01' }, b: { title: '民和县2021年政府信息公开工作年度报告（更正）' } }, shown: 'b.txt', basis: 'correction' },
    { name: 'nothing: undecided, the first by name', sidecars: {}, shown: 'a.txt', basis: 'undecided' },
  ])('decided by $name; the other is listed as superseded, not rejected', async ({ sidecars, shown, basis }) => {
    const f = twoVersions(sidecars);
    const other = shown === 'a.txt' ? 'b.txt' : 'a.txt';
    const { manifest, reports } = await run(f);
    expect(reports).toHaveLength(1);
    expect(reports[0].source).toBe(shown);
    expect(reports[0].versions?.basis).toBe(basis);
    expect(reports[0].versions?.others.map((o) => o.source)).toEqual([other]);
    expect(reports[0].versions?.others[0].sha256).toBe(entry(manifest, other)?.sha256);
    expect(entry(manifest, shown)?.status).toMatch(/^(parsed|findings)$/);
    expect(entry(manifest, other)).toMatchObject({ status: 'superseded', reportId: `${reports[0].region.code}-2021` });
    expect(entry(manifest, other)?.reason).toContain(shown);
    expect(manifest.summary).toMatchObject({ reports: 1, superseded: 1, rejected: 0 });
  });

  it('treats byte-identical copies as one report', async () => {
    const f = folder();
    cpSync(MINHE, join(f.dir, 'a.txt'));
    cpSync(MINHE, join(f.dir, 'copy.txt'));
    const { reports, manifest } = await run(f);
    expect(reports[0].versions?.basis).toBe('identical');
    expect(entry(manifest, 'copy.txt')?.status).toBe('superseded');
  });
});

describe('the time limit of one file’s parse', { timeout: 60_000 }, () => {
  it('rejects a file whose parse runs past it, with that reason, and reads the others', async () => {
    const f = folder();
    cpSync(MINHE, join(f.dir, 'a.txt'));
    cpSync(JINGYUAN, join(f.dir, 'z.txt'));
    for (const name of ['hang.txt', 'sleep.txt', 'boom.txt']) writeFileSync(join(f.dir, name), '民和县2021年政府信息公开工作年度报告\n');
    const { manifest, reports } = await run(f, {
      timeLimitMs: 1500,
      parserModule: new URL('./fixtures/slow-parser.ts', import.meta.url).href,
    });
    expect(entry(manifest, 'hang.txt')).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/longer than 1\.5 s/) });
    expect(entry(manifest, 'sleep.txt')).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/longer than 1\.5 s/) });
    expect(entry(manifest, 'boom.txt')).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/parser failed.*boom/) });
    expect(reports.map((r) => r.source).sort()).toEqual(['a.txt', 'z.txt']);
  }, 30_000);

  it('is configurable: PARSE_TIME_LIMIT in seconds', async () => {
    const { timeLimitFromEnv, DEFAULT_TIME_LIMIT_MS } = await import('../../src/lib/ingest/pool.ts');
    expect(timeLimitFromEnv({ PARSE_TIME_LIMIT: '3' })).toBe(3000);
    expect(timeLimitFromEnv({})).toBe(DEFAULT_TIME_LIMIT_MS);
    expect(DEFAULT_TIME_LIMIT_MS).toBe(20_000);
  });
});

describe('generated', { timeout: 60_000 }, () => {
  it('is SOURCE_DATE_EPOCH when set, else the newest input’s time, so that two ingests write the same manifest', async () => {
    const f = folder();
    cpSync(MINHE, join(f.dir, 'a.txt'));
    cpSync(JINGYUAN, join(f.dir, 'b.txt'));
    utimesSync(join(f.dir, 'a.txt'), new Date('2022-01-02T03:04:05Z'), new Date('2022-01-02T03:04:05Z'));
    utimesSync(join(f.dir, 'b.txt'), new Date('2023-05-06T07:08:09Z'), new Date('2023-05-06T07:08:09Z'));
    expect(inputsDate(f.dir, {}).toISOString()).toBe('2023-05-06T07:08:09.000Z');
    expect(inputsDate(f.dir, { SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    await run(f);
    const first = readFileSync(join(f.out, 'manifest.json'));
    expect(JSON.parse(first.toString()).generated).toBe(inputsDate(f.dir).toISOString());
    await new Promise((r) => setTimeout(r, 1100));
    await run(f);
    expect(readFileSync(join(f.out, 'manifest.json'))).toEqual(first);
  });
});
