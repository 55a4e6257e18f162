// The ingest manifest (.cache/ingest/manifest.json): every input file and what became of it.
import { readFileSync } from 'node:fs';
import { IngestManifest, type ManifestEntry } from '../../schema.ts';

export type Manifest = IngestManifest;

export const MANIFEST_PATH = `${process.env.INGEST_DIR ?? '.cache/ingest'}/manifest.json`;

export const STATUS_LABELS: Record<ManifestEntry['status'], string> = {
  parsed: '已解析',
  findings: '已解析，有提示',
  superseded: '已解析，另一版为准',
  sidecar: '来源说明，已读取',
  ignored: '未读取（非报告）',
  rejected: '未能解析',
};

/** The data page's order: what a reader of the list looks for first. */
export const STATUS_ORDER: Record<ManifestEntry['status'], number> = { rejected: 0, superseded: 1, findings: 2, ignored: 3, sidecar: 4, parsed: 5 };

/** The entries that are reports shown on the site (a superseded version is listed on its page, not shown). */
export const isShownReport = (e: ManifestEntry) => e.status === 'parsed' || e.status === 'findings';

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
