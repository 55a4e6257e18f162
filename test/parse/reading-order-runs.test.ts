// LibreOffice's text of a table 三 over several pages prints each page as a run of labels followed by
// a run of figures: the first page's rows in the pieces LibreOffice prints with the header words, each
// later page's rows row by row after all that page's labels, except the table's last rows, printed
// column by column. Fixtures: test/fixtures/reading-order-runs/ (seeds 7301, 8601, 8701).
import { describe, expect, it } from 'vitest';
import { loadFixture, tableWarning } from './fixture.ts';

const load = (name: string, dir = 'reading-order-runs') => loadFixture(dir, name);

describe('table 三 printed as runs of labels each followed by its rows\' figures', () => {
  it.each(['probe-8701-0-libreoffice', 'probe-8701-6-libreoffice'])('reads %s whole, with a warning, in well under a second', (name) => {
    const { report, truth, ms } = load(name);
    expect(report.applications).toEqual(truth.applications);
    const warning = tableWarning(report, /runs of labels/);
    expect(warning?.severity).toBe('warning');
    expect(ms).toBeLessThan(1000);
  });

  it('keeps a page\'s figures one run where a group\'s label (（三）不予公开, 三、本年度办理结果) stands among them', () => {
    // Cut there, the page's figures made two runs and its rows were read another way that also adds up,
    // with two rows' figures each swapped with a neighbour's.
    const { report, truth } = load('fresh-7301-5-libreoffice');
    expect(report.applications?.unavailable).toEqual(truth.applications.unavailable);
    expect(report.applications?.notProcessed).toEqual(truth.applications.notProcessed);
    expect(tableWarning(report, /runs of labels/) !== undefined).toBe(true);
  });

  it('reads probe-8601-0 whole: a page\'s run holds group labels (三、本年度办理结果, （三）不予公开 …) among its figures', () => {
    const { report, truth } = load('probe-8601-0-libreoffice');
    expect(report.applications).toEqual(truth.applications);
    expect(tableWarning(report, /runs of labels/) !== undefined).toBe(true);
  });

  it('reads probe-8601-2 whole: groups\' first rows printed in pieces, the last three cells before the rows above, the first two after the group\'s row labels', () => {
    // Page 2: 0 0 0 (stateSecret's last three) 1 7 (granted's first two) 0×7 (carriedOver) 0 0 8 (granted's
    // last three) 0×7 (partlyGranted) 三、本年度办理结果 0 0 (granted's third and fourth) 1.属于国家秘密 … 0 0
    // (stateSecret's first two) （三）不予公开 0 0 …; the last page's 3.其他 and （七）总计 column by column.
    const { report, truth } = load('probe-8601-2-libreoffice');
    expect(report.applications).toEqual(truth.applications);
    expect(tableWarning(report, /runs of labels/) !== undefined).toBe(true);
  });

  it('reads the first page\'s rows in two passes with three rows cut alike printed column by column (a tall label\'s rows)', () => {
    // After 商业企业: 0 0 0 0 | 672 116 6 0 0 0 0 0 0 | 9 0 0, then after 其他/总计 the rest: carriedOver's
    // last three cells, then granted, partlyGranted and stateSecret's last four column by column, then
    // prohibitedByLaw's last four.
    const { report, truth, ms } = load('gen-7101-2-libreoffice', 'reading-order');
    expect(report.applications).toEqual(truth.applications);
    expect(tableWarning(report, /runs of labels/) !== undefined).toBe(true);
    expect(ms).toBeLessThan(1000);
  });

  it('reads nothing by the runs where a later run reads two ways and the first rows\' reading is in doubt under one', () => {
    // A row of 1s on the last page may be （六）其他处理's or 总计's column: never a table that picks one.
    const { report, truth } = load('fresh-7501-1-libreoffice', 'reading-order-pieces');
    expect(report.findings.some((f) => /runs of labels/.test(f.message))).toBe(false);
    for (const row of ['received', 'partlyGranted', 'total'] as const) {
      // Each cell left unread or read right.
      const read = report.applications?.[row] ?? [];
      expect(read.map((v, c) => (v === null ? null : truth.applications[row]![c]))).toEqual(read);
    }
  });
});
