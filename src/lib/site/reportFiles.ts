// The ingest's output on disk: one validated report JSON per county and year, and the manifest.
// The content loader reads each file once for its summary; a page that shows a report reads that one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Report } from '../schema.ts';

export const INGEST_DIR = process.env.INGEST_DIR ?? '.cache/ingest';
const reportsDir = () => join(INGEST_DIR, 'reports');

/** A report file's text, parsed and validated; errors name the file. */
export function parseReportFile(path: string, text: string): Report {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not JSON (${(e as Error).message})`);
  }
  const parsed = Report.safeParse(json);
  if (!parsed.success) throw new Error(`${path}: not a valid report: ${parsed.error.message}`);
  return parsed.data;
}

/** One report, validated against the schema (`id` is `<code>-<year>`). */
export function readReport(id: string): Report {
  const path = join(reportsDir(), `${id}.json`);
  return parseReportFile(path, readFileSync(path, 'utf8'));
}
