// The ingest's output on disk: one validated report JSON per county and year, and the manifest.
// The content loader reads each file once for its summary; a page that shows a report reads that one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Report } from '../../schema.ts';

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

/**
 * One report (`id` is `<code>-<year>`) for the page that shows it. The content loader validated
 * this file against the Report schema when its digest last changed; a page reads it as JSON only,
 * since 14,000 second validations cost several seconds of every build.
 */
export function readReport(id: string): Report {
  const path = join(reportsDir(), `${id}.json`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Report;
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}
