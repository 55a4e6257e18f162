// Every entry of the reports folder and what the ingest does with it: read it as a report, read it
// as a report's sidecar, ignore it (and say why) or reject it (and say why). Nothing in the folder
// goes unlisted: a file the ingest passes over silently is a report a reader never learns is missing.
import { existsSync, lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Rejection } from '../parse/rejections.ts';
import { fate } from './fates.ts';

/** Names a report file usually has; a file is read by its bytes whatever its name, these only tell a folder named like a report. */
export const TEXT_EXTENSIONS = new Set(['.txt', '.text', '']);
export const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.docx', '.doc', '.html', '.htm']);

export const SIDECAR_SUFFIX = '.meta.json';
/** `NAME.txt` → `NAME.meta.json`: where a report file's sidecar is. */
export const sidecarName = (file: string) => file.replace(/\.[^./]+$/, '') + SIDECAR_SUFFIX;

export type ListedEntry =
  /** A regular file to read as a report (its type may still be unsupported: `readable` false). */
  | { name: string; kind: 'report'; readable: boolean; sidecar?: string }
  /** `NAME.meta.json` beside a report file of that NAME. */
  | { name: string; kind: 'sidecar'; reports: string[] }
  | { name: string; kind: 'ignored' | 'rejected'; why: Rejection };

/** Every entry of `dir`, sorted by name, each with its fate. */
export function listReportsDir(dir: string): ListedEntry[] {
  const names = readdirSync(dir).sort();
  const entries: ListedEntry[] = [];
  const reportFiles: string[] = [];
  const sidecars: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (name.startsWith('.')) entries.push({ name, kind: 'ignored', why: fate.hidden() });
    else if (stat.isSymbolicLink()) {
      // The target's name only: a path of the machine that built the site is nobody's business.
      const target = basename(readlinkSync(path));
      entries.push({ name, kind: 'rejected', why: existsSync(path) ? fate.symlink(target) : fate.brokenSymlink(target) });
    } else if (stat.isDirectory()) {
      const likeReport = TEXT_EXTENSIONS.has(extname(name).toLowerCase()) && extname(name) !== '';
      const likeInput = likeReport || DOCUMENT_EXTENSIONS.has(extname(name).toLowerCase()) || name.endsWith(SIDECAR_SUFFIX);
      entries.push(likeInput ? { name, kind: 'rejected', why: fate.folderNamedLikeReport() } : { name, kind: 'ignored', why: fate.subfolder() });
    } else if (!stat.isFile()) entries.push({ name, kind: 'rejected', why: fate.special() });
    else if (/^readme(\.(md|markdown))?$/i.test(name)) entries.push({ name, kind: 'ignored', why: fate.readme() });
    else if (name.endsWith(SIDECAR_SUFFIX)) sidecars.push(name);
    else reportFiles.push(name);
  }
  const bySidecar = new Map<string, string[]>();
  for (const name of reportFiles) {
    const sidecar = sidecarName(name);
    const has = sidecars.includes(sidecar);
    if (has) bySidecar.set(sidecar, [...(bySidecar.get(sidecar) ?? []), name]);
    entries.push({ name, kind: 'report', readable: true, ...(has ? { sidecar } : {}) });
  }
  for (const name of sidecars) {
    const reports = bySidecar.get(name);
    entries.push(reports ? { name, kind: 'sidecar', reports } : { name, kind: 'rejected', why: fate.orphanSidecar(name.slice(0, -SIDECAR_SUFFIX.length) + '.txt') });
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The newest modification time (ms) of the folder's entries, symbolic links as links: when the inputs last changed. */
export function newestInput(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) newest = Math.max(newest, lstatSync(join(dir, name)).mtimeMs);
  return newest;
}
