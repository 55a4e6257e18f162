// Chromium's text of a table 三 whose narrow columns print full-width figures a digit a line: a
// first-column figure beside a one-line label stands above and below it (１, （一）予以公开, ７ is 17),
// a row printed whole on one line has its figures' last digits on the lines after it (４ ２ ０ ０ ０ ０ ４,
// then ０ and ２: 40 and 42), or each cell a block of its own, its digits on the block's lines
// (１, ３, ３, ２ is 1332). Fixtures: test/fixtures/reading-order-digits/.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/lib/schema.ts';
import { loadFixture, tableWarning } from './fixture.ts';

const load = (name: string) => loadFixture('reading-order-digits', name);

const warned = (report: Report) => tableWarning(report, /a digit a line/);

describe('table 三 with figures printed a digit a line', () => {
  it('reads gen-7101-1 whole: 17 and 37 around their labels, 40 and 42 after the received row, the first column beside the labels and the rest after them', () => {
    const { report, truth, ms } = load('gen-7101-1-chromium');
    expect(report.applications).toEqual(truth.applications);
    expect(warned(report)?.severity).toBe('warning');
    expect(ms).toBeLessThan(3000);
  });

  it('reads fresh-7501-5 whole: every cell a block of its own between blank lines, its digits one a line', () => {
    const { report, truth, ms } = load('fresh-7501-5-chromium');
    expect(report.applications).toEqual(truth.applications);
    expect(report.applications?.received).toEqual([1332, 66, null, null, null, null, 1398]);
    expect(warned(report)?.severity).toBe('warning');
    expect(ms).toBeLessThan(3000);
  });
});
