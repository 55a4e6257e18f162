// The parsed reports, as the ingest writes them (one validated JSON per county and year).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { Report } from './lib/schema.ts';

export const collections = {
  reports: defineCollection({
    loader: glob({ pattern: '*.json', base: `${process.env.INGEST_DIR ?? './.cache/ingest'}/reports` }),
    schema: Report,
  }),
};
