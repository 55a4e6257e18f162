// The compare page's index of counties and metrics (compareData.ts).
import type { APIRoute } from 'astro';
import { compareIndex } from '../../../lib/site/data/compareData.ts';
import { getSite } from '../../../lib/site/data/store.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(compareIndex(await getSite())));
