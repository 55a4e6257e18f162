// The PDF front stage: each page's text items and drawn lines with their positions (pdfFast.ts reads
// them where it can, pdfium.ts the rest), rebuilt into the intermediate form: ruled tables as grid rows (ruled.ts), the rest as lines of
// text as a layout converter would print them (`pdftotext -layout`), each line with its page and position.
import type { Origin } from '../schema.ts';
import { rejection, type Rejection } from '../parse/rejections.ts';
import { isBlankMark, parseNumberToken } from '../parse/tokens.ts';
import { gridRows, type CellLine, type PlacedCell } from './columns.ts';
import { fromLines, type Notice, type ReadResult } from './document.ts';
import { readPdfPagesFast } from './pdfFast.ts';
import { PdfOpenError, readPdfPages } from './pdfium.ts';
import { ruledTables, type Rule } from './ruled.ts';

/** One text item as placed on its page: top-left origin, y down, in points. */
export interface PlacedText {
  text: string;
  x: number;
  /** Baseline, from the page's top. */
  y: number;
  width: number;
  /** Font size (glyph height) in points. */
  size: number;
}

export interface PageText {
  page: number;
  width: number;
  height: number;
  items: PlacedText[];
  /** Whether the page paints images (a scan, where it has no text). */
  images: number;
  /** Characters (other than spaces) drawn invisible, render mode 3 or 7: a scan's recognised (OCR) text. */
  invisible?: number;
  /** The straight lines drawn on the page (table borders among them). */
  rules?: Rule[];
}

interface PdfLine {
  page: number;
  y: number;
  x: number;
  text: string;
  items: PlacedText[];
  /** A row of a ruled table, written as a grid row already. */
  grid?: boolean;
}

const isDigit = (c: string | undefined) => c !== undefined && ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'));

/** Items on one baseline: an item joins a line when their vertical extents mostly overlap. */
export function groupLines(items: readonly PlacedText[]): PlacedText[][] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { items: PlacedText[]; top: number; bottom: number }[] = [];
  for (const item of sorted) {
    const top = item.y - item.size * 0.8;
    const bottom = item.y + item.size * 0.2;
    // Only the last few lines can hold it: items are sorted by baseline.
    let home: (typeof lines)[number] | undefined;
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - 3; i--) {
      const l = lines[i]!;
      const overlap = Math.min(bottom, l.bottom) - Math.max(top, l.top);
      if (overlap > 0.6 * Math.min(bottom - top, l.bottom - l.top)) {
        home = l;
        break;
      }
    }
    if (home) {
      home.items.push(item);
      home.top = Math.min(home.top, top);
      home.bottom = Math.max(home.bottom, bottom);
    } else lines.push({ items: [item], top, bottom });
  }
  return lines.map((l) => l.items.sort((a, b) => a.x - b.x));
}

/**
 * A line's items into text. Items that touch are one word; a gap of half a character or more is a
 * space (cells of a table stand far apart). Digits are kept apart at a much smaller gap, since two
 * numbers run together would read as one wrong figure.
 */
export function lineText(items: readonly PlacedText[]): string {
  let out = '';
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    const last = out.at(-1);
    const joinsDigits = isDigit(last) && isDigit(item.text[0]);
    if (out !== '' && last !== ' ' && gap > item.size * (joinsDigits ? 0.12 : 0.5)) out += gap > item.size * 2 ? '   ' : ' ';
    out += item.text;
    end = Math.max(end, item.x + item.width);
  }
  return out.replace(/\s+$/u, '');
}

