// The collector: takes addresses (reports, article pages, listing pages), fetches them politely,
// keeps each report's file with its provenance in content/reports/, and records every address's
// fate in the collection log, written after each one so that a run interrupted anywhere resumes.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CollectedUrl, SourceInfo, type CollectedVersion, type CollectionLog } from '../schema.ts';
import { attachmentLinks, holdsReport, isErrorPage, paginationLinks, publishedOn, readPage, reportLinks } from './discover.ts';
import { clearTmp, writeAtomic } from './files.ts';
import { PoliteClient, type ClientOptions, type FetchOutcome } from './http.ts';
import { heldFiles, isSettled, readLog, recordFate } from './log.ts';
import { reportFileName, sidecarName } from './naming.ts';
import { checkContent, type FileKind } from './sniff.ts';

/** One address to visit. */
export interface CollectJob {
  url: string;
  role: 'file' | 'listing';
  region?: string;
  year?: number;
  title?: string;
  foundOn?: string;
  /** The publication date printed beside the link or on the article page (ISO date). */
  published?: string;
  /** How many listing pages were followed to get here (pagination stops at maxPages). */
  page?: number;
}

export interface CollectOptions {
  reportsDir: string;
  logPath: string;
  /** Where files are written before being renamed into place; on the same file system. */
  tmpDir: string;
  client?: Partial<ClientOptions>;
  /** Fetch addresses already answered again, to find changed or vanished files. */
  recheck?: boolean;
  /** Hosts fetched at the same time (each host still one request at a time). */
  hosts?: number;
  /** Listing pages followed per listing, the first included. */
  maxPages?: number;
  /** One line per address's fate. */
  onFate?: (entry: CollectedUrl, line: string) => void;
}

