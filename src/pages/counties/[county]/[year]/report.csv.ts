// This report as one CSV row (UTF-8 with BOM), the same columns as the bulk CSV.
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Report } from '../../../../lib/schema.ts';
import { reportsToCsv } from '../../../../lib/site/export.ts';
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
  new Response(reportsToCsv([props.report]), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
