// The ingest: every file of a reports folder parsed (or taken from the cache by content hash),
// validated against the schema, and accounted for in a manifest. One broken file never stops the rest.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { IngestManifest, Report, type ManifestEntry } from '../schema.ts';
import type { ParseResult } from '../parse/index.ts';
import { parseBytes, readSidecar } from './read.ts';

export const reportId = (r: Pick<Report, 'region' | 'year'>) => `${r.region.code}-${r.year}`;

/** Files of the folder that are reports to read; sidecars and dot-files are not. */
export function reportFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.endsWith('.meta.json') && e.name !== 'README.md')
    .map((e) => e.name)
    .sort();
}

const TEXT_TYPES = new Set(['.txt', '.text', '']);

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

function parseCached(bytes: Buffer, file: string, hash: string, options: IngestOptions): { result: ParseResult; cached: boolean } {
  const path = options.cacheDir ? join(options.cacheDir, `${hash}-${options.parserVersion}.json`) : null;
  if (path && existsSync(path)) {
    try {
      return { result: JSON.parse(readFileSync(path, 'utf8')) as ParseResult, cached: true };
    } catch {
      // A damaged cache entry is parsed again.
    }
  }
  const result = parseBytes(bytes, file);
  if (path) writeFileSync(path, JSON.stringify(result));
  return { result, cached: false };
}

export function ingest(options: IngestOptions): IngestResult {
  const { reportsDir, outDir } = options;
  const reportsOut = join(outDir, 'reports');
  mkdirSync(reportsOut, { recursive: true });
  if (options.cacheDir) mkdirSync(options.cacheDir, { recursive: true });

  const entries: ManifestEntry[] = [];
  const reports = new Map<string, Report>();
  let parsed = 0;
  let cached = 0;
  for (const file of reportFiles(reportsDir)) {
    const bytes = readFileSync(join(reportsDir, file));
    const hash = sha256(bytes);
    const reject = (reason: string) => entries.push({ file, sha256: hash, status: 'rejected', reason, findings: 0 });
    if (!TEXT_TYPES.has(extname(file).toLowerCase())) {
      reject(`unsupported file type ${extname(file)}: convert the report to text (.txt) first`);
      continue;
    }
    const { result, cached: hit } = parseCached(bytes, file, hash, options);
    if (hit) cached++;
    else parsed++;
    if (!result.ok) {
      reject(result.error);
      continue;
    }
    const sidecar = readSidecar(join(reportsDir, file));
    const candidate = { ...result.report, ...(sidecar.info ? { sourceInfo: sidecar.info } : {}) };
    if (sidecar.error) candidate.findings = [...candidate.findings, { severity: 'warning', code: 'sidecar-invalid', message: sidecar.error }];
    const valid = Report.safeParse(candidate);
    if (!valid.success) {
      reject(`the parsed report does not fit the schema: ${valid.error.issues.slice(0, 3).map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      continue;
    }
    const id = reportId(valid.data);
    const earlier = reports.get(id);
    if (earlier) {
      reject(`a second report for ${valid.data.region.name} ${valid.data.year} (${id}); ${earlier.source} was kept`);
      continue;
    }
    reports.set(id, valid.data);
    const findings = valid.data.findings.filter((f) => f.severity !== 'info').length;
    entries.push({ file, sha256: hash, status: findings > 0 ? 'findings' : 'parsed', reportId: id, findings });
  }

  // Write only what changed, and remove what is gone, so that unchanged pages keep their inputs.
  const keep = new Set<string>();
  for (const [id, report] of reports) {
    const path = join(reportsOut, `${id}.json`);
    const json = JSON.stringify(report, null, 1);
    keep.add(`${id}.json`);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== json) writeFileSync(path, json);
  }
  for (const name of readdirSync(reportsOut)) if (!keep.has(name)) rmSync(join(reportsOut, name));

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
  return { manifest, reports: [...reports.values()], parsed, cached };
}

/** A hash of the parser's own source files: cached parses are valid only for the same parser. */
export function parserVersion(sourceDirs: string[]): string {
  const h = createHash('sha256');
  for (const dir of sourceDirs) {
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.ts')) h.update(name).update(readFileSync(join(dir, name)));
  }
  return h.digest('hex').slice(0, 12);
}
