// Reports as text in reading order (pdftotext without -layout): 淮安 2024's real PDF, synthetic
// reports printed by Chromium (scripts/fixtures/reading-order.ts) and random synthetic reports printed
// by Chromium and exported by LibreOffice (scripts/fixtures/reading-order-corpus.ts), each against its
// truth. Prints the share of cells read right on the tuned set (test/fixtures/reading-order/, the
// parser was worked on it) and on the held-out set (test/fixtures/reading-order-heldout/, another
// seed, only ever scored). The target is the rule-based peer's 92%; the assertions below are the
// floors this parser holds today, so that they can only go up.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';

const tuned = new URL('../fixtures/reading-order/', import.meta.url);
const heldOut = new URL('../fixtures/reading-order-heldout/', import.meta.url);
// The same kind of reports as text copied out of Chrome's (PDFium) and Firefox's (pdf.js) PDF viewers
// (reading-order-corpus.ts --text pdfium,pdfjs): seed 9301 studied since its first score (92.8 %), seed
// 9401 held out (only ever scored).
const viewer = new URL('../fixtures/reading-order-viewer/', import.meta.url);
const viewerHeldOut = new URL('../fixtures/reading-order-viewer-heldout/', import.meta.url);
const namesIn = (dir: URL) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));
const names = namesIn(tuned);
// The shares reached (rounded down): raise them with the parser, never lower them for more cells read;
// lowered only once, for fewer wrong cells (unreadUnbalanced: held-out 74.0% -> 72.7%, wrong 42 -> 22).
const FLOOR_TUNED = 0.88;
const FLOOR_HELD_OUT = 0.77;
const FLOOR_VIEWER = 0.98;
const SKIP = new Set(['source', 'consistent', 'region.name', 'region.province', 'region.prefecture']);

function leaves(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}
const at = (obj: unknown, path: string) =>
  path.split(/\.|(?=\[)/).reduce<unknown>((o, k) => {
    if (o == null) return undefined;
    const m = k.match(/^\[(\d+)\]$/);
    return m ? (o as unknown[])[Number(m[1])] : (o as Record<string, unknown>)[k];
  }, obj);

function score(name: string, dir = tuned): { right: number; total: number } {
  const truth = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));
  const result = parseReport(readFileSync(new URL(`${name}.txt`, dir), 'utf8'), { source: `${name}.txt` });
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  const cells = leaves(truth).filter(([p]) => !SKIP.has(p));
  const right = cells.filter(([p, v]) => at(result.report, p) === v).length;
  return { right, total: cells.length };
}

describe('reading-order text', () => {
  it('has fixtures: 淮安 2024 and synthetic reports printed by Chromium', () => {
    expect(names).toContain('huaian-2024-pdftotext');
    expect(names.length).toBeGreaterThanOrEqual(27);
  });

  it('淮安 2024 (pdftotext without -layout) is read exactly', () => {
    const { right, total } = score('huaian-2024-pdftotext');
    expect(total).toBe(202);
    expect(right).toBe(total);
  });

  it.each(['pdfium', 'pdfjs'])('淮安 2024 copied out of a PDF viewer (%s) is read exactly', (reader) => {
    const { right, total } = score(`huaian-2024-${reader}`, viewer);
    expect(total).toBe(202);
    expect(right).toBe(total);
  });

  const share = (dir: URL, label: string) => {
    const all = namesIn(dir);
    let right = 0;
    let total = 0;
    for (const name of all) {
      const s = score(name, dir);
      console.log(`${label} ${name}: ${s.right}/${s.total}`);
      right += s.right;
      total += s.total;
    }
    console.log(`reading-order ${label} set: ${all.length} reports, ${right}/${total} cells = ${((100 * right) / total).toFixed(1)}% (target 92%)`);
    return { reports: all.length, total, share: right / total };
  };

  it('prints the share of cells read right on the tuned set', () => {
    const { reports, total, share: s } = share(tuned, 'tuned');
    expect(reports).toBeGreaterThanOrEqual(27);
    expect(total).toBeGreaterThan(5000);
    expect(s).toBeGreaterThanOrEqual(FLOOR_TUNED);
  });

  it.each([
    [viewer, 'viewer'],
    [viewerHeldOut, 'viewer held-out'],
  ])('prints the share of cells read right on text copied out of PDF viewers (%s)', (dir, label) => {
    const { reports, total, share: s } = share(dir, label);
    expect(reports).toBeGreaterThanOrEqual(32);
    expect(total).toBeGreaterThan(6000);
    expect(s).toBeGreaterThanOrEqual(FLOOR_VIEWER);
  });

  it('prints the share of cells read right on the held-out set', () => {
    const { reports, total, share: s } = share(heldOut, 'held-out');
    expect(reports).toBeGreaterThanOrEqual(16);
    expect(total).toBeGreaterThan(3000);
    expect(s).toBeGreaterThanOrEqual(FLOOR_HELD_OUT);
  });
});