/** Text at the same place on most pages, near the top or the bottom: running heads and page numbers. */
function repeatedMargins(pages: readonly { page: PageText; lines: PdfLine[] }[]): Set<PdfLine> {
  const margin = new Set<PdfLine>();
  if (pages.length < 2) return margin;
  const key = (l: PdfLine) => l.text.replace(/\d+/gu, '#').replace(/\s+/gu, '');
  const seen = new Map<string, number>();
  const inMargin = (l: PdfLine, p: PageText) => l.y < p.height * 0.1 || l.y > p.height * 0.9;
  for (const { page, lines } of pages) {
    for (const k of new Set(lines.filter((l) => inMargin(l, page)).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  for (const { page, lines } of pages) {
    for (const l of lines) if (inMargin(l, page) && (seen.get(key(l)) ?? 0) >= Math.max(2, pages.length / 2)) margin.add(l);
  }
  return margin;
}

/** A figure or a blank mark standing alone (full-width digits count: reports print them). */
const isCell = (word: string) => {
  const w = word.normalize('NFKC');
  return parseNumberToken(w) !== null || isBlankMark(w);
};

/** A line's cells (numbers and blank marks standing alone) with their centres, and its other text. */
export function cellLine(items: readonly PlacedText[]): CellLine {
  const cells: PlacedCell[] = [];
  const label: PlacedText[] = [];
  for (const item of items) {
    const words = item.text.trim().split(/\s+/u);
    if (words.every(isCell)) {
      // Several cells in one item: each at its share of the item's width.
      const step = item.width / words.length;
      words.forEach((text, i) => cells.push({ text, centre: item.x + step * (i + 0.5) }));
    } else label.push(item);
  }
  const text = lineText(label);
  return { label: text, cells, breaks: cells.length === 0 && /^[一二三四五六七八九十]+、/u.test(text.replace(/\s+/gu, '')) };
}

/**
 * Pages of positioned text into the intermediate form: ruled tables as grid rows, the rest as lines
 * in reading order; running heads and footers dropped.
 */
export function pagesToLines(pages: readonly PageText[]): { text: string; origin: Origin }[] {
  const laid = pages.map((page) => {
    const { tables, rest } = ruledTables(page.items, page.rules ?? []);
    const lines = groupLines(rest).map((items): PdfLine => ({ page: page.page, y: items[0]!.y, x: items[0]!.x, text: lineText(items), items }));
    const rows = tables.flatMap((t) => t.rows.map((r): PdfLine => ({ page: page.page, y: r.top, x: r.left, text: r.fields.join('\t'), items: [], grid: true })));
    return { page, lines: [...lines, ...rows].sort((a, b) => a.y - b.y || a.x - b.x) };
  });
  const margins = repeatedMargins(laid);
  const lines = laid.flatMap(({ lines }) => lines.filter((l) => !margins.has(l) && l.text.trim() !== ''));
  // Rows of ruled tables know their blanks; the rest may need them found by position.
  const grid = gridRows(lines.map((l) => (l.grid ? { label: '', cells: [], breaks: true } : cellLine(l.items))));
  return lines.map((l, i) => ({ text: grid[i] ?? l.text, origin: { page: l.page, x: Math.round(l.x * 10) / 10, y: Math.round(l.y * 10) / 10 } }));
}

/** Characters that no font's text layer should yield: private use, replacement, control. */
const GARBLED = /[\ue000-\uf8ff\ufffd\u0000-\u0008]/gu;

/**
 * Every page's text items, rules and images: our own reader where it reads the file exactly (no
 * FPDF_LoadPage to pay for), PDFium where it declines; PDF_READER=pdfium forces PDFium.
 */
export async function readPdfPagesEither(bytes: Uint8Array): Promise<PageText[]> {
  if (process.env.PDF_READER !== 'pdfium') {
    try {
      return readPdfPagesFast(bytes);
    } catch {
      // Declined (or a fault of the fast reader's): PDFium reads the file, and rejects it if it must.
    }
  }
  return readPdfPages(bytes);
}

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  let pages: PageText[];
  try {
    pages = await readPdfPagesEither(bytes);
  } catch (e) {
    if (e instanceof PdfOpenError && e.code === 'password') return { ok: false, ...rejection.pdfEncrypted() };
    return { ok: false, ...rejection.pdfDamaged((e as Error).message) };
  }
  const problem = textLayerRejection(pages);
  if (problem) return { ok: false, ...problem };
  const source = fromLines('pdf', pagesToLines(pages), pages.length);
  return { ok: true, source: recognisedFromScan(pages) ? { ...source, notices: [TEXT_RECOGNISED] } : source };
}

const TEXT_RECOGNISED: Notice = {
  code: 'text-recognised',
  message: 'the PDF is a scan whose text layer was recognised by OCR (invisible text over page images): any figure may be misrecognised; check it against the page',
};

/**
 * Whether the text layer was recognised from a scan (OCR): most of its characters drawn invisible over
 * images the pages paint. Such figures are a machine's reading of a picture, not the report's own text.
 */
export function recognisedFromScan(pages: readonly PageText[]): boolean {
  let chars = 0;
  let invisible = 0;
  for (const p of pages) {
    for (const i of p.items) chars += i.text.replace(/\s+/gu, '').length;
    if (p.images > 0) invisible += p.invisible ?? 0;
  }
  return chars > 0 && invisible * 2 > chars;
}

/** Why a PDF's text layer cannot give a report: none (a scan, or empty pages), or no real text. */
export function textLayerRejection(pages: readonly PageText[]): Rejection | null {
  const text = pages.map((p) => p.items.map((i) => i.text).join('')).join('').replace(/\s+/gu, '');
  if (text.length < 20 * pages.length) return pages.some((p) => p.images > 0) ? rejection.pdfScanned() : rejection.pdfNoText();
  const garbled = text.match(GARBLED)?.length ?? 0;
  if (garbled > text.length * 0.05 || !/[\u4e00-\u9fff]/u.test(text)) return rejection.pdfGarbled();
  return null;
}
