// All reports in one JSON file.
import type { APIRoute } from 'astro';
import { reportsToJson } from '../../lib/site/export.ts';
import { getSite } from '../../lib/site/store.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  return new Response(reportsToJson(site.reports, site.manifest.generated), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
