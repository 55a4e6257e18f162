// The parsed reports, as the ingest writes them (one validated JSON per county and year).
// A small loader instead of glob(): entries whose file is unchanged (same digest) are kept as they
// are, so a rebuild with one report changed validates and stores one entry, not 14,000.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { Report } from './lib/schema.ts';

const INGEST_DIR = process.env.INGEST_DIR ?? '.cache/ingest';

function reportsLoader(): Loader {
  return {
    name: 'ingest-reports',
    load: async ({ store, generateDigest, logger }) => {
      const dir = join(INGEST_DIR, 'reports');
      const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
      const seen = new Set<string>();
      let changed = 0;
      for (const file of files) {
        const id = file.slice(0, -'.json'.length);
        seen.add(id);
        const text = readFileSync(join(dir, file), 'utf8');
        const digest = generateDigest(text);
        if (store.get(id)?.digest === digest) continue;
        const parsed = Report.safeParse(JSON.parse(text));
        if (!parsed.success) throw new Error(`${join(dir, file)}: not a valid report: ${parsed.error.message}`);
        store.set({ id, data: parsed.data, digest });
        changed++;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${files.length} reports, ${changed} new or changed`);
    },
  };
}

export const collections = {
  reports: defineCollection({ loader: reportsLoader(), schema: Report }),
};
