// All reports as one CSV: a row per county-year, a column per figure, UTF-8 with BOM.
import type { APIRoute } from 'astro';
import { reportsToCsv } from '../../lib/site/export.ts';
import { getSite } from '../../lib/site/store.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  return new Response(reportsToCsv(site.reports), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
