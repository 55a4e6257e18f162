// The PDF front stage: each page's text items with their positions, rebuilt into lines of text as a
// layout converter would print them (`pdftotext -layout`), each line with its page and position.
// Mozilla's pdf.js (pdfjs-dist) reads the PDF: the most widely used PDF reader in JavaScript, kept by
// the Firefox team, with the CMaps Chinese PDFs need, and no external program at build time.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Origin } from '../schema.ts';
import { rejection, type Rejection } from '../parse/rejections.ts';
import { isBlankMark, parseNumberToken } from '../parse/tokens.ts';
import { gridRows, type CellLine, type PlacedCell } from './columns.ts';
import { fromLines, type ReadResult } from './document.ts';
import { foldRadicals } from './radicals.ts';
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

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

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

const isCell = (word: string) => parseNumberToken(word) !== null || isBlankMark(word);

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

type Matrix = number[];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];

/** Straight axis-aligned edges of a painted path: stroked lines and rectangle sides, thin filled rectangles. */
function pathRules(data: ArrayLike<number>, stroke: boolean, m: Matrix): Rule[] {
  const rules: Rule[] = [];
  const paths: [number, number][][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === 0) {
      paths.push([apply(m, data[i + 1]!, data[i + 2]!)]);
      i += 3;
    } else if (op === 1) {
      paths.at(-1)?.push(apply(m, data[i + 1]!, data[i + 2]!));
      i += 3;
    } else if (op === 2) {
      paths.push([]); // a curve: no rule
      i += 7;
    } else if (op === 3) {
      paths.push([]);
      i += 5;
    } else i += 1; // closePath
  }
  for (const points of paths) {
    if (points.length < 2) continue;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (!stroke) {
      // A filled rectangle thin enough to be a line (cell borders drawn as fills).
      if (y2 - y1 < 3 && x2 - x1 > 3) rules.push({ x1, x2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 });
      else if (x2 - x1 < 3 && y2 - y1 > 3) rules.push({ x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1, y2 });
      continue;
    }
    const closed = [...points, points[0]!];
    for (let k = 1; k < closed.length; k++) {
      const [ax, ay] = closed[k - 1]!;
      const [bx, by] = closed[k]!;
      if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) > 1) rules.push({ x1: Math.min(ax, bx), x2: Math.max(ax, bx), y1: ay, y2: ay });
      else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) > 1) rules.push({ x1: ax, x2: ax, y1: Math.min(ay, by), y2: Math.max(ay, by) });
    }
  }
  return rules;
}

/** Characters that no font's text layer should yield: private use, replacement, control. */
const GARBLED = /[\ue000-\uf8ff\ufffd\u0000-\u0008]/gu;

// pdf.js is loaded on first use: text reports never pay for it.
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = () => {
  if (!pdfjs) process.on('unhandledRejection', pdfJsRejection);
  return (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
};

/**
 * On a damaged file pdf.js's in-process worker rejects promises of its own that no caller can await
 * (the caller gets the error through getDocument): those are let go; any other unhandled rejection
 * is thrown as before, so that it still ends the process.
 */
function pdfJsRejection(reason: unknown): void {
  const stack = reason instanceof Error ? (reason.stack ?? '') : '';
  if (/[\\/]pdfjs-dist[\\/]/.test(stack)) return;
  throw reason;
}
const pdfjsDir = () => dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function readPages(bytes: Uint8Array): Promise<PageText[]> {
  const { getDocument, OPS, Util } = await loadPdfJs();
  const dir = pdfjsDir();
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PlacedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        // Into the viewport's space: the page's rotation applied, y from the top.
        const [a, b, , , e, f] = Util.transform(viewport.transform, item.transform) as number[];
        const size = Math.hypot(a!, b!) || item.height;
        // Vertical or rotated text (a stamp, a side note) is not part of a table row.
        if (Math.abs(b!) > Math.abs(a!) * 0.1) continue;
        items.push({ text: foldRadicals(item.str), x: e!, y: f!, width: item.width * (viewport.scale || 1), size });
      }
      // The drawing operations: table borders, and images (a page of images and no text is a scan).
      const ops = await page.getOperatorList();
      let images = 0;
      const rules: Rule[] = [];
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const stack: Matrix[] = [];
      for (let k = 0; k < ops.fnArray.length; k++) {
        const fn = ops.fnArray[k];
        const args = ops.argsArray[k] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = Util.transform(ctm, args as number[]);
        else if (fn === OPS.paintFormXObjectBegin) {
          stack.push(ctm);
          if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = Util.transform(ctm, Array.from(args[0] as ArrayLike<number>));
        } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) images++;
        else if (fn === OPS.constructPath) {
          const [paint, data] = args as [number, ArrayLike<number>[] | null];
          const path = data?.[0];
          if (!path || paint === OPS.endPath) continue;
          const stroke = paint === OPS.stroke || paint === OPS.closeStroke || paint === OPS.fillStroke || paint === OPS.eoFillStroke;
          rules.push(...pathRules(path, stroke, Util.transform(viewport.transform, ctm)));
        }
      }
      pages.push({ page: n, width: viewport.width, height: viewport.height, items, images, rules });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  let pages: PageText[];
  try {
    pages = await readPages(bytes);
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') return { ok: false, ...rejection.pdfEncrypted() };
    return { ok: false, ...rejection.pdfDamaged((e as Error).message) };
  }
  const problem = textLayerRejection(pages);
  if (problem) return { ok: false, ...problem };
  return { ok: true, source: fromLines('pdf', pagesToLines(pages), pages.length) };
}

/** Why a PDF's text layer cannot give a report: none (a scan, or empty pages), or no real text. */
export function textLayerRejection(pages: readonly PageText[]): Rejection | null {
  const text = pages.map((p) => p.items.map((i) => i.text).join('')).join('').replace(/\s+/gu, '');
  if (text.length < 20 * pages.length) return pages.some((p) => p.images > 0) ? rejection.pdfScanned() : rejection.pdfNoText();
  const garbled = text.match(GARBLED)?.length ?? 0;
  if (garbled > text.length * 0.05 || !/[\u4e00-\u9fff]/u.test(text)) return rejection.pdfGarbled();
  return null;
}
