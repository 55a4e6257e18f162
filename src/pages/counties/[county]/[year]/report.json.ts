// This report's JSON, as parsed and validated.
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Report } from '../../../../lib/schema.ts';
import { reportToJson } from '../../../../lib/site/export.ts';
import { slugOf } from '../../../../lib/site/paths.ts';
import { getSite } from '../../../../lib/site/store.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.reports.map((r) => ({
    params: { county: slugOf(r.region), year: String(r.year) },
    props: { report: r },
    cacheKey: site.digest(r),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ report: Report }> = ({ props }) =>
  new Response(reportToJson(props.report), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
