// Compare a parsed report with the truth it was written from: every number cell, the year, the region
// and the consistency flag. Used by the property tests, the corpus bench and the scale test.
import type { Report } from '../../src/lib/schema.ts';
import type { Truth } from './truth.ts';

export interface Mismatch {
  path: string;
  expected: unknown;
  actual: unknown;
}

export const COMPARED_KEYS = ['region', 'year', 'active', 'applications', 'review', 'litigationDirect', 'litigationAfterReview', 'consistent'] as const;

function walk(path: string, expected: unknown, actual: unknown, out: Mismatch[]): void {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    expected.forEach((e, i) => walk(`${path}[${i}]`, e, actual[i], out));
    return;
  }
  if (isObj(expected) && isObj(actual)) {
    // Keys absent and keys set to undefined are the same thing in the JSON.
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)].filter((k) => expected[k] !== undefined || actual[k] !== undefined));
    for (const k of keys) walk(path ? `${path}.${k}` : k, expected[k], actual[k], out);
    return;
  }
  if (!Object.is(expected ?? undefined, actual ?? undefined) && !(expected === null && actual === null)) out.push({ path, expected, actual });
}

const allBlank = (rows: unknown[]) => rows.every((r) => r === null || (Array.isArray(r) && r.every((c) => c === null)));

/** （六）其他处理 entirely blank reads the same as one row or as three (004's hand-checked values say
 *  three): the text cannot tell them apart, and both mean "nothing printed". */
function normaliseOtherHandling(apps: unknown): unknown {
  if (typeof apps !== 'object' || apps === null) return apps;
  const other = (apps as { otherHandling?: Record<string, unknown> }).otherHandling;
  if (!other || !allBlank(Object.values(other))) return apps;
  const blank = Array(7).fill(null);
  return { ...apps, otherHandling: { noCorrection: blank, unpaidFees: blank, other: blank } };
}

/** Every difference between the truth and what the parser read (empty: read exactly). */
export function compareWithTruth(truth: Truth, report: Pick<Report, (typeof COMPARED_KEYS)[number]>): Mismatch[] {
  const out: Mismatch[] = [];
  for (const key of COMPARED_KEYS) {
    const [e, a] = key === 'applications' ? [normaliseOtherHandling(truth[key]), normaliseOtherHandling(report[key])] : [truth[key], report[key]];
    walk(key, e, a, out);
  }
  return out;
}

/** Mismatches as short lines for a failure message. */
export function describeMismatches(mismatches: readonly Mismatch[], max = 12): string {
  const lines = mismatches.slice(0, max).map((m) => `  ${m.path}: expected ${JSON.stringify(m.expected)}, read ${JSON.stringify(m.actual)}`);
  if (mismatches.length > max) lines.push(`  … and ${mismatches.length - max} more`);
  return lines.join('\n');
}
