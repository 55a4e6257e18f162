// The download files, written straight into the build output after Astro has built the pages:
// per report its JSON, its CSV row and its source text; for everything the bulk JSON (gzip) and
// CSV, the field dictionary and the manifest. Files, not pages: as Astro routes these were three
// extra renders per report (43,000 at national scale); here each is one write, and the bulk files
// are streamed so that no more than one report is in memory at a time. The bulk JSON is gzipped:
// uncompressed it would be ~130 MB of GitHub Pages' 1 GB at national scale.
import { closeSync, createWriteStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { dirname, join } from 'node:path';
import { BOM, FIELDS, csvLine, fieldsToCsv, manifestToCsv, reportToJson } from './export.ts';
import { readManifest } from './manifest.ts';
import { paths } from './paths.ts';
import type { Report } from '../schema.ts';
import { INGEST_DIR } from './reportFiles.ts';

/**
 * Up to this many reports the bulk JSON is also published uncompressed (a few MB; opens in a
 * browser). At national scale (~14,000 reports, ~300 MB uncompressed) only the gzip fits.
 */
export const PLAIN_JSON_LIMIT = 2000;
export const offersPlainJson = (reports: number) => reports <= PLAIN_JSON_LIMIT;

export interface DownloadOptions {
  outDir: string; // the build output (dist/)
  ingestDir?: string;
  reportsDir?: string; // where the source texts are
}

export interface DownloadCounts {
  reports: number;
  sources: number;
}

function write(file: string, content: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/**
 * File writes kept in flight together: the build output is tens of thousands of small files, and
 * one at a time the build mostly waits on the file system.
 */
function writer(limit = 32) {
  const pending = new Set<Promise<void>>();
  return {
    async add(job: () => Promise<void>): Promise<void> {
      if (pending.size >= limit) await Promise.race(pending);
      const p = job().finally(() => pending.delete(p));
      pending.add(p);
    },
    done: () => Promise.all(pending),
  };
}

/** Append-only text file, written in pieces. */
function stream(file: string) {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  return { write: (s: string) => writeSync(fd, s), close: async () => closeSync(fd) };
}

/** The same, gzip-compressed; `close` resolves once the file is complete. */
function gzipStream(file: string) {
  mkdirSync(dirname(file), { recursive: true });
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  return {
    /** Resolves when the compressor can take more (it runs beside the main thread). */
    write: async (s: string) => {
      if (!gzip.write(s)) await once(gzip, 'drain');
    },
    close: async () => {
      gzip.end();
      await once(out, 'close');
    },
  };
}

export async function writeDownloads(options: DownloadOptions): Promise<DownloadCounts> {
  const ingestDir = options.ingestDir ?? INGEST_DIR;
  const reportsDir = options.reportsDir ?? process.env.REPORTS_DIR ?? 'content/reports';
  const out = options.outDir;
  const manifest = readManifest(join(ingestDir, 'manifest.json'));
  const files = readdirSync(join(ingestDir, 'reports'))
    .filter((f) => f.endsWith('.json'))
    .sort();

  const json = gzipStream(join(out, 'data/reports.json.gz'));
  const plain = offersPlainJson(files.length) ? stream(join(out, 'data/reports.json')) : undefined;
  const csv = stream(join(out, 'data/reports.csv'));
  const opening = `{"generated":${JSON.stringify(manifest.generated)},"count":${files.length},"reports":[`;
  await json.write(opening);
  plain?.write(opening);
  const header = csvLine(FIELDS.map((f) => f.key)) + '\r\n';
  csv.write(BOM + header);
  let sources = 0;
  const jobs = writer();
  for (const [i, file] of files.entries()) {
    // Validated against the Report schema by the content loader in this build (or, unchanged by
    // digest, in an earlier one): parsed here, not validated a second time.
    const report = JSON.parse(readFileSync(join(ingestDir, 'reports', file), 'utf8')) as Report;
    const row = csvLine(FIELDS.map((f) => f.get(report))) + '\r\n';
    const at = (name: 'report.json' | 'report.csv' | 'source.txt') => join(out, paths.reportFile(report.region, report.year, name));
    const source = join(reportsDir, report.source);
    const hasSource = existsSync(source);
    if (hasSource) sources++;
    const jsonText = reportToJson(report);
    const csvText = BOM + header + row;
    await jobs.add(async () => {
      await mkdir(dirname(at('report.json')), { recursive: true });
      await Promise.all([
        writeFile(at('report.json'), jsonText),
        writeFile(at('report.csv'), csvText),
        hasSource ? copyFile(source, at('source.txt')) : Promise.resolve(),
      ]);
    });
    const piece = `${i > 0 ? ',\n' : ''}${jsonText.trimEnd()}`;
    await json.write(piece);
    plain?.write(piece);
    csv.write(row);
  }
  await jobs.done();
  await json.write(']}\n');
  plain?.write(']}\n');
  await json.close();
  await plain?.close();
  await csv.close();

  write(join(out, 'data/fields.csv'), fieldsToCsv());
  write(join(out, 'data/manifest.csv'), manifestToCsv(manifest));
  write(join(out, 'data/manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return { reports: files.length, sources };
}
