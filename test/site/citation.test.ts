import { describe, expect, it } from 'vitest';
import { accessDate, anchorOf, citationText, sourceAt } from '../../src/lib/site/view/citation.ts';

const base = {
  county: '淮安市',
  year: 2024,
  table: '三、收到和处理政府信息公开申请情况',
  row: '（一）予以公开',
  column: '总计',
  value: '1,234',
  unit: '件',
  issuer: '淮安市人民政府',
  title: '淮安市2024年政府信息公开工作年度报告',
  sourceUrl: 'http://www.huaian.gov.cn/2024年报.pdf',
  page: 3,
  pdf: true,
  permalink: 'https://portal.test.example/counties/320800-huaian/2024/#applications-granted-6',
  siteName: '县级政府信息公开年报数据',
  accessed: new Date(2026, 10, 30),
};

describe('figure anchors', () => {
  it('derive a stable, URL-safe anchor from the JSON path', () => {
    expect(anchorOf('applications.granted[6]')).toBe('applications-granted-6');
    expect(anchorOf('applications.denied.stateSecret[0]')).toBe('applications-denied-stateSecret-0');
    expect(anchorOf('active.itemCounts.fees.previousYear')).toBe('active-itemCounts-fees-previousYear');
    expect(anchorOf('review[4]')).toBe('review-4');
    expect(encodeURIComponent(anchorOf('a b[1]'))).toBe(anchorOf('a b[1]'));
  });
});

describe('citation of one figure', () => {
  it('names county, year, table, row and column as printed, the value, the PDF page, the permalink and the access date', () => {
    const text = citationText(base);
    expect(text).toContain('淮安市2024 年政府信息公开工作年度报告');
    expect(text).toContain('三、收到和处理政府信息公开申请情况，“（一）予以公开”行“总计”栏：1,234 件。');
    expect(text).toContain('淮安市人民政府《淮安市2024年政府信息公开工作年度报告》');
    expect(text).toContain('原文第 3 页，http://www.huaian.gov.cn/2024年报.pdf#page=3');
    expect(text).toContain(base.permalink);
    expect(text).toContain('访问日期：2026 年 11 月 30 日');
    expect(text).not.toMatch(/请填写|example\.github\.io/);
  });

  it('points at a page only for PDF inputs, and says when the site has no source address', () => {
    expect(sourceAt('http://x.gov.cn/a.pdf#view=FitH', 5, true)).toBe('http://x.gov.cn/a.pdf#page=5');
    expect(sourceAt('http://x.gov.cn/a.html', 5, false)).toBe('http://x.gov.cn/a.html');
    expect(sourceAt('http://x.gov.cn/a.pdf', undefined, true)).toBe('http://x.gov.cn/a.pdf');
    const html = citationText({ ...base, pdf: false, page: undefined, sourceUrl: 'http://x.gov.cn/a.html' });
    expect(html).toContain('，http://x.gov.cn/a.html。');
    expect(html).not.toContain('#page=');
    expect(citationText({ ...base, sourceUrl: undefined, page: undefined })).toContain('本站无原文网址');
  });

  it('without the original address, points at the site’s published copy (a PDF at the figure’s page)', () => {
    const copy = 'https://portal.test.example/counties/320800-huaian/2024/source.pdf';
    const text = citationText({ ...base, sourceUrl: undefined, sourceCopy: copy });
    expect(text).toContain(`原文第 3 页，本站存档原文：${copy}#page=3。`);
    expect(text).not.toContain('本站无原文网址');
    // The original address, where known, comes first; the copy is not needed then.
    expect(citationText({ ...base, sourceCopy: copy })).toContain('原文第 3 页，http://www.huaian.gov.cn/2024年报.pdf#page=3。');
    const word = citationText({ ...base, pdf: false, page: undefined, sourceUrl: undefined, sourceCopy: copy.replace('.pdf', '.docx') });
    expect(word).toContain('本站存档原文：https://portal.test.example/counties/320800-huaian/2024/source.docx。');
  });

  it('a blank stays 空白 without a unit; a figure standing alone has no column', () => {
    expect(citationText({ ...base, value: '空白' })).toContain('栏：空白。');
    expect(citationText({ ...base, column: undefined, row: '行政许可', value: '18.085682 万元', unit: '万元' })).toContain('，“行政许可”：18.085682 万元。');
  });

  it('formats the access date from the reader clock', () => {
    expect(accessDate(new Date(2025, 0, 5))).toBe('2025 年 1 月 5 日');
  });
});