export interface CollectSummary {
  counts: Partial<Record<CollectedUrl['status'] | 'skipped', number>>;
  requests: number;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function collect(jobs: CollectJob[], options: CollectOptions): Promise<CollectSummary> {
  let log: CollectionLog = readLog(options.logPath);
  clearTmp(options.tmpDir);
  const client = new PoliteClient(options.client);
  const entries = new Map(log.urls.map((u) => [u.url, u]));
  const held = heldFiles(log);
  const fileExists = (file: string) => existsSync(join(options.reportsDir, file));
  const counts: CollectSummary['counts'] = {};
  const maxPages = options.maxPages ?? 50;
  const maxHosts = options.hosts ?? 4;

  const record = (job: CollectJob, fate: Omit<CollectedUrl, 'url' | 'role' | 'region' | 'year' | 'title' | 'foundOn' | 'checked' | 'versions'> & { versions?: CollectedVersion[] }) => {
    const earlier = entries.get(job.url);
    const now = new Date().toISOString();
    // Parsed: checked against the schema, and its keys in the schema's order for a readable log.
    const entry: CollectedUrl = CollectedUrl.parse({
      url: job.url,
      role: job.role,
      ...(job.region ?? earlier?.region ? { region: job.region ?? earlier?.region } : {}),
      ...((job.year ?? earlier?.year) !== undefined ? { year: job.year ?? earlier?.year } : {}),
      ...(job.title ?? earlier?.title ? { title: job.title ?? earlier?.title } : {}),
      ...(job.foundOn ?? earlier?.foundOn ? { foundOn: job.foundOn ?? earlier?.foundOn } : {}),
      ...fate,
      checked: now,
      // Files once held stay listed whatever the address answers now.
      versions: fate.versions ?? earlier?.versions ?? [],
    });
    entries.set(job.url, entry);
    log = recordFate(log, entry, now);
    writeAtomic(options.logPath, JSON.stringify(log, null, 1) + '\n', options.tmpDir);
    counts[entry.status] = (counts[entry.status] ?? 0) + 1;
    const where = [entry.region ?? '', entry.year ?? ''].filter(Boolean).join(' ');
    const detail = entry.status === 'saved' || entry.status === 'changed' ? ` → ${entry.versions.at(-1)!.file}` : entry.reason ? `: ${entry.reason}` : entry.sameAs ? ` = ${entry.sameAs}` : '';
    options.onFate?.(entry, `${entry.status.padEnd(10)} ${where ? `${where} ` : ''}${entry.url}${detail}`);
  };

  // Per-host queues, up to maxHosts hosts at a time; an address is visited once per run.
  const queues = new Map<string, CollectJob[]>();
  const active = new Set<string>();
  const visited = new Set<string>();
  let finish!: () => void;
  let fail!: (e: unknown) => void;
  const done = new Promise<void>((res, rej) => ((finish = res), (fail = rej)));

  const enqueue = (job: CollectJob) => {
    if (visited.has(job.url)) return;
    visited.add(job.url);
    const host = new URL(job.url).host;
    const queue = queues.get(host);
    if (queue) queue.push(job);
    else queues.set(host, [job]);
  };
  const pump = () => {
    for (const [host, queue] of queues) {
      if (active.size >= maxHosts) break;
      if (active.has(host) || queue.length === 0) continue;
      active.add(host);
      void (async () => {
        try {
          while (queue.length > 0) await visit(queue.shift()!);
        } catch (e) {
          fail(e);
        }
        active.delete(host);
        pump();
      })();
    }
    if (active.size === 0 && [...queues.values()].every((q) => q.length === 0)) finish();
  };

  /** The headers that let the server answer 304 when the file held is still what it serves. */
  const conditional = (entry: CollectedUrl | undefined): Record<string, string> => {
    const last = entry?.versions.at(-1);
    if (!last || !fileExists(last.file)) return {};
    return { ...(last.etag ? { 'if-none-match': last.etag } : {}), ...(last.lastModified ? { 'if-modified-since': last.lastModified } : {}) };
  };

  const visit = async (job: CollectJob) => {
    const earlier = entries.get(job.url);
    if (!options.recheck && isSettled(earlier, fileExists)) {
      counts.skipped = (counts.skipped ?? 0) + 1;
      // An article page answered earlier: its attachments may not be.
      if (earlier!.status === 'page') for (const url of earlier!.links ?? []) enqueue({ ...job, url, foundOn: job.url, title: job.title });
      return;
    }
    const outcome = await client.get(job.url, conditional(earlier));
    const base = { attempts: outcome.attempts };
    switch (outcome.kind) {
      case 'disallowed':
        return record(job, { ...base, status: 'disallowed', reason: outcome.reason });
      case 'network':
        return record(job, { ...base, status: 'failed', reason: outcome.reason });
      case 'too-large':
        return record(job, { ...base, status: 'refused', httpStatus: outcome.status, reason: outcome.reason });
      case 'http-error':
        return record(job, { ...base, status: outcome.status === 404 || outcome.status === 410 ? 'not-found' : 'failed', httpStatus: outcome.status, reason: outcome.reason });
      case 'not-modified':
        return record(job, { ...base, status: 'unchanged', httpStatus: 304 });
      case 'ok':
        return received(job, outcome);
    }
  };

  const received = (job: CollectJob, outcome: Extract<FetchOutcome, { kind: 'ok' }>) => {
    const base = { attempts: outcome.attempts, httpStatus: outcome.status };
    const verdict = checkContent(outcome.bytes, job.url, outcome.finalUrl, outcome.contentType);
    if (!verdict.ok) return record(job, { ...base, status: 'refused', reason: verdict.reason });
    if (verdict.kind !== 'html') return keep(job, outcome, verdict.kind);
    const page = readPage(new TextDecoder(htmlCharset(outcome.contentType, outcome.bytes)).decode(outcome.bytes), outcome.finalUrl);
    if (isErrorPage(page)) return record(job, { ...base, status: 'refused', reason: `an error page (title 「${page.title}」)` });

    if (job.role === 'listing') {
      const { reports, departments } = reportLinks(page);
      const pages = (job.page ?? 1) < maxPages ? paginationLinks(page).filter((u) => !visited.has(u)) : [];
      for (const r of reports) enqueue({ url: r.url, role: 'file', region: job.region, year: r.year ?? job.year, title: r.text, foundOn: job.url, ...(r.date ? { published: r.date } : {}) });
      for (const url of pages) enqueue({ url, role: 'listing', region: job.region, foundOn: job.url, page: (job.page ?? 1) + 1 });
      const said = [`${reports.length} report link(s), ${pages.length} further page(s)`];
      if (departments.length > 0) said.push(`${departments.length} department or township report(s) not collected`);
      return record(job, { ...base, status: 'page', reason: said.join('; '), links: [...reports.map((r) => r.url), ...pages] });
    }
    // An article page: the report's file(s) it links are collected (the original beats the web copy);
    // with none, the page is the report if it holds one.
    const attachments = attachmentLinks(page).filter((l) => l.url !== job.url && !visited.has(l.url));
    if (attachments.length > 0) {
      const published = job.published ?? publishedOn(page);
      for (const a of attachments) enqueue({ url: a.url, role: 'file', region: job.region, year: job.year, title: job.title ?? (a.text || page.title), foundOn: job.url, ...(published ? { published } : {}) });
      return record(job, { ...base, status: 'page', reason: `${attachments.length} attached file(s)`, links: attachments.map((a) => a.url) });
    }
    if (holdsReport(page)) {
      const published = job.published ?? publishedOn(page);
      return keep({ ...job, ...(published ? { published } : {}) }, outcome, 'html');
    }
    return record(job, { ...base, status: 'refused', reason: 'an HTML page that neither holds a report nor links a PDF or Word file' });
  };

  /** Keeps the bytes as a report unless the same bytes are held already. */
  const keep = (job: CollectJob, outcome: Extract<FetchOutcome, { kind: 'ok' }>, kind: Exclude<FileKind, 'unknown'>) => {
    const earlier = entries.get(job.url);
    const versions = earlier?.versions ?? [];
    const digest = sha256(outcome.bytes);
    const base = { attempts: outcome.attempts, httpStatus: outcome.status };
    const own = versions.find((v) => v.sha256 === digest);
    if (own && fileExists(own.file)) return record(job, { ...base, status: 'unchanged' });
    const other = held.get(digest);
    if (!own && other && fileExists(other)) return record(job, { ...base, status: 'duplicate', sameAs: other });

    const retrieved = new Date().toISOString();
    const region = job.region ?? earlier?.region;
    const year = job.year ?? earlier?.year;
    const file = reportFileName({ region, year, sha256: digest, kind });
    const info = SourceInfo.parse({
      url: job.url,
      ...(job.published ? { published: job.published } : {}),
      finalUrl: outcome.finalUrl,
      retrieved,
      ...(outcome.contentType ? { contentType: outcome.contentType } : {}),
      sha256: digest,
      size: outcome.bytes.length,
      ...(region ? { region } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(job.title ?? earlier?.title ? { title: job.title ?? earlier?.title } : {}),
      ...(job.foundOn ?? earlier?.foundOn ? { foundOn: job.foundOn ?? earlier?.foundOn } : {}),
    });
    // Sidecar first: a report file is never without its provenance, even if the run stops here.
    writeAtomic(join(options.reportsDir, sidecarName(file)), JSON.stringify(info, null, 2) + '\n', options.tmpDir);
    writeAtomic(join(options.reportsDir, file), outcome.bytes, options.tmpDir);
    held.set(digest, file);
    const version: CollectedVersion = {
      file,
      sha256: digest,
      size: outcome.bytes.length,
      ...(outcome.contentType ? { contentType: outcome.contentType } : {}),
      finalUrl: outcome.finalUrl,
      retrieved,
      ...(outcome.etag ? { etag: outcome.etag } : {}),
      ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
    };
    // A version whose file was lost is replaced by the same bytes fetched again, not listed twice.
    const kept = versions.filter((v) => v.sha256 !== digest);
    return record(job, { ...base, status: kept.length > 0 ? 'changed' : 'saved', versions: [...kept, version] });
  };

  for (const job of jobs) enqueue(job);
  pump();
  await done;
  clearTmp(options.tmpDir);
  return { counts, requests: client.requests };
}

/** The charset of an HTML page: the header's, else a <meta charset> in its first bytes, else UTF-8. */
function htmlCharset(contentType: string | undefined, bytes: Uint8Array): string {
  const declared = contentType?.match(/charset=["']?([\w-]+)/i)?.[1] ?? Buffer.from(bytes.subarray(0, 2048)).toString('latin1').match(/<meta[^>]+charset=["']?([\w-]+)/i)?.[1];
  if (!declared) return 'utf-8';
  try {
    return new TextDecoder(declared).encoding;
  } catch {
    return 'utf-8';
  }
}

