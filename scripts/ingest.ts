// npm run ingest: parses every report in REPORTS_DIR (default content/reports) into
// INGEST_DIR (default .cache/ingest) for the site's content collections, with a manifest.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { ingest, parserVersion } from '../src/lib/ingest/ingest.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const reportsDir = resolve(root, process.env.REPORTS_DIR ?? 'content/reports');
const outDir = resolve(root, process.env.INGEST_DIR ?? '.cache/ingest');
const started = performance.now();
const { manifest, parsed, cached } = await ingest({
  reportsDir,
  outDir,
  cacheDir: resolve(root, '.cache/parse'),
  parserVersion: parserVersion(['src/lib/parse', 'src/lib/read', 'src/lib/schema.ts', 'src/lib/region.ts', 'src/lib/ingest/read.ts'].map((p) => resolve(root, p))),
});
for (const f of manifest.files.filter((e) => e.status === 'rejected')) console.error(`rejected ${f.file}: ${f.reason}`);
const { files, reports, findings, rejected } = manifest.summary;
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`ingest: ${files} files, ${reports} reports, ${findings} findings, ${rejected} rejected (${parsed} parsed, ${cached} from cache, ${seconds} s)`);
