// The fallback PDF engine: PDFium (the PDF reader of Chrome, by Foxit and Google) compiled to
// WebAssembly, from the npm package @embedpdf/pdfium. Our own reader (pdfFast.ts) reads the common,
// well-formed files first and declines the rest; PDFium reads those: encrypted, damaged and scanned
// files (and rejects them as before), fonts not embedded or without usable metrics (LibreOffice's
// exports), Type 3 glyphs it cannot measure, filters other than FlateDecode. It replaced Mozilla's pdf.js here because reading a report's text and
// drawn lines took pdf.js 150–300 ms (it compiles every embedded font for rendering), PDFium a fifth of
// that; but PDFium's FPDF_LoadPage alone costs ~39 ms a document (README, Figures). Its output is what
// the fast reader matches: per page, text items with their positions and the straight lines drawn,
// top-left origin, in points.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PageText, PlacedText } from './pdf.ts';
import { charText, joinRuns, multiply, subpathRules, type Matrix, type Subpath } from './pdf/layout.ts';
import { radicalFolded } from './radicals.ts';
import type { Rule } from './ruled.ts';

type Pdfium = Awaited<ReturnType<typeof import('@embedpdf/pdfium').init>>;

let engine: Promise<Pdfium> | undefined;

/** PDFium, started once per process (a thread of the ingest's pool is a process here). */
export function pdfium(): Promise<Pdfium> {
  engine ??= (async () => {
    const { init } = await import('@embedpdf/pdfium');
    const file = readFileSync(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm'));
    const wasmBinary = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    const m = await init({ wasmBinary });
    m.PDFiumExt_Init();
    return m;
  })();
  return engine;
}

/** Why PDFium could not open a document (FPDF_GetLastError). */
export class PdfOpenError extends Error {
  readonly code: 'password' | 'damaged';
  constructor(code: 'password' | 'damaged') {
    super(code === 'password' ? 'the PDF needs a password' : 'the PDF cannot be opened');
    this.code = code;
  }
}

const OBJ_TEXT = 1;
const OBJ_PATH = 2;
const OBJ_IMAGE = 3;
const OBJ_FORM = 5;
const SEG_BEZIER = 1;
const SEG_MOVETO = 2;
const FPDF_ERR_PASSWORD = 4;

/** Device space: the page as displayed (its rotation applied), y down, in tenths of a point. */
const SCALE = 10;

/** The C functions called per page, character, object or segment (numbers and pointers only). */
type Call =
  | 'FPDF_GetPageCount'
  | 'FPDF_LoadPage'
  | 'FPDF_ClosePage'
  | 'FPDF_GetPageWidthF'
  | 'FPDF_GetPageHeightF'
  | 'FPDF_PageToDevice'
  | 'FPDFText_LoadPage'
  | 'FPDFText_ClosePage'
  | 'FPDFText_CountChars'
  | 'FPDFText_IsGenerated'
  | 'FPDFText_GetUnicode'
  | 'FPDFText_GetLooseCharBox'
  | 'FPDFText_GetCharOrigin'
  | 'FPDFText_GetTextObject'
  | 'FPDFTextObj_GetTextRenderMode'
  | 'FPDFPage_CountObjects'
  | 'FPDFPage_GetObject'
  | 'FPDFPageObj_GetType'
  | 'FPDFPageObj_GetMatrix'
  | 'FPDFFormObj_CountObjects'
  | 'FPDFFormObj_GetObject'
  | 'FPDFPath_GetDrawMode'
  | 'FPDFPath_CountSegments'
  | 'FPDFPath_GetPathSegment'
  | 'FPDFPathSegment_GetPoint'
  | 'FPDFPathSegment_GetType';

/**
 * PDFium's C functions as the WebAssembly instance exports them. The package's `_FPDF…` functions wrap
 * each in a checking closure (argument count, a spread) that costs more than these short calls.
 */
const wasmCalls = (m: Pdfium) => (m.pdfium as unknown as { wasmExports: Record<Call, (...args: number[]) => number> }).wasmExports;

/** Every page's text items and rules. Throws PdfOpenError where the document cannot be opened. */
export async function readPdfPages(bytes: Uint8Array): Promise<PageText[]> {
  const m = await pdfium();
  const heap = m.pdfium;
  const data = heap._malloc(bytes.length);
  heap.HEAPU8.set(bytes, data);
  // Scratch for out-parameters: four doubles, two ints.
  const out = heap._malloc(48);
  const f32 = (i: number) => heap.HEAPF32[(out >> 2) + i]!;
  const i32 = (i: number) => heap.HEAP32[(out >> 2) + i]!;
  const doc = m.FPDF_LoadMemDocument(data, bytes.length, '');
  const call = wasmCalls(m);
  try {
    if (!doc) throw new PdfOpenError(m.FPDF_GetLastError() === FPDF_ERR_PASSWORD ? 'password' : 'damaged');
    const pages: PageText[] = [];
    const count = call.FPDF_GetPageCount(doc);
    for (let n = 0; n < count; n++) {
      const page = call.FPDF_LoadPage(doc, n);
      if (!page) throw new PdfOpenError('damaged');
      try {
        // The page as shown: PDFium's width and height are after its /Rotate, and so is its display
        // matrix (FPDF_PageToDevice's own rotation would turn it again).
        const width = call.FPDF_GetPageWidthF(page);
        const height = call.FPDF_GetPageHeightF(page);
        // Page to device space is affine: found once from three points, then applied per character
        // without a call into PDFium.
        const at = (x: number, y: number): [number, number] => {
          call.FPDF_PageToDevice(page, 0, 0, Math.round(width * SCALE), Math.round(height * SCALE), 0, x, y, out + 32, out + 36);
          return [i32(8) / SCALE, i32(9) / SCALE];
        };
        const [o, ex, ey] = [at(0, 0), at(width, 0), at(0, height)];
        const t = [(ex[0] - o[0]) / width, (ex[1] - o[1]) / width, (ey[0] - o[0]) / height, (ey[1] - o[1]) / height, o[0], o[1]];
        const device = (x: number, y: number): [number, number] => [t[0]! * x + t[2]! * y + t[4]!, t[1]! * x + t[3]! * y + t[5]!];
        const { items, invisible } = textItems(m, page, t, out);
        const { rules, images } = drawn(m, page, f32, device, out);
        pages.push({ page: n + 1, width, height, items, images, rules, invisible });
      } finally {
        call.FPDF_ClosePage(page);
      }
    }
    return pages;
  } finally {
    if (doc) m.FPDF_CloseDocument(doc);
    heap._free(out);
    heap._free(data);
  }
}

/** Text render modes that draw nothing: invisible (3), and invisible added to the clip (7). */
const INVISIBLE = new Set([3, 7]);

/**
 * The page's characters as text items: characters on one baseline that touch, joined (PDFium reports
 * characters one by one, and not always in reading order: Chromium's PDFs interleave them); and how
 * many of them (spaces aside) are drawn invisible.
 */
function textItems(m: Pdfium, page: number, t: Matrix, out: number): { items: PlacedText[]; invisible: number } {
  const call = wasmCalls(m);
  const text = call.FPDFText_LoadPage(page);
  const chars: PlacedText[] = [];
  let invisible = 0;
  const heap = m.pdfium;
  try {
    const count = call.FPDFText_CountChars(text);
    const [a, b, c, d, e, f] = t as [number, number, number, number, number, number];
    for (let k = 0; k < count; k++) {
      // Spaces and line breaks PDFium inserts on its own guess are not the document's.
      if (call.FPDFText_IsGenerated(text, k) === 1) continue;
      const code = call.FPDFText_GetUnicode(text, k);
      const ch = code > 0 ? radicalFolded(code) : '';
      if (!/^[\s\u0000]*$/u.test(ch) && INVISIBLE.has(call.FPDFTextObj_GetTextRenderMode(call.FPDFText_GetTextObject(text, k)))) invisible++;
      // The loose box: the glyph's advance across, the font's ascent to descent up (the font size PDFium
      // reports is in the font's own space, not the page's). Glyph boxes are narrower (、 is a dot).
      if (!call.FPDFText_GetLooseCharBox(text, k, out + 32)) continue;
      const box = (out + 32) >> 2;
      const f32 = heap.HEAPF32;
      const left = f32[box]!;
      const top = f32[box + 1]!;
      const right = f32[box + 2]!;
      const bottom = f32[box + 3]!;
      call.FPDFText_GetCharOrigin(text, k, out, out + 8);
      const ox = heap.HEAPF64[out >> 3]!;
      const oy = heap.HEAPF64[(out >> 3) + 1]!;
      // A space the document prints stays as a gap: it keeps two figures apart.
      if (b === 0 && c === 0) {
        // Page to device space (readPdfPages), written out: no arrays per character.
        const x1 = a * left + e;
        const x2 = a * right + e;
        chars.push({ text: charText(ch), x: Math.min(x1, x2), y: d * oy + f, width: Math.abs(x2 - x1), size: Math.abs(top - bottom) });
      } else {
        // A page shown turned a quarter (/Rotate 90 or 270): the box's page y is the device's x, its
        // page x the device's y; the baseline is where the origin lands. The height to a thousandth of a
        // point: PDFium's box is in float32, whose noise far from the page's corner (9.999996 for 10)
        // would change the spaces read between words.
        const x1 = c * bottom + e;
        const x2 = c * top + e;
        const size = Math.round(Math.abs(b * (right - left)) * 1000) / 1000;
        chars.push({ text: charText(ch), x: Math.min(x1, x2), y: b * ox + f, width: Math.abs(x2 - x1), size });
      }
    }
  } finally {
    call.FPDFText_ClosePage(text);
  }
  return { items: joinRuns(chars), invisible };
}

/** The straight lines drawn on the page (and in its forms), and how many images it paints. */
function drawn(m: Pdfium, page: number, f32: (i: number) => number, device: (x: number, y: number) => [number, number], out: number) {
  const rules: Rule[] = [];
  let images = 0;
  const call = wasmCalls(m);
  const visit = (obj: number, parent: number[]) => {
    const type = call.FPDFPageObj_GetType(obj);
    if (type === OBJ_IMAGE) images++;
    else if (type === OBJ_FORM) {
      const matrix = objectMatrix(m, obj, f32, out, parent);
      const n = call.FPDFFormObj_CountObjects(obj);
      for (let i = 0; i < n; i++) visit(call.FPDFFormObj_GetObject(obj, i), matrix);
    } else if (type === OBJ_PATH) rules.push(...pathRules(m, obj, f32, device, out, objectMatrix(m, obj, f32, out, parent)));
    else if (type === OBJ_TEXT) return;
  };
  const n = call.FPDFPage_CountObjects(page);
  for (let i = 0; i < n; i++) visit(call.FPDFPage_GetObject(page, i), [1, 0, 0, 1, 0, 0]);
  return { rules, images };
}

/** An object's matrix within its parent's (a form's objects are placed by the form's matrix). */
function objectMatrix(m: Pdfium, obj: number, f32: (i: number) => number, out: number, parent: Matrix): Matrix {
  if (!wasmCalls(m).FPDFPageObj_GetMatrix(obj, out)) return parent;
  return multiply([f32(0), f32(1), f32(2), f32(3), f32(4), f32(5)], parent);
}

/** Axis-aligned edges of a path: each straight segment that is level or plumb, thin filled rectangles as lines. */
function pathRules(m: Pdfium, obj: number, f32: (i: number) => number, device: (x: number, y: number) => [number, number], out: number, matrix: Matrix): Rule[] {
  // FPDFPath_GetDrawMode: fill mode (0 none) and whether stroked.
  const call = wasmCalls(m);
  call.FPDFPath_GetDrawMode(obj, out, out + 4);
  const stroke = m.pdfium.HEAP32[(out + 4) >> 2] !== 0;
  const subpaths: Subpath[] = [];
  const n = call.FPDFPath_CountSegments(obj);
  for (let i = 0; i < n; i++) {
    const seg = call.FPDFPath_GetPathSegment(obj, i);
    if (!call.FPDFPathSegment_GetPoint(seg, out, out + 4)) continue;
    const x = f32(0);
    const y = f32(1);
    const p = device(matrix[0]! * x + matrix[2]! * y + matrix[4]!, matrix[1]! * x + matrix[3]! * y + matrix[5]!);
    const type = call.FPDFPathSegment_GetType(seg);
    if (type === SEG_MOVETO || subpaths.length === 0) subpaths.push({ points: [p], curved: false });
    else subpaths.at(-1)!.points.push(p);
    // A curve (a rounded corner, a seal): no rule.
    if (type === SEG_BEZIER) subpaths.at(-1)!.curved = true;
  }
  return subpathRules(subpaths, stroke);
}
