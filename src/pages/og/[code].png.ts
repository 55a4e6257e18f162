// The county's share image (Open Graph), made at build time (ogImage.ts), kept between builds by a
// digest of its card so that a rebuild makes only the changed ones.
import type { APIRoute, GetStaticPaths } from 'astro';
import { ogCard, ogPngCached } from '../../lib/site/build/ogImage.ts';
import { getSite, keyOf } from '../../lib/site/data/store.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  // The card is all the image shows: an unchanged card keeps last build's file (incremental build).
  return site.counties.map((c) => ({ params: { code: c.code }, cacheKey: keyOf(ogCard(c.reports, site.years)) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const county = site.county(params.code as string)!;
  const png = await ogPngCached(ogCard(county.reports, site.years));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
