// The compare page's index of counties and metrics (compareData.ts).
import type { APIRoute } from 'astro';
import { compareIndex } from '../../../lib/site/compareData.ts';
import { getSite } from '../../../lib/site/store.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(compareIndex(await getSite())));
