// The ingest manifest as the ingest wrote it: every input file, parsed or rejected and why.
import type { APIRoute } from 'astro';
import { getSite } from '../../lib/site/store.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  return new Response(`${JSON.stringify(site.manifest, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
