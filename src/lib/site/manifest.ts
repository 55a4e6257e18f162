// The ingest manifest (.cache/ingest/manifest.json): every input file and what became of it.
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';

// Mirrors the ingest's manifest; kept here until schema.ts exports IngestManifest.
export const ManifestSchema = z.object({
  generated: z.string(),
  files: z.array(
    z.object({
      file: z.string(),
      sha256: z.string(),
      status: z.enum(['parsed', 'findings', 'rejected']),
      reason: z.string().optional(),
      reportId: z.string().optional(),
      findings: z.number().int(),
    }),
  ),
  summary: z.object({ files: z.number(), reports: z.number(), findings: z.number(), rejected: z.number() }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const MANIFEST_PATH = '.cache/ingest/manifest.json';

export const STATUS_LABELS: Record<Manifest['files'][number]['status'], string> = {
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
  const parsed = ManifestSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`${path}: not a valid ingest manifest: ${parsed.error.message}`);
  return parsed.data;
}
