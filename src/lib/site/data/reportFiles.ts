// The ingest's output on disk: one validated report JSON per county and year, and the manifest.
// The content loader reads each file once for its summary; a page that shows a report reads that one.
import { readFileSync, statSync } from 'node:fs';
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

/** The last few reports read, by id, with the size and time of their file when read: a report's
 *  page and its chart embeds (2-3 pages, rendered one after another) read it once. */
const recent = new Map<string, { stamp: string; report: Report }>();
const RECENT = 8;

/**
 * One report (`id` is `<code>-<year>`) for the page that shows it. The content loader validated
 * this file against the Report schema when its digest last changed; a page reads it as JSON only,
 * since 14,000 second validations cost several seconds of every build. Pages share the object
 * returned: it is not to be changed.
 */
export function readReport(id: string): Report {
  const path = join(reportsDir(), `${id}.json`);
  try {
    const st = statSync(path);
    const stamp = `${st.size}:${st.mtimeMs}`;
    const kept = recent.get(id);
    if (kept?.stamp === stamp) return kept.report;
    const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
    recent.delete(id);
    recent.set(id, { stamp, report });
    if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
    return report;
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}
