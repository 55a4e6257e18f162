// The ingest: every file of a reports folder parsed (or taken from the cache by content hash),
// validated against the schema, and accounted for in a manifest. One broken file never stops the rest.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { IngestManifest, Report, type ManifestEntry } from '../schema.ts';
import type { ParseResult } from '../parse/index.ts';
import { rejection, type Rejection } from '../parse/rejections.ts';
import { parseBytes, readSidecar } from './read.ts';

export const reportId = (r: Pick<Report, 'region' | 'year'>) => `${r.region.code}-${r.year}`;

/** Files of the folder that are reports to read; sidecars and dot-files are not. */
export function reportFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.endsWith('.meta.json') && e.name !== 'README.md')
    .map((e) => e.name)
    .sort();
}

export interface IngestOptions {
  reportsDir: string;
  outDir: string;
  /** Parse cache by content hash; shared between runs. */
  cacheDir?: string;
  /** Changes whenever the parser does, so that its cached results are not reused. */
  parserVersion: string;
}

export interface IngestResult {
  manifest: IngestManifest;
  reports: Report[];
  parsed: number;
  cached: number;
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

const cachePath = (options: IngestOptions, hash: string) => (options.cacheDir ? join(options.cacheDir, `${hash}-${options.parserVersion}.json`) : null);

function readCache(path: string | null): ParseResult | null {
  if (!path || !existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ParseResult;
  } catch {
    return null; // a damaged cache entry is parsed again
  }
}

/** Below this many files to parse, workers cost more than they save. */
const WORKER_THRESHOLD = 200;

/** Parses files on every core; results come back by file name. */
async function parseInWorkers(dir: string, files: string[]): Promise<Map<string, ParseResult>> {
  const results = new Map<string, ParseResult>();
  const threads = Math.min(availableParallelism(), Math.ceil(files.length / WORKER_THRESHOLD));
  if (threads <= 1) {
    for (const file of files) results.set(file, await parseBytes(readFileSync(join(dir, file)), file, readSidecar(join(dir, file)).info));
    return results;
  }
  const shares = Array.from({ length: threads }, (_, t) => files.filter((_, i) => i % threads === t));
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { dir, files: share } });
          worker.on('message', (m: { file?: string; result?: ParseResult; done?: boolean }) => {
            if (m.done) void worker.terminate().then(() => resolve());
            else results.set(m.file!, m.result!);
          });
          worker.on('error', reject);
        }),
    ),
  );
  return results;
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const { reportsDir, outDir } = options;
  const reportsOut = join(outDir, 'reports');
  mkdirSync(reportsOut, { recursive: true });
  if (options.cacheDir) mkdirSync(options.cacheDir, { recursive: true });

  // Hash every file; what the cache has is not parsed again.
  const files = reportFiles(reportsDir).map((file) => ({ file, hash: sha256(readFileSync(join(reportsDir, file))) }));
  const results = new Map<string, ParseResult>();
  const toParse: string[] = [];
  for (const { file, hash } of files) {
    const hit = readCache(cachePath(options, hash));
    if (hit) results.set(file, hit);
    else toParse.push(file);
  }
  const cached = results.size;
  const fresh = await parseInWorkers(reportsDir, toParse);
  for (const { file, hash } of files) {
    const result = fresh.get(file);
    if (!result) continue;
    results.set(file, result);
    const path = cachePath(options, hash);
    if (path) writeFileSync(path, JSON.stringify(result));
  }

  const entries: ManifestEntry[] = [];
  const reports = new Map<string, Report>();
  for (const { file, hash } of files) {
    const reject = (r: Rejection) => entries.push({ file, sha256: hash, status: 'rejected', reason: r.error, reasonZh: r.zh, findings: 0 });
    const result = results.get(file);
    if (!result) {
      reject(rejection.unsupportedType(extname(file) || '(none)'));
      continue;
    }
    if (!result.ok) {
      reject(result);
      continue;
    }
    const sidecar = readSidecar(join(reportsDir, file));
    const candidate = { ...result.report, ...(sidecar.info ? { sourceInfo: sidecar.info } : {}) };
    if (sidecar.error) candidate.findings = [...candidate.findings, { severity: 'warning', code: 'sidecar-invalid', message: sidecar.error }];
    const valid = Report.safeParse(candidate);
    if (!valid.success) {
      reject(rejection.schema(valid.error.issues.slice(0, 3).map((i) => `${i.path.join('.')} ${i.message}`).join('; ')));
      continue;
    }
    const id = reportId(valid.data);
    const earlier = reports.get(id);
    if (earlier) {
      reject(rejection.duplicate(valid.data.region.name, valid.data.year, id, earlier.source));
      continue;
    }
    reports.set(id, valid.data);
    const findings = valid.data.findings.filter((f) => f.severity !== 'info').length;
    entries.push({ file, sha256: hash, status: findings > 0 ? 'findings' : 'parsed', reportId: id, findings });
  }

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
    generated: new Date().toISOString(),
    files: entries,
    summary: {
      files: entries.length,
      reports: reports.size,
      findings: entries.reduce((n, e) => n + e.findings, 0),
      rejected: entries.filter((e) => e.status === 'rejected').length,
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
