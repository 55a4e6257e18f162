// The download files, written straight into the build output beside the pages (a worker thread, see
// integrations.ts):
// per report its JSON, its CSV (the tables as printed, reportCsv.ts) and its source (source.pdf,
// source.docx or source.txt: publishedSource); for
// everything the bulk JSON (gzip) and CSV, the field dictionary and the manifest. Files, not pages:
// as Astro routes these were three extra renders per report (43,000 at national scale).
//
// Rebuilds: the build output is not emptied between builds (astro.config.mjs), so a report's files
// from the last build are still there. A state file in Astro's cache dir records, per report, the
// digest of its ingest file and the size of each file written for it; a report whose ingest file,
// download code and site address are unchanged, and whose files are still there at that size, is
// neither parsed nor written again. (That nothing else wrote into the output since the last build
// is checked for the whole output at the start of the build: integrations.ts, trustedStamp.)
// The bulk files change with any report and are always written.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOM, FIELDS, csvLine, fieldsToCsv, manifestToCsv, reportToJson, zhHeader } from './export.ts';
import { DATA_LICENCE_TEXT } from '../view/licence.ts';
import { isShownReport, readManifest } from '../data/manifest.ts';
import { SOURCE_FILE_NAME, otherVersionFile, paths, sourceExtOf, sourceFile, type SourceExt } from '../view/paths.ts';
import type { Report } from '../../schema.ts';
import { reportToCsv } from './reportCsv.ts';
import { INGEST_DIR } from '../data/reportFiles.ts';
import { decodeText } from '../../read/text.ts';
import { intact, removeEmptyDirs, removeFile, statKey } from './outputFiles.ts';
import { decodeHtml, readHtml } from '../../read/html.ts';
import { sniff } from '../../read/sniff.ts';

/**
 * A source file as published, under its own type (paths.ts, sourceFile): PDF and Word files as they
 * are (source.pdf, source.docx: a browser's PDF viewer opens `source.pdf#page=N` at the page); a
 * text (any encoding the parser reads) as UTF-8 with a BOM, so that every browser opens it as UTF-8
 * (served as text/plain without a charset, a GBK or BOM-less file shows as mojibake in some); a web
 * page as the text the parser read from it, not as HTML: served from our origin its scripts would
 * run on the site (the report page links the original address instead).
 */
export function publishedSource(bytes: Uint8Array): { ext: SourceExt; bytes: Uint8Array } {
  const kind = sniff(bytes);
  if (kind === 'pdf' || kind === 'docx') return { ext: kind, bytes };
  let text: string;
  if (kind === 'html') {
    const read = readHtml(bytes);
    // A page the reader refuses made no report; should one be asked for, its markup as plain text (never run).
    text = read.ok ? `${read.source.text}\n` : decodeHtml(bytes);
  } else text = decodeText(bytes).text;
  return { ext: sourceExtOf(kind), bytes: Buffer.from(BOM + text.replace(/^\uFEFF/, ''), 'utf8') };
}

/**
 * Up to this many reports the bulk JSON is also published uncompressed (a few MB; opens in a
 * browser). At national scale (~14,000 reports, ~300 MB uncompressed) only the gzip fits.
 */
export const PLAIN_JSON_LIMIT = 2000;
export const offersPlainJson = (reports: number) => reports <= PLAIN_JSON_LIMIT;

export interface DownloadOptions {
  outDir: string; // the build output (dist/): the bulk files go to data/ there
  /** Where each report's own files go (counties/…/): the build output, or the downloads site's (DOWNLOADS_SITE). */
  reportOutDir?: string;
  ingestDir?: string;
  reportsDir?: string; // where the source texts are
  /** The site's address with its base (https://example.github.io/repo/): each report CSV names its page. */
  siteUrl?: string;
  /** Where to keep the record of what was written (Astro's cache dir); without it, every file is written. */
  statePath?: string;
  /** Write with blocking calls (in a worker thread); otherwise many writes in flight at once. */
  syncWrites?: boolean;
}

