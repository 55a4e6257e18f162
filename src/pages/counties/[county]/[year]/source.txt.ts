// The report's source text, byte for byte as the ingest read it (its sha256 is in the manifest).
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { slugOf } from '../../../../lib/site/paths.ts';
import { getSite } from '../../../../lib/site/store.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.reports.flatMap((r) => {
    const file = site.sourcePath(r);
    return file
      ? [{ params: { county: slugOf(r.region), year: String(r.year) }, props: { file }, cacheKey: site.sourceSha(r) || site.digest(r) }]
      : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: string }> = ({ props }) =>
  new Response(readFileSync(props.file), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
