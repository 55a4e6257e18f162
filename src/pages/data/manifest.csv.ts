// The ingest manifest as CSV (UTF-8 with BOM).
import type { APIRoute } from 'astro';
import { manifestToCsv } from '../../lib/site/export.ts';
import { getSite } from '../../lib/site/store.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  return new Response(manifestToCsv(site.manifest), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
