// A figure read from a PDF names the page of the document it stands on: each table row of a PDF
// report's page says 「原文第 N 页」 with the page its JSON records for that row.
import { describe, expect, it } from 'vitest';
import { attr, elements, loadDocument, textOf } from './dom.ts';
import { loadBuildInfo } from './paths.ts';
import { reportPages } from './reports.ts';

const pages = reportPages(loadBuildInfo()).filter((p) => p.json?.data.format === 'pdf');

describe('PDF reports', () => {
  it('are in the test build (content/reports holds a published PDF)', () => {
    expect(pages.length).toBeGreaterThanOrEqual(1);
  });

  it.each(pages.map((p) => [p.url, p] as const))('%s: every row read says its page of the PDF, as the JSON records it', (_url, page) => {
    const origins = page.json!.data.origins as Record<string, { page?: number }>;
    const expected = [...new Set(Object.values(origins).map((o) => o.page))].sort((a, b) => a! - b!);
    expect(expected.length).toBeGreaterThanOrEqual(1);
    const cells = elements(loadDocument(page.file), 'td').map((td) => textOf(td)).filter((t) => /原文第 \d+ 页/.test(t));
    // Every traced row has its page cell; none says a line of the extracted text instead.
    expect(cells.length).toBeGreaterThanOrEqual(Object.keys(origins).length);
    expect([...new Set(cells.map((t) => Number(t.match(/原文第 (\d+) 页/)![1])))].sort((a, b) => a - b)).toEqual(expected);
    expect(elements(loadDocument(page.file), 'td').map((td) => textOf(td)).filter((t) => /^第 \d+ 行/.test(t))).toEqual([]);
  });

  it.each(pages.map((p) => [p.url, p] as const))('%s: every headline card says the page of the PDF its figure is read from, not a line', (_url, page) => {
    const origins = page.json!.data.origins as Record<string, { page?: number }>;
    const doc = loadDocument(page.file);
    const figures = elements(doc, 'dl').filter((dl) => (attr(dl, 'class') ?? '').split(' ').includes('figures'));
    expect(figures).toHaveLength(1);
    const cards = elements(figures[0], 'dd').filter((dd) => attr(dd, 'class') === 'line').map((dd) => textOf(dd));
    expect(cards.length).toBeGreaterThanOrEqual(4);
    expect(cards.filter((t) => /第 \d+ 行/.test(t))).toEqual([]);
    const pagesShown = cards.map((t) => Number(t.match(/^原文第 (\d+) 页/)?.[1]));
    const known = new Set(Object.values(origins).map((o) => o.page));
    expect(pagesShown.filter((n) => !known.has(n))).toEqual([]);
    // The received figure's card names the page its row is on.
    const received = elements(figures[0], 'dd').find((dd) => attr(dd, 'id') === 'm-received');
    expect(received).toBeDefined();
    const card = elements(received!.parentNode as never, 'dd').find((dd) => attr(dd, 'class') === 'line');
    expect(textOf(card!)).toContain(`原文第 ${origins['applications.received'].page} 页`);
  });
});
