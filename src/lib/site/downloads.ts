// The download files, written straight into the build output after Astro has built the pages:
// per report its JSON, its CSV row and its source text; for everything the bulk JSON (gzip) and
// CSV, the field dictionary and the manifest. Files, not pages: as Astro routes these were three
// extra renders per report (43,000 at national scale); here each is one write, and the bulk files
// are streamed so that no more than one report is in memory at a time. The bulk JSON is gzipped:
// uncompressed it would be ~130 MB of GitHub Pages' 1 GB at national scale.
import { closeSync, copyFileSync, createWriteStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { dirname, join } from 'node:path';
import { BOM, FIELDS, csvLine, fieldsToCsv, manifestToCsv, reportToJson } from './export.ts';
import { readManifest } from './manifest.ts';
import { paths } from './paths.ts';
import { INGEST_DIR, parseReportFile } from './reportFiles.ts';

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

/** Append-only text file, written in pieces. */
function stream(file: string) {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  return { write: (s: string) => writeSync(fd, s), close: async () => closeSync(fd) };
}

/** The same, gzip-compressed; `close` resolves once the file is complete. */
function gzipStream(file: string) {
  mkdirSync(dirname(file), { recursive: true });
  const gzip = createGzip({ level: 9 });
  const out = createWriteStream(file);
  gzip.pipe(out);
  return {
    write: (s: string) => void gzip.write(s),
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
  const csv = stream(join(out, 'data/reports.csv'));
  json.write(`{"generated":${JSON.stringify(manifest.generated)},"count":${files.length},"reports":[`);
  csv.write(BOM + csvLine(FIELDS.map((f) => f.key)) + '\r\n');
  let sources = 0;
  files.forEach((file, i) => {
    const path = join(ingestDir, 'reports', file);
    const report = parseReportFile(path, readFileSync(path, 'utf8'));
    const row = csvLine(FIELDS.map((f) => f.get(report))) + '\r\n';
    const at = (name: 'report.json' | 'report.csv' | 'source.txt') => join(out, paths.reportFile(report.region, report.year, name));
    write(at('report.json'), reportToJson(report));
    write(at('report.csv'), BOM + csvLine(FIELDS.map((f) => f.key)) + '\r\n' + row);
    const source = join(reportsDir, report.source);
    if (existsSync(source)) {
      copyFileSync(source, at('source.txt'));
      sources++;
    }
    json.write(`${i > 0 ? ',\n' : ''}${JSON.stringify(report)}`);
    csv.write(row);
  });
  json.write(']}\n');
  await json.close();
  await csv.close();

  write(join(out, 'data/fields.csv'), fieldsToCsv());
  write(join(out, 'data/manifest.csv'), manifestToCsv(manifest));
  write(join(out, 'data/manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return { reports: files.length, sources };
}
