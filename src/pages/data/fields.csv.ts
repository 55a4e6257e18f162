// The field dictionary of the CSV, with Chinese labels.
import type { APIRoute } from 'astro';
import { fieldsToCsv } from '../../lib/site/export.ts';

export const GET: APIRoute = () => new Response(fieldsToCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
