// One county's figures by year, for the compare page (compareData.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { compareCounty } from '../../../lib/site/data/compareData.ts';
import { getSite, keyOf } from '../../../lib/site/data/store.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  // Made from the county's summaries alone: unchanged digests keep last build's file (incremental build).
  return site.counties.map((c) => ({ params: { code: c.code }, props: { code: c.code }, cacheKey: keyOf(c.reports.map((r) => r.digest)) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const site = await getSite();
  const county = site.county(props.code as string)!;
  return new Response(JSON.stringify(compareCounty(county.reports)));
};