export interface DownloadCounts {
  reports: number;
  sources: number;
  /** Reports whose files were (re)written; the others were unchanged since the last build. */
  written: number;
  /** Every report file written or kept, relative to reportOutDir (what a clean-up must not remove). */
  files: string[];
  /** The bulk files, relative to outDir. */
  bulk: string[];
  /** Report files of reports no longer built, removed. */
  removed: number;
  /** Bytes of all the report files (JSON, CSV, source texts). */
  reportBytes: number;
}

interface ReportState {
  input: string; // digest of the ingest file
  stat?: string; // its size and mtime when that digest was taken: the same, and it is not read again
  dir: string; // where its files go, relative to the output: counties/630222-minhe/2021/
  source: string; // its source file name (in reportsDir)
  json: number; // size of report.json as written
  csv: number; // size of report.csv
  sourceCopy?: { sha: string; size: number; name: string }; // source.pdf/.docx/.txt: the source's sha256 (manifest), size, file name
  others?: (PublishedOther | null)[]; // source-other-k.*: each other version's published source (report.versions), null where there is none
  row: string; // its row of the bulk CSV
}

/** Another version's source as published: its input file, its name and size in the report's folder. */
interface PublishedOther {
  source: string;
  name: string;
  size: number;
}

interface State {
  version: string;
  reportOut: string; // where the report files were written
  reports: Record<string, ReportState>;
  /** The bulk JSON's compressed pieces, one per province (see bulkPieces): their key and file in the cache. */
  pieces?: Record<string, string>;
}

const sha1 = (s: string | Buffer) => createHash('sha1').update(s).digest('hex');

/**
 * The code that shapes the downloads: every module of src/lib/site and the schema. Any change to
 * them (a CSV column, a label, a format) invalidates the files of every report.
 */
export function codeVersion(): string {
  const hash = createHash('sha1');
  try {
    const siteDir = fileURLToPath(new URL('..', import.meta.url));
    const modules = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const files = [...modules.map((f) => join(siteDir, f)), join(siteDir, '../schema.ts'), join(siteDir, '../region.ts')];
    // By path within src/lib and content: a copy of the sources elsewhere (the bench's) has the same version.
    for (const f of files.sort()) hash.update(relative(siteDir, f)).update(readFileSync(f));
  } catch {
    // Sources not readable (bundled elsewhere): never reuse anything.
    hash.update(String(Math.random()));
  }
  return hash.digest('hex');
}

/** The last build's record, or an empty one. Its files are reused only under the same version. */
function readState(path: string | undefined): State | undefined {
  if (!path || !existsSync(path)) return undefined;
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as State;
    return s.reports && typeof s.reportOut === 'string' ? s : undefined;
  } catch {
    return undefined; // unreadable: start afresh
  }
}

/**
 * The bulk JSON (data/reports.json.gz) as gzip members, one per province, concatenated (RFC 1952
 * allows several members in one file; gunzip, zlib and Python read them as one stream). A member
 * whose reports are all unchanged is taken from the cache as it was compressed, so that a rebuild
 * with one report changed compresses one province's reports, not the whole country's 240 MB.
 */
function bulkPieces(cacheDir: string | undefined, previous: Record<string, string> | undefined) {
  const now: Record<string, string> = {};
  const file = (group: string) => (cacheDir ? join(cacheDir, `${group}.gz`) : undefined);
  return {
    now,
    /** The group's compressed bytes: cached under the same key, else `text()` compressed (and cached). */
    get(group: string, key: string, text: () => string): Buffer {
      const path = file(group);
      if (path && previous?.[group] === key && existsSync(path)) {
        now[group] = key;
        return readFileSync(path);
      }
      const gz = gzipSync(text());
      if (path) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, gz);
        now[group] = key;
      }
      return gz;
    },
  };
}

/** A report's download files, relative to the output. */
function filesOf(dir: string, source: string | undefined, others: readonly (PublishedOther | null)[] = []): string[] {
  const otherFiles = others.flatMap((o) => (o === null ? [] : [`${dir}${o.name}`]));
  return [`${dir}report.json`, `${dir}report.csv`, ...(source ? [`${dir}${source}`] : []), ...otherFiles];
}

