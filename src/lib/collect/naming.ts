// Names of collected files in content/reports/: the county code and year where known, and the
// start of the content's SHA-256, so that a name never changes between runs, the same bytes always
// get the same name, and a changed file at the same address gets a new name beside the old one.
import { EXTENSION, type FileKind } from './sniff.ts';

/** Hex digits of the digest kept in the name: 48 bits, no collision among millions of files. */
const DIGEST_CHARS = 12;

export function reportFileName(parts: { region?: string; year?: number; sha256: string; kind: Exclude<FileKind, 'unknown'> }): string {
  return `${parts.region ?? 'unknown'}-${parts.year ?? 'unknown'}-${parts.sha256.slice(0, DIGEST_CHARS)}${EXTENSION[parts.kind]}`;
}

/** The sidecar beside a collected file (the ingest's convention, src/lib/ingest/read.ts). */
export const sidecarName = (file: string) => file.replace(/\.[^./]+$/, '') + '.meta.json';
