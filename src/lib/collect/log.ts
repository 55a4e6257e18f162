// The collection log: read, updated one address at a time (pure), written whole.
import { existsSync, readFileSync } from 'node:fs';
import { CollectionLog, type CollectedUrl } from '../schema.ts';

export const emptyLog = (): CollectionLog => ({ updated: new Date(0).toISOString(), urls: [] });

/** The log at path; none yet is an empty log. A damaged log stops the run: it must not be overwritten. */
export function readLog(path: string): CollectionLog {
  if (!existsSync(path)) return emptyLog();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message}); fix or remove it before collecting`);
  }
  const parsed = CollectionLog.safeParse(json);
  if (!parsed.success) throw new Error(`${path}: not a collection log (${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')})`);
  return parsed.data;
}

/** The log with this address's entry put in (replacing its earlier one), addresses in order. */
export function recordFate(log: CollectionLog, entry: CollectedUrl, now: string): CollectionLog {
  const urls = log.urls.filter((u) => u.url !== entry.url);
  urls.push(entry);
  urls.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { updated: now, urls };
}

/** Fates that a run does not try again unless asked to recheck: the address answered for good. */
const SETTLED = new Set<CollectedUrl['status']>(['saved', 'unchanged', 'changed', 'duplicate', 'page', 'not-found', 'refused', 'disallowed']);

/**
 * Whether a run can skip this address (resuming, or collecting a list again): it was answered for
 * good, and every file it holds is still there. Listing pages are always read again (a new year's
 * report appears on them); `failed` is always tried again.
 */
export function isSettled(entry: CollectedUrl | undefined, fileExists: (file: string) => boolean): boolean {
  if (!entry || entry.role === 'listing' || !SETTLED.has(entry.status)) return false;
  return entry.versions.every((v) => fileExists(v.file)) && (entry.sameAs === undefined || fileExists(entry.sameAs));
}

/** The file holding each digest, from every address's versions. */
export function heldFiles(log: CollectionLog): Map<string, string> {
  const held = new Map<string, string>();
  for (const u of log.urls) for (const v of u.versions) if (!held.has(v.sha256)) held.set(v.sha256, v.file);
  return held;
}

/**
 * Files replaced by a later version from the same address (a corrected report), and held as current by
 * no other address: kept for the record, but the ingest should read the latest (both are one county
 * and year, and it rejects the second as a duplicate).
 */
export function supersededFiles(log: CollectionLog): Set<string> {
  const current = new Set(log.urls.flatMap((u) => (u.versions.length > 0 ? [u.versions.at(-1)!.file] : [])));
  return new Set(log.urls.flatMap((u) => u.versions.slice(0, -1).map((v) => v.file)).filter((f) => !current.has(f)));
}