/** The published sources an earlier build left in a report's folder (of any type: a source may change type). */
function oldSources(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => SOURCE_FILE_NAME.test(n));
  } catch {
    return [];
  }
}

/** A source file to publish: its name in the report's folder and its bytes as published. */
interface SourceCopy {
  name: string;
  bytes: Uint8Array;
}
/** The input file at `path` as published under the name `name(ext)`; undefined where it is not there. */
function sourceCopyOf(path: string, name: (ext: SourceExt) => string): SourceCopy | undefined {
  if (!existsSync(path)) return undefined;
  const published = publishedSource(readFileSync(path));
  return { name: name(published.ext), bytes: published.bytes };
}

interface ReportFiles {
  dir: string; // absolute
  json: string;
  csv: string;
  source?: SourceCopy; // absent when there is none
  sha: string; // its sha256 from the manifest
  others: ({ source: string } & SourceCopy | null)[]; // the other versions' sources (source-other-1.pdf …), null where there is none
}
type Written = Pick<ReportState, 'json' | 'csv' | 'sourceCopy' | 'others'>;

/** A report's files. A source copy keeps the source's mode (often read-only): replaced, not written into. */
async function writeReportFiles(f: ReportFiles): Promise<Written> {
  const at = (name: string) => join(f.dir, name);
  await mkdir(f.dir, { recursive: true });
  await Promise.all([writeFile(at('report.json'), f.json), writeFile(at('report.csv'), f.csv), ...oldSources(f.dir).map((n) => rm(at(n), { force: true }))]);
  await Promise.all([f.source, ...f.others].map((c) => (c ? writeFile(at(c.name), c.bytes) : undefined)));
  return sizesOf(f);
}

/** The same with blocking calls: in a worker thread, which has no other work, they keep the
 *  process's shared I/O thread pool free for the page writes of the main thread. */
function writeReportFilesSync(f: ReportFiles): Written {
  const at = (name: string) => join(f.dir, name);
  mkdirSync(f.dir, { recursive: true });
  writeFileSync(at('report.json'), f.json);
  writeFileSync(at('report.csv'), f.csv);
  for (const n of oldSources(f.dir)) removeFile(at(n));
  for (const c of [f.source, ...f.others]) if (c) writeFileSync(at(c.name), c.bytes);
  return sizesOf(f);
}

const sizesOf = (f: ReportFiles): Written => ({
  json: Buffer.byteLength(f.json),
  csv: Buffer.byteLength(f.csv),
  sourceCopy: f.source ? { sha: f.sha, size: f.source.bytes.byteLength, name: f.source.name } : undefined,
  others: f.others.map((o) => (o ? { source: o.source, name: o.name, size: o.bytes.byteLength } : null)),
});

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

