// The ingest: every entry of a reports folder accounted for in a manifest (listing.ts), every report
// file parsed under a time limit on every core (pool.ts) or taken from the parse cache, validated
// against the schema, versions of the same report told apart (versions.ts). One broken or
// pathological file never stops the rest.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { IngestManifest, Report, type ManifestEntry } from '../schema.ts';
import type { ParseResult } from '../parse/index.ts';
import { rejection, type Rejection } from '../parse/rejections.ts';
import { fate } from './fates.ts';
import { listReportsDir, newestInput, type ListedEntry } from './listing.ts';
import { parseUnderTimeLimit, timeLimitFromEnv } from './pool.ts';
import { sidecarFromBytes, type Sidecar } from './read.ts';
import { chooseVersion, withVersions, type Candidate } from './versions.ts';

export const reportId = (r: Pick<Report, 'region' | 'year'>) => `${r.region.code}-${r.year}`;

/** Names of the folder's files that are read as reports (text types), in order. */
export function reportFiles(dir: string): string[] {
  return listReportsDir(dir).flatMap((e) => (e.kind === 'report' && e.readable ? [e.name] : []));
}

export interface IngestOptions {
  reportsDir: string;
  outDir: string;
  /** Parse cache; shared between runs. */
  cacheDir?: string;
  /** Changes whenever the parser does, so that its cached results are not reused. */
  parserVersion: string;
  /** Longest one file's parse may take (default: PARSE_TIME_LIMIT seconds, else 20 s). */
  timeLimitMs?: number;
  /** URL of the module whose `parseFile` reads a file (tests; default ./read.ts). */
  parserModule?: string;
  /** When the inputs are from (`generated`); default SOURCE_DATE_EPOCH, else the newest input's mtime. */
  generated?: Date;
}

export interface IngestResult {
  manifest: IngestManifest;
  reports: Report[];
  parsed: number;
  cached: number;
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/**
 * The cache key: everything a file's result depends on — its content, its name (the report's
 * `source`), its sidecar's content and the parser. Content alone would hand a renamed file's
 * result, naming the old file, to whatever file now holds that content.
 */
export function cacheKey(parts: { parserVersion: string; file: string; sha256: string; sidecar: Buffer | null }): string {
  return sha256(JSON.stringify([parts.parserVersion, parts.file, parts.sha256, parts.sidecar ? sha256(parts.sidecar) : null]));
}

function readCache(path: string | null): ParseResult | null {
  if (!path || !existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ParseResult;
  } catch {
    return null; // a damaged cache entry is parsed again
  }
}

/** `generated`: SOURCE_DATE_EPOCH (seconds) when set, else the newest input's modification time. */
export function inputsDate(reportsDir: string, env = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch) * 1000);
  return new Date(Math.floor(newestInput(reportsDir) / 1000) * 1000);
}

interface ReportInput {
  entry: Extract<ListedEntry, { kind: 'report' }>;
  sha256: string;
  sidecar: Sidecar | null;
  key: string;
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const { reportsDir, outDir } = options;
  const reportsOut = join(outDir, 'reports');
  mkdirSync(reportsOut, { recursive: true });
  if (options.cacheDir) mkdirSync(options.cacheDir, { recursive: true });
  const cachePath = (key: string) => (options.cacheDir ? join(options.cacheDir, `${key}.json`) : null);

  const listing = listReportsDir(reportsDir);
  const sidecarBytes = new Map<string, Buffer>();
  for (const e of listing) if (e.kind === 'sidecar') sidecarBytes.set(e.name, readFileSync(join(reportsDir, e.name)));
  const inputs: ReportInput[] = listing.flatMap((entry) => {
    if (entry.kind !== 'report') return [];
    const bytes = readFileSync(join(reportsDir, entry.name));
    const sideBytes = entry.sidecar ? sidecarBytes.get(entry.sidecar)! : null;
    const hash = sha256(bytes);
    return [{ entry, sha256: hash, sidecar: entry.sidecar && sideBytes ? sidecarFromBytes(entry.sidecar, sideBytes) : null, key: cacheKey({ parserVersion: options.parserVersion, file: entry.name, sha256: hash, sidecar: sideBytes }) }];
  });

  // What the cache has is not parsed again.
  const results = new Map<string, ParseResult>();
  const toParse: string[] = [];
  for (const { entry, key } of inputs) {
    if (!entry.readable) continue;
    const hit = readCache(cachePath(key));
    if (hit) results.set(entry.name, hit);
    else toParse.push(entry.name);
  }
  const cached = results.size;
  const fresh = await parseUnderTimeLimit({ dir: reportsDir, files: toParse, timeLimitMs: options.timeLimitMs ?? timeLimitFromEnv(), parserModule: options.parserModule });
  for (const { entry, key } of inputs) {
    const result = fresh.get(entry.name);
    if (!result) continue;
    results.set(entry.name, result);
    const path = cachePath(key);
    if (path) writeFileSync(path, JSON.stringify(result));
  }

