// LibreOffice's text of table 三 may print its first row in column pieces with the header words:
// 科研机构/社会公益组织/法律服务机构's cells with their header words, then 自然人, then 商业企业, and
// 其他/总计 after those header words, behind the first cells of the next rows (printed in two passes).
// Fixtures: test/fixtures/reading-order-pieces/ (fresh sets, seeds 7601 and 7501).
import { describe, expect, it } from 'vitest';
import { loadFixture, tableWarning } from './fixture.ts';

const load = (name: string) => loadFixture('reading-order-pieces', name);

describe('table 三 whose first row is printed in column pieces with the header words', () => {
  it('reads the first row from its pieces and the next two rows from their two passes, with a warning', () => {
    // 0 3 0 | 21 | 商业企业 15 | 3 0 0 0 17 9 0 1 | 总计 其他 5 44 | 0 0 3 0 2 29: received, then
    // carriedOver and granted cut after their fourth cell.
    const { report, truth } = load('fresh-7601-4-libreoffice');
    expect(report.applications).toEqual(truth.applications);
    const warning = tableWarning(report, /pieces LibreOffice prints/);
    expect(warning?.severity).toBe('warning');
  });

  it('reads nothing by the pieces where two tables pass every identity (a row of 1s may be 予以公开 or 部分公开)', () => {
    const { report, truth } = load('fresh-7501-1-libreoffice');
    expect(report.findings.some((f) => /pieces LibreOffice prints/.test(f.message))).toBe(false);
    // Never the figures in another row: each cell left unread or read right.
    const read = report.applications?.partlyGranted ?? [];
    expect(read.map((v, c) => (v === null ? null : truth.applications.partlyGranted[c]))).toEqual(read);
  });
});
