// The PDF front stage on a real published PDF (淮安市 2024, content/reports/huaian-2024.pdf) against its
// hand-checked values, and on its stages alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/lib/ingest/read.ts';
import { groupLines, lineText, pagesToLines, recognisedFromScan, textLayerRejection, type PlacedText } from '../../src/lib/read/pdf.ts';
import { Report } from '../../src/lib/schema.ts';
import { leaves, valueAt } from './leaves.ts';
import { textPdf } from './text-pdf.ts';

const pdf = readFileSync(new URL('../../content/reports/huaian-2024.pdf', import.meta.url));
const expected = JSON.parse(readFileSync(new URL('../fixtures/documents/huaian-2024.json', import.meta.url), 'utf8'));

describe('a real published PDF', () => {
  it('gives exactly its hand-checked values, with the page of every row', async () => {
    const result = await parseBytes(pdf, 'huaian-2024.pdf');
    if (!result.ok) throw new Error(result.error);
    const report = result.report;
    expect(Report.safeParse(report).success).toBe(true);
    expect(report).toMatchObject({ format: 'pdf', pages: 6, year: 2024, consistent: expected.consistent });
    const cells = leaves(expected).filter(([p]) => !['source', 'consistent'].includes(p) && !p.startsWith('region.') || p === 'region.code');
    expect(cells.length).toBeGreaterThan(190);
    const wrong = cells.filter(([p, v]) => valueAt(report, p) !== v).map(([p, v]) => `${p}: want ${v} got ${valueAt(report, p)}`);
    expect(wrong).toEqual([]);
    // Every row read has its page; the tables stand on pages 3 to 5 of this report.
    const traced = Object.keys(report.lines);
    expect(traced.length).toBeGreaterThan(30);
    expect(traced.filter((p) => report.origins?.[p]?.page === undefined)).toEqual([]);
    expect(report.origins?.['active.regulations']?.page).toBe(3);
    expect(report.origins?.['litigationAfterReview']?.page).toBeGreaterThanOrEqual(4);
  });
});

const item = (text: string, x: number, y: number, size = 10): PlacedText => ({ text, x, y, size, width: text.length * size * (/^\d+$/.test(text) ? 0.5 : 1) });

describe('a page stored turned', () => {
  it('a landscape page stored as a portrait one shown turned (/Rotate 90) reads as the same report as upright', async () => {
    const lines = readFileSync(new URL('../../content/reports/000_abd24a0acb5d3937.txt', import.meta.url), 'utf8').split('\n');
    const upright = await parseBytes(textPdf(lines), 'upright.pdf');
    const turned = await parseBytes(textPdf(lines, { turned: true }), 'turned.pdf');
    if (!upright.ok || !turned.ok) throw new Error(`not read: ${JSON.stringify([upright.ok, turned.ok])}`);
    expect(upright.report.active?.licensing).toBe(6469);
    expect({ ...turned.report, source: '' }).toEqual({ ...upright.report, source: '' });
  });
});

describe('PDF text items into lines', () => {
  it('items on one baseline form one line in x order, whatever their font size', () => {
    const lines = groupLines([item('11', 421, 280.4, 14), item('规章', 79, 281.5), item('1', 249, 280.4, 14), item('行政规范性文件', 79, 316)]);
    expect(lines.map((l) => l.map((i) => i.text))).toEqual([['规章', '1', '11'], ['行政规范性文件']]);
  });

  it('cells far apart are separated; touching fragments join; numbers side by side never merge', () => {
    expect(lineText([item('规章', 79, 0), item('1', 249, 0), item('0', 342, 0)])).toBe('规章   1   0');
    expect(lineText([item('为 100%', 74, 0, 16), item('。', 126, 0, 16)])).toBe('为 100%。');
    // Two single-digit cells 2 pt apart: still two numbers.
    expect(lineText([item('3', 100, 0), item('4', 107, 0)])).toBe('3 4');
  });

  it('running heads and page numbers repeated in the margins of every page drop out; table rows across a page break join', () => {
    const page = (n: number, rows: PlacedText[]) => ({ page: n, width: 595, height: 842, images: 0, items: [item('某县人民政府办公室', 250, 40), item(`- ${n} -`, 290, 800), ...rows] });
    const lines = pagesToLines([page(1, [item('（一）予以公开', 79, 700), item('5', 300, 700)]), page(2, [item('（二）部分公开', 79, 100), item('1', 300, 100)])]);
    expect(lines.map((l) => l.text)).toEqual(['（一）予以公开   5', '（二）部分公开   1']);
    expect(lines.map((l) => l.origin.page)).toEqual([1, 2]);
  });
});

describe('PDFs that hold no readable report', () => {
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url));
  it.each([
    ['scanned.pdf', /scanned PDF.*no text layer.*OCR/, /扫描件，无文字层/],
    ['encrypted.pdf', /encrypted.*password/, /已加密/],
    ['truncated.pdf', /damaged/, /已损坏/],
  ])('%s is rejected saying exactly why and what to do', async (name, error, zh) => {
    const result = await parseBytes(fixture(name), name);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(error), zh: expect.stringMatching(zh) });
  });

  it('a scan with a recognised (OCR) text layer is read, and said to be recognised: its figures may carry recognition errors', () => {
    const page = (invisible: number, images: number) => ({ page: 1, width: 595, height: 842, images, invisible, items: [{ text: '一、本年新收政府信息公开申请数量 12 3 0 15', x: 80, y: 100, width: 400, size: 10 }] });
    // Most characters drawn invisible over a page image: as OCR leaves a scan.
    expect(recognisedFromScan([page(30, 1), page(28, 1)])).toBe(true);
    expect(recognisedFromScan([page(0, 1), page(0, 1)])).toBe(false);
    expect(recognisedFromScan([page(30, 0)])).toBe(false);
    expect(recognisedFromScan([page(3, 1)])).toBe(false);
  });

  it('a PDF whose text extracts as no Chinese (fonts without a character map) is rejected, never a garbage page', () => {
    const page = (text: string) => ({ page: 1, width: 595, height: 842, images: 0, items: [{ text, x: 80, y: 100, width: 400, size: 10 }] });
    expect(textLayerRejection([page('\ue001\ue002\ue003'.repeat(30))])?.zh).toMatch(/无法正确提取/);
    expect(textLayerRejection([page('abc def ghi '.repeat(10))])?.zh).toMatch(/无法正确提取/);
    expect(textLayerRejection([{ ...page(''), items: [], images: 2 }])?.zh).toMatch(/扫描件/);
    expect(textLayerRejection([page('政府信息公开工作年度报告'.repeat(5))])).toBeNull();
  });
});
