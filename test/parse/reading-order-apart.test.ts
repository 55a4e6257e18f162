// Chromium's text of a table 三 with narrow label columns: a label wrapped over many lines pushes its
// row's figures, and its next rows', past the labels. Some rows keep all their figures beside their
// label's first piece; a run of rows prints its labels alone (or with their first figures only), then
// exactly the figures those rows lack. Fixtures: test/fixtures/reading-order-apart/ (seeds 7701, 8701,
// 8901, 9101).
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/lib/schema.ts';
import { loadFixture, tableWarning } from './fixture.ts';

const load = (name: string) => loadFixture('reading-order-apart', name);

const warned = (report: Report) => tableWarning(report, /few or none of their figures beside their labels/);

describe('table 三 with runs of rows printed apart from their figures', () => {
  it('reads val-7701-4 whole: ten label-only rows then their 70 figures row by row; the last five rows\' first figures beside their labels, the rest after them, three rows column by column', () => {
    const { report, truth } = load('val-7701-4-chromium');
    expect(report.applications).toEqual(truth.applications);
    expect(warned(report)?.severity).toBe('warning');
  });

  it('reads probe-8701-3 whole: rows with their first figures beside their labels, blank rows with none, the rest after them row by row', () => {
    const { report, truth, ms } = load('probe-8701-3-chromium');
    expect(report.applications).toEqual(truth.applications);
    expect(warned(report)?.severity).toBe('warning');
    expect(ms).toBeLessThan(1000);
  });

  it('reads probe-9101-4 whole: the last row\'s first figure beside its label on the first line of the run after it, not one of the run\'s figures', () => {
    const { report, truth } = load('probe-9101-4-chromium');
    expect(report.applications).toEqual(truth.applications);
    expect(warned(report)?.severity).toBe('warning');
  });

  it('reads probe-8901-3 whole: group labels (三、本年度办理结果, （三）不予公开) printed amid a run of figures, a row of blank marks, two rows column by column amid the run', () => {
    const { report, truth } = load('probe-8901-3-chromium');
    expect(report.applications).toEqual(truth.applications);
    expect(report.applications?.carriedForward).toEqual(Array(7).fill(null));
    expect(warned(report)?.severity).toBe('warning');
  });
});
