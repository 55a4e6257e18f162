// LibreOffice's narrow label column wraps （七）总计 as （七）总 and 计, and pdftotext's reading order
// prints the two pieces a page of figures apart: the total row is found by （七）总 where 总计 is
// nowhere. Chromium's narrow label column wraps 四、结转下年度继续办理 over lines with the row's
// figures and the tall label （六）其他处理 printed between them. LibreOffice's table 三 may print its
// last rows' labels after section 四's heading and first header words, and table 四's last labels and
// figures after section 五's. Fixtures: test/fixtures/reading-order-split-labels/ (seeds 8501, 8701,
// 9301 and 9601, studied).
import { describe, expect, it } from 'vitest';
import { loadFixture, tableWarning } from './fixture.ts';

/** Table 四 (its three groups) as the truth has it. */
const expectOutcomesOfTruth = ({ report, truth }: ReturnType<typeof loadFixture>) => {
  expect(report.review).toEqual(truth.review);
  expect(report.litigationDirect).toEqual(truth.litigationDirect);
  expect(report.litigationAfterReview).toEqual(truth.litigationAfterReview);
};

describe('table 三 whose 总计 label is printed in pieces', () => {
  it('reads split-9301-3: the total row found by （七）总, the table read in reading order', () => {
    const { report, truth } = loadFixture('reading-order-split-labels', 'split-9301-3-libreoffice');
    expect(report.findings.filter((f) => f.code === 'row-missing')).toEqual([]);
    expect(report.applications?.total).toEqual(truth.applications.total);
    expect(report.applications?.received).toEqual(truth.applications.received);
    expect(report.applications?.granted).toEqual(truth.applications.granted);
    expect(report.applications?.denied).toEqual(truth.applications.denied);
    expect(tableWarning(report, /ways to cut/)?.severity).toBe('warning');
  });
});

describe('table 三 whose last label has another row\'s label between its pieces', () => {
  it('reads split-9601-3: 四、结转下年度继续办理 found through （六）其他处理 printed inside it, the table whole', () => {
    const { report, truth } = loadFixture('reading-order-split-labels', 'split-9601-3-chromium');
    expect(report.findings.filter((f) => f.code === 'row-missing')).toEqual([]);
    expect(report.applications).toEqual(truth.applications);
  });
});

describe('table 三 whose last labels are printed after section 四\'s heading', () => {
  it('reads split-8501-2: the labels of （五）1 to 四、结转下年度 taken back from section 四, both tables whole', () => {
    const fixture = loadFixture('reading-order-split-labels', 'split-8501-2-libreoffice');
    expect(fixture.report.findings.filter((f) => f.code === 'row-missing')).toEqual([]);
    expect(fixture.report.applications).toEqual(fixture.truth.applications);
    expectOutcomesOfTruth(fixture);
  });
});

describe('table 四 whose last labels and figures are printed after section 五\'s heading', () => {
  it('reads split-8701-0: table 四 whole, and section 五\'s prose without them', () => {
    const fixture = loadFixture('reading-order-split-labels', 'split-8701-0-libreoffice');
    expect(fixture.report.findings.filter((f) => f.code === 'table-missing')).toEqual([]);
    expectOutcomesOfTruth(fixture);
    const five = fixture.report.prose.find((p) => p.heading.startsWith('五、'));
    expect(five?.markdown).toMatch(/^一是部分单位/);
  });
});
