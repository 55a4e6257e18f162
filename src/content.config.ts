// The reports collection: the ingest's output (one JSON per county and year), each file validated
// against the same zod schema as the parser (Report, src/lib/schema.ts), stored as its summary.
// The summaries are what rankings, totals and lists need; a page that shows a whole report reads
// that one file (src/lib/site/data/reportFiles.ts). At 14,000+ reports, full reports in the content
// store took gigabytes and a long sync; summaries take megabytes.
// Unchanged files (same digest) are not parsed again, so a rebuild with one report changed
// validates one file; a file of the same size and time as at the last sync (the ingest rewrites a
// report's file only when it changed) is not even read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { INGEST_DIR, parseReportFile } from './lib/site/data/reportFiles.ts';
import { SUMMARY_VERSION, summarise } from './lib/site/data/summary.ts';

function reportsLoader(): Loader {
  return {
    name: 'ingest-reports',
    load: async ({ store, meta, generateDigest, logger }) => {
      const dir = join(INGEST_DIR, 'reports');
      let files: string[];
      try {
        files = readdirSync(dir).filter((f) => f.endsWith('.json'));
      } catch {
        throw new Error(`${dir}: not found — run \`npm run ingest\` first`);
      }
      const seen = new Set<string>();
      let changed = 0;
      // id → "version:size:mtime\ndigest" of each file at the last sync (a new SUMMARY_VERSION reads every file).
      let stats: Record<string, string> = {};
      try {
        stats = JSON.parse(meta.get('stats') ?? '{}');
      } catch {
        stats = {};
      }
      const nowStats: Record<string, string> = {};
      for (const file of files) {
        const id = file.slice(0, -'.json'.length);
        seen.add(id);
        const path = join(dir, file);
        const st = statSync(path);
        const stat = `${SUMMARY_VERSION}:${st.size}:${st.mtimeMs}`;
        const [lastStat, lastDigest] = (stats[id] ?? '').split('\n');
        if (lastStat === stat && lastDigest && store.get(id)?.digest === lastDigest) {
          nowStats[id] = stats[id];
          continue;
        }
        const text = readFileSync(path, 'utf8');
        // The file and the code that summarises it: either changing makes a new summary.
        const digest = generateDigest(`${SUMMARY_VERSION}\n${text}`);
        nowStats[id] = `${stat}\n${digest}`;
        if (store.get(id)?.digest === digest) continue;
        const summary = summarise(parseReportFile(path, text), digest);
        if (summary.id !== id) throw new Error(`${path}: holds the report ${summary.id}, expected ${id}`);
        store.set({ id, data: { ...summary }, digest });
        changed++;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      meta.set('stats', JSON.stringify(nowStats));
      logger.info(`${files.length} reports, ${changed} new or changed`);
    },
  };
}

export const collections = {
  reports: defineCollection({ loader: reportsLoader() }),
};