  // Each report file: rejected, or a valid report for its county and year.
  const fates = new Map<string, ManifestEntry>();
  const reject = (file: string, hash: string, r: Rejection) => fates.set(file, { file, sha256: hash, status: 'rejected', reason: r.error, reasonZh: r.zh, findings: 0 });
  const byId = new Map<string, Candidate[]>();
  for (const { entry, sha256: hash, sidecar } of inputs) {
    const file = entry.name;
    const result = results.get(file);
    if (!entry.readable || !result) {
      reject(file, hash, rejection.unsupportedType(extname(file) || '(none)'));
      continue;
    }
    if (!result.ok) {
      reject(file, hash, result);
      continue;
    }
    const candidate = { ...result.report, ...(sidecar?.info ? { sourceInfo: sidecar.info } : {}) };
    if (sidecar?.error) candidate.findings = [...candidate.findings, { severity: 'warning', code: 'sidecar-invalid', message: sidecar.error }];
    const valid = Report.safeParse(candidate);
    if (!valid.success) {
      reject(file, hash, rejection.schema(valid.error.issues.slice(0, 3).map((i) => `${i.path.join('.')} ${i.message}`).join('; ')));
      continue;
    }
    const id = reportId(valid.data);
    byId.set(id, [...(byId.get(id) ?? []), { file, sha256: hash, report: valid.data }]);
  }

  const reports = new Map<string, Report>();
  const findingsOf = (r: Report) => r.findings.filter((f) => f.severity !== 'info').length;
  for (const [id, candidates] of byId) {
    if (candidates.length === 1) {
      const [{ file, sha256: hash, report }] = candidates;
      reports.set(id, report);
      fates.set(file, { file, sha256: hash, status: findingsOf(report) > 0 ? 'findings' : 'parsed', reportId: id, findings: findingsOf(report) });
      continue;
    }
    const choice = chooseVersion(candidates);
    const shown = withVersions(choice);
    reports.set(id, shown);
    fates.set(choice.shown.file, { file: choice.shown.file, sha256: choice.shown.sha256, status: findingsOf(shown) > 0 ? 'findings' : 'parsed', reportId: id, findings: findingsOf(shown) });
    for (const o of choice.others) {
      const why = fate.superseded(choice.shown.file, choice.why.en, choice.why.zh);
      fates.set(o.file, { file: o.file, sha256: o.sha256, status: 'superseded', reason: why.error, reasonZh: why.zh, reportId: id, findings: findingsOf(o.report) });
    }
  }

  // Every entry of the folder, in name order, with its fate.
  const entries: ManifestEntry[] = listing.map((e): ManifestEntry => {
    switch (e.kind) {
      case 'report':
        return fates.get(e.name)!;
      case 'ignored':
      case 'rejected':
        return { file: e.name, sha256: '', status: e.kind, reason: e.why.error, reasonZh: e.why.zh, findings: 0 };
      case 'sidecar': {
        const hash = sha256(sidecarBytes.get(e.name)!);
        const parsed = inputs.find((i) => i.entry.sidecar === e.name)!.sidecar!;
        if (parsed.error) {
          const why = fate.sidecarInvalid(parsed.error, parsed.errorZh ?? parsed.error);
          return { file: e.name, sha256: hash, status: 'rejected', reason: why.error, reasonZh: why.zh, findings: 0 };
        }
        const read = e.reports.map((r) => fates.get(r)!).find((f) => f.reportId);
        const why = read ? fate.sidecarRead(read.file) : fate.sidecarOfRejected(e.reports.join(', '));
        return { file: e.name, sha256: hash, status: read ? 'sidecar' : 'ignored', reason: why.error, reasonZh: why.zh, ...(read ? { reportId: read.reportId } : {}), findings: 0 };
      }
    }
  });

  // Write only what changed, and remove what is gone, so that unchanged pages keep their inputs.
  // What was written last time is known by hash, without reading the files back.
  const writtenPath = join(outDir, 'written.json');
  const written: Record<string, string> = existsSync(writtenPath) ? JSON.parse(readFileSync(writtenPath, 'utf8')) : {};
  const nowWritten: Record<string, string> = {};
  for (const [id, report] of reports) {
    const name = `${id}.json`;
    const json = JSON.stringify(report, null, 1);
    const digest = sha256(json);
    nowWritten[name] = digest;
    if (written[name] !== digest || !existsSync(join(reportsOut, name))) writeFileSync(join(reportsOut, name), json);
  }
  for (const name of readdirSync(reportsOut)) if (!(name in nowWritten)) rmSync(join(reportsOut, name));
  writeFileSync(writtenPath, JSON.stringify(nowWritten));

  const manifest: IngestManifest = {
    generated: (options.generated ?? inputsDate(reportsDir)).toISOString(),
    files: entries,
    summary: {
      files: entries.length,
      reports: reports.size,
      findings: entries.reduce((n, e) => n + (e.status === 'parsed' || e.status === 'findings' ? e.findings : 0), 0),
      rejected: entries.filter((e) => e.status === 'rejected').length,
      superseded: entries.filter((e) => e.status === 'superseded').length,
      ignored: entries.filter((e) => e.status === 'ignored').length,
    },
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return { manifest, reports: [...reports.values()], parsed: toParse.length, cached };
}

/**
 * A hash of the parser's own source files (folders or single files): cached parses are valid only
 * for the same parser. The site's code is not among them, so editing a page keeps the cache.
 */
export function parserVersion(sources: string[]): string {
  const h = createHash('sha256');
  for (const source of sources) {
    const files = source.endsWith('.ts') ? [source] : readdirSync(source).sort().filter((n) => n.endsWith('.ts')).map((n) => join(source, n));
    for (const file of files) h.update(file.slice(file.lastIndexOf('/'))).update(readFileSync(file));
  }
  return h.digest('hex').slice(0, 12);
}
