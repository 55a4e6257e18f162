// The ingest manifest (.cache/ingest/manifest.json): every input file and what became of it.
import { readFileSync } from 'node:fs';
import { IngestManifest, type ManifestEntry } from '../schema.ts';

export type Manifest = IngestManifest;

export const MANIFEST_PATH = `${process.env.INGEST_DIR ?? '.cache/ingest'}/manifest.json`;

export const STATUS_LABELS: Record<ManifestEntry['status'], string> = {
  parsed: '已解析',
  findings: '已解析，有提示',
  rejected: '未能解析',
};

/** Read and validate the manifest; a missing or malformed one is a build error naming the file. */
export function readManifest(path = MANIFEST_PATH): Manifest {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${path}: not found — run \`npm run ingest\` first`);
  }
  const parsed = IngestManifest.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`${path}: not a valid ingest manifest: ${parsed.error.message}`);
  return parsed.data;
}
