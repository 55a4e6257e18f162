// Chromium's text of table 三 prints the label of a row that printed no figure after the rows that
// did: 3.危及“三安全一稳定” and 8.属于行政查询事项 after 7.属于行政执法案卷's figures, 4. and 5. of （五）
// after the table's last row. Each row is read where its label stands (rows.ts, anchorRows).
// Fixture: test/fixtures/reading-order-labels-moved/ (seed 9901).
import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixture.ts';

describe('table 三 whose blank rows\' labels Chromium printed after the rows with figures', () => {
  it('reads every row as the report prints it, the moved rows blank, none left unread', () => {
    const { report, truth } = loadFixture('reading-order-labels-moved', 'new-9901-4-chromium');
    expect(report.applications).toEqual(truth.applications);
    expect(report.applications!.denied.endangersSafety).toEqual(Array(7).fill(null));
    expect(report.findings.filter((f) => f.path?.startsWith('applications') && f.unread)).toEqual([]);
  });
});
