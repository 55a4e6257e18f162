// The check every .doc test makes: a report saved as .doc reads back exactly, each traced row with its
// table and row, and the .doc front stage yields the very intermediate form the .docx stage gives for
// the same report written as .docx (so every later stage sees no difference).
import { expect } from 'vitest';
import { compareWithTruth, describeMismatches, renderReportDocx, type DocumentOptions, type Truth } from '../../scripts/synth/index.ts';
import { parseBytes } from '../../src/lib/ingest/read.ts';
import { readDocument } from '../../src/lib/read/index.ts';

export async function expectDocExact(truth: Truth, options: DocumentOptions, doc: Uint8Array, name: string) {
  const result = await parseBytes(doc, name);
  if (!result.ok) throw new Error(`${name}: rejected: ${result.error}`);
  expect(result.report.format).toBe('doc');
  const mismatches = compareWithTruth(truth, result.report);
  expect(mismatches, describeMismatches(mismatches)).toEqual([]);

  const traced = Object.keys(result.report.lines);
  expect(traced.length).toBeGreaterThan(5);
  const origins = result.report.origins ?? {};
  expect(traced.filter((p) => !(origins[p]?.table! >= 1 && origins[p]?.row! >= 1))).toEqual([]);

  const fromDoc = await readDocument(doc);
  const fromDocx = await readDocument(await renderReportDocx(truth, options));
  if (!fromDoc.ok || !fromDocx.ok) throw new Error(`${name}: a front stage refused the report`);
  expect(fromDoc.source.format).toBe('doc');
  expect(fromDoc.source.text).toBe(fromDocx.source.text);
  expect(fromDoc.source.origins).toEqual(fromDocx.source.origins);
  // Each traced row's origin is the one of the source line it was read from.
  expect(traced.filter((p) => JSON.stringify(fromDoc.source.origins[result.report.lines[p]! - 1]) !== JSON.stringify(origins[p]))).toEqual([]);
}
