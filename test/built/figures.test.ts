// Every report page shows every figure of its report: each printed row of the three standard tables
// appears as a table row with that label and those cells (blank where the report is blank), both for
// the JSON the page offers for download and for the hand-checked values of test/fixtures/expected.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Report } from '../../src/lib/schema.ts';
import { loadDocument, tableRows } from './dom.ts';
import { expectedRows, missingRows } from './figures.ts';
import { ROOT, loadBuildInfo, shownReports } from './paths.ts';
import { pageOfSource, reportPages } from './reports.ts';

const info = loadBuildInfo();
const pages = reportPages(info);
const reports = shownReports(info);
const samples = info.inputs.filter((i) => i.kind === 'sample');
/** Hand-checked values: of the text samples in test/fixtures/expected, of the document samples (PDF …) in test/fixtures/documents. */
const expectedFile = (source: string) =>
  source.endsWith('.txt') ? join(ROOT, 'test/fixtures/expected', source.replace(/\.txt$/, '.json')) : join(ROOT, 'test/fixtures/documents', source.replace(/\.[^.]+$/, '.json'));

describe('report pages', () => {
  it('exist, one per report, each offering its own report JSON that the schema accepts', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((p) => !p.json).map((p) => `${p.url}: no .json download of this report`)).toEqual([]);
    const invalid = pages.flatMap((p) => {
      const r = p.json && Report.safeParse(p.json.data);
      return r && !r.success ? [`${p.url}: ${r.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`] : [];
    });
    expect(invalid).toEqual([]);
    const sources = pages.map((p) => p.json?.data.source).sort();
    expect(sources).toEqual(reports.map((r) => r.file).sort());
  });

  it.each(reports)('$file has a report page', ({ file }) => {
    expect(pageOfSource(pages, file), `no page offers a JSON with source "${file}" (did the ingest honour REPORTS_DIR?)`).toBeDefined();
  });

  it.each(samples)('$file: its page shows every figure of its report JSON in table cells', ({ file }) => {
    const page = pageOfSource(pages, file);
    expect(page).toBeDefined();
    const expected = expectedRows(page!.json!.data);
    expect(expected.length).toBeGreaterThan(10);
    expect(missingRows(expected, tableRows(loadDocument(page!.file)))).toEqual([]);
  });

  it('has hand-checked values for every sample (test/fixtures/expected, test/fixtures/documents), so that the check below runs on each', () => {
    expect(samples.length).toBeGreaterThanOrEqual(5);
    expect(samples.filter((s) => !existsSync(expectedFile(s.file))).map((s) => s.file)).toEqual([]);
  });

  it.each(samples)(
    '$file: its page shows its hand-checked figures',
    ({ file }) => {
      const page = pageOfSource(pages, file);
      expect(page).toBeDefined();
      const expected = expectedRows(JSON.parse(readFileSync(expectedFile(file), 'utf8')));
      expect(missingRows(expected, tableRows(loadDocument(page!.file)))).toEqual([]);
    },
  );
});