export async function writeDownloads(options: DownloadOptions): Promise<DownloadCounts> {
  const ingestDir = options.ingestDir ?? INGEST_DIR;
  const reportsDir = options.reportsDir ?? process.env.REPORTS_DIR ?? 'content/reports';
  const out = options.outDir;
  const reportOut = options.reportOutDir ?? out;
  const manifest = readManifest(join(ingestDir, 'manifest.json'));
  const sourceSha = new Map(manifest.files.filter((f) => f.reportId && isShownReport(f)).map((f) => [f.reportId!, f.sha256]));
  const files = readdirSync(join(ingestDir, 'reports'))
    .filter((f) => f.endsWith('.json'))
    .sort();
  const version = sha1(`${codeVersion()}\n${options.siteUrl ?? ''}`);
  const last = readState(options.statePath);
  // Reusable: same code and site address, same place. Otherwise every report is written again.
  const previous: State = last && last.version === version && last.reportOut === reportOut ? last : { version, reportOut, reports: {} };
  const state: State = { version, reportOut, reports: {} };
  const kept: string[] = [];
  // Each input file published as a report's source: its path in the output (for the manifest).
  const publishedAs = new Map<string, string>();

  const bulk = ['data/reports.json.gz', 'data/reports.csv', 'data/reports-zh.csv', 'data/fields.csv', 'data/manifest.csv', 'data/manifest.json', 'data/LICENSE.txt'];
  if (offersPlainJson(files.length)) bulk.push('data/reports.json');
  // The bulk JSON: its opening, one gzip member per province (cached while its reports are
  // unchanged), its closing.
  mkdirSync(join(out, 'data'), { recursive: true });
  const jsonFd = openSync(join(out, 'data/reports.json.gz'), 'w');
  const pieceCache = bulkPieces(options.statePath ? join(dirname(options.statePath), 'site-downloads-bulk') : undefined, previous.pieces);
  const plain = offersPlainJson(files.length) ? stream(join(out, 'data/reports.json')) : undefined;
  const csv = stream(join(out, 'data/reports.csv'));
  // The same rows under the field dictionary's Chinese labels, for spreadsheet users.
  const csvZh = stream(join(out, 'data/reports-zh.csv'));
  const opening = `{"generated":${JSON.stringify(manifest.generated)},"count":${files.length},"reports":[`;
  writeSync(jsonFd, gzipSync(opening));
  plain?.write(opening);
  const header = csvLine(FIELDS.map((f) => f.key)) + '\r\n';
  csv.write(BOM + header);
  csvZh.write(BOM + csvLine(FIELDS.map(zhHeader)) + '\r\n');
  let sources = 0;
  let written = 0;
  const jobs = writer();
  // The reports of the province being collected: id, input digest, and their JSON when asked for.
  let group: { name: string; first: boolean; members: { id: string; input: string; json: () => string }[] } | undefined;
  const flushGroup = () => {
    if (!group) return;
    const g = group;
    const key = sha1(`${g.first}\n${g.members.map((m) => `${m.id}:${m.input}`).join('\n')}`);
    const text = () => (g.first ? '' : ',\n') + g.members.map((m) => m.json().trimEnd()).join(',\n');
    writeSync(jsonFd, pieceCache.get(g.name, key, text));
    group = undefined;
  };
  for (const [i, file] of files.entries()) {
    const id = file.slice(0, -'.json'.length);
    const ingestFile = join(ingestDir, 'reports', file);
    const before = previous.reports[id];
    // The ingest rewrites a report's file only when it changed: the same size and time, the same digest.
    const stat = statKey(ingestFile);
    let text: string | undefined;
    const readText = () => (text ??= readFileSync(ingestFile, 'utf8'));
    const input = before?.stat !== undefined && before.stat === stat ? before.input : sha1(readText());
    const sha = sourceSha.get(id) ?? '';
    let jsonText: () => string;
    let row: string;
    const sourceNow = before ? existsSync(join(reportsDir, before.source)) : false;
    const unchanged =
      before?.input === input &&
      intact(join(reportOut, before.dir, 'report.json'), before.json) &&
      intact(join(reportOut, before.dir, 'report.csv'), before.csv) &&
      (sourceNow ? before.sourceCopy?.sha === sha && intact(join(reportOut, before.dir, before.sourceCopy.name), before.sourceCopy.size) : !before.sourceCopy) &&
      (before.others ?? []).every((o) => o === null || intact(join(reportOut, before.dir, o.name), o.size));
    if (before && unchanged) {
      // The same report, its files as written: its JSON for the bulk file is the one on disk.
      jsonText = () => readFileSync(join(reportOut, before.dir, 'report.json'), 'utf8');
      row = before.row;
      state.reports[id] = { ...before, stat };
      if (sourceNow) sources++;
      kept.push(...filesOf(before.dir, before.sourceCopy?.name, before.others));
      if (before.sourceCopy) publishedAs.set(before.source, `${before.dir}${before.sourceCopy.name}`);
      for (const o of before.others ?? []) if (o) publishedAs.set(o.source, `${before.dir}${o.name}`);
    } else {
      written++;
      // Validated against the Report schema by the content loader in this build (or, unchanged by
      // digest, in an earlier one): parsed here, not validated a second time.
      const report = JSON.parse(readText()) as Report;
      const dir = paths.report(report.region, report.year);
      // The source as published: its type told by its bytes, as the ingest told report.format.
      const source = sourceCopyOf(join(reportsDir, report.source), (ext) => sourceFile(ext));
      if (source) sources++;
      const reportJson = reportToJson(report);
      jsonText = () => reportJson;
      row = csvLine(FIELDS.map((f) => f.get(report))) + '\r\n';
      const csvText = reportToCsv(report, { pageUrl: options.siteUrl ? new URL(dir, options.siteUrl).href : undefined });
      const entry: ReportState = { input, stat, dir, source: report.source, json: -1, csv: -1, row };
      state.reports[id] = entry;
      // Other versions of the report (two files for one county and year): their texts beside its own.
      const others = (report.versions?.others ?? []).map((o, k) => {
        const copy = sourceCopyOf(join(reportsDir, o.source), (ext) => otherVersionFile(k + 1, ext));
        return copy ? { source: o.source, ...copy } : null;
      });
      const toWrite: ReportFiles = { dir: join(reportOut, dir), json: reportJson, csv: csvText, source, sha, others };
      if (options.syncWrites) Object.assign(entry, writeReportFilesSync(toWrite));
      else await jobs.add(async () => void Object.assign(entry, await writeReportFiles(toWrite)));
      const published = sizesOf(toWrite);
      kept.push(...filesOf(dir, source?.name, published.others));
      if (source) publishedAs.set(report.source, `${dir}${source.name}`);
      for (const o of published.others ?? []) if (o) publishedAs.set(o.source, `${dir}${o.name}`);
    }
    // Provinces by the first two digits of the county code (ids are `<code>-<year>`, in order).
    const province = id.slice(0, 2);
    if (group?.name !== province) {
      flushGroup();
      group = { name: province, first: i === 0, members: [] };
    }
    group.members.push({ id, input, json: jsonText });
    plain?.write(`${i > 0 ? ',\n' : ''}${jsonText().trimEnd()}`);
    csv.write(row);
    csvZh.write(row);
  }
  flushGroup();
  await jobs.done();
  writeSync(jsonFd, gzipSync(']}\n'));
  closeSync(jsonFd);
  plain?.write(']}\n');
  await plain?.close();
  await csv.close();
  await csvZh.close();
  state.pieces = pieceCache.now;

  mkdirSync(join(out, 'data'), { recursive: true });
  writeFileSync(join(out, 'data/fields.csv'), fieldsToCsv());
  writeFileSync(join(out, 'data/LICENSE.txt'), BOM + DATA_LICENCE_TEXT);
  writeFileSync(join(out, 'data/manifest.csv'), manifestToCsv(manifest, publishedAs));
  const published = { ...manifest, files: manifest.files.map((f) => (publishedAs.has(f.file) ? { ...f, published: publishedAs.get(f.file) } : f)) };
  writeFileSync(join(out, 'data/manifest.json'), `${JSON.stringify(published, null, 1)}\n`);
  if (options.statePath) {
    mkdirSync(dirname(options.statePath), { recursive: true });
    writeFileSync(options.statePath, JSON.stringify(state));
  }
  // The files of reports that are gone (their pages go with Astro's output; these may be elsewhere).
  let removed = 0;
  for (const [id, gone] of Object.entries(last?.reportOut === reportOut ? last.reports : {})) {
    if (state.reports[id]) continue;
    for (const name of ['report.json', 'report.csv', ...oldSources(join(reportOut, gone.dir))]) removed += removeFile(join(reportOut, gone.dir, name)) ? 1 : 0;
    removeEmptyDirs(join(reportOut, gone.dir), reportOut);
  }
  let reportBytes = 0;
  for (const r of Object.values(state.reports)) reportBytes += r.json + r.csv + (r.sourceCopy?.size ?? 0) + (r.others ?? []).reduce<number>((a, b) => a + (b?.size ?? 0), 0);
  return { reports: files.length, sources, written, files: kept, bulk, removed, reportBytes };
}
