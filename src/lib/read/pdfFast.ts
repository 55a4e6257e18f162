// The fast PDF reader: a reader of our own, in TypeScript, for the well-formed PDFs that make up nearly
// all reports (Word, WPS and LibreOffice exports, browsers' "Save as PDF"). PDFium spends ~50 ms a
// document opening pages (FPDF_LoadPage alone ~39 ms) for what this reads in a few: the characters with
// their positions, the straight lines drawn and the images painted, exactly as readPdfPages in
// pdfium.ts gives them. Whatever it does not read exactly it declines (throws Unsupported), and PDFium
// reads that file: encrypted, damaged and unusual files, fonts it cannot map to text.
import type { PageText } from './pdf.ts';
import { ContentReader } from './pdf/content.ts';
import { PdfFile } from './pdf/file.ts';
import type { Font } from './pdf/fonts.ts';
import { IDENTITY, joinRuns, type Matrix } from './pdf/layout.ts';
import { decline, Stream, type Dict, type PdfObject } from './pdf/objects.ts';

export { Unsupported } from './pdf/objects.ts';

/** Device space as readPdfPages sets it: tenths of a point, rounded (FPDF_PageToDevice). */
const SCALE = 10;

interface PageNode {
  dict: Dict;
  resources: Dict | null;
  mediaBox: PdfObject;
  cropBox: PdfObject;
  rotate: PdfObject;
}

/** Every page's text items, rules and images; throws Unsupported where PDFium must read the file. */
export function readPdfPagesFast(bytes: Uint8Array): PageText[] {
  const file = new PdfFile(bytes);
  const root = file.resolve(file.trailer.get('Root'));
  if (!(root instanceof Map)) return decline('no catalogue');
  const top = file.dict(root, 'Pages') ?? decline('no page tree');
  const pages = pageNodes(file, top);
  const count = file.number(top, 'Count');
  if (count !== pages.length) decline('a page count that disagrees with the page tree');
  const fonts = new Map<Dict, Font>();
  return pages.map((node, n) => readPage(file, fonts, node, n + 1));
}

/** The page tree's leaves in order, with what they inherit (7.7.3.4). */
function pageNodes(file: PdfFile, top: Dict): PageNode[] {
  const out: PageNode[] = [];
  const seen = new Set<Dict>();
  const walk = (node: Dict, inherited: Omit<PageNode, 'dict'>, depth: number) => {
    if (seen.has(node) || depth > 64) decline('a page tree loop');
    seen.add(node);
    const own = {
      resources: file.dict(node, 'Resources') ?? inherited.resources,
      mediaBox: node.has('MediaBox') ? file.get(node, 'MediaBox') : inherited.mediaBox,
      cropBox: node.has('CropBox') ? file.get(node, 'CropBox') : inherited.cropBox,
      rotate: node.has('Rotate') ? file.get(node, 'Rotate') : inherited.rotate,
    };
    const kids = file.array(node, 'Kids');
    const type = file.name(node, 'Type');
    if (type === 'Pages' || (type === null && kids)) {
      for (const k of kids ?? decline('a page tree node without kids')) {
        const kid = file.resolve(k);
        if (!(kid instanceof Map)) return decline('a page tree kid that is not a dictionary');
        walk(kid, own, depth + 1);
      }
    } else if (type === 'Page') out.push({ dict: node, ...own });
    else decline('a page tree node of unknown type');
  };
  walk(top, { resources: null, mediaBox: null, cropBox: null, rotate: null }, 0);
  return out;
}

/** A box as PDFium normalises it; null where absent or malformed. */
function box(file: PdfFile, o: PdfObject): [number, number, number, number] | null {
  if (!Array.isArray(o) || o.length !== 4) return null;
  const v = o.map((x) => file.resolve(x));
  if (!v.every((x) => typeof x === 'number')) return null;
  const [a, b, c, d] = (v as number[]).map(Math.fround) as [number, number, number, number];
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

/** PDFium's FXSYS_roundf: halves away from zero. */
const roundf = (v: number) => Math.sign(v) * Math.round(Math.abs(v));

function readPage(file: PdfFile, fonts: Map<Dict, Font>, node: PageNode, page: number): PageText {
  const rotate = node.rotate ?? 0;
  if (rotate !== 0) decline('a rotated page');
  let bbox = box(file, node.mediaBox);
  if (!bbox || bbox[2] - bbox[0] <= 0 || bbox[3] - bbox[1] <= 0) bbox = [0, 0, 612, 792];
  const crop = box(file, node.cropBox);
  if (crop && crop[2] > crop[0] && crop[3] > crop[1]) {
    bbox = [Math.max(bbox[0], crop[0]), Math.max(bbox[1], crop[1]), Math.min(bbox[2], crop[2]), Math.min(bbox[3], crop[3])];
    if (bbox[2] <= bbox[0] || bbox[3] <= bbox[1]) decline('a crop box outside the media box');
  }
  const [left, bottom, right, topY] = bbox;
  const width = Math.fround(right - left);
  const height = Math.fround(topY - bottom);
  // readPdfPages finds page-to-device space from three points FPDF_PageToDevice rounds to whole
  // tenths of a point; the same here.
  const w = Math.round(width * SCALE);
  const h = Math.round(height * SCALE);
  const at = (x: number, y: number): [number, number] => [roundf(((x - left) * w) / width) / SCALE, roundf(h - ((y - bottom) * h) / height) / SCALE];
  const [o, ex, ey] = [at(0, 0), at(width, 0), at(0, height)];
  const device: Matrix = [(ex[0] - o[0]) / width, (ex[1] - o[1]) / width, (ey[0] - o[0]) / height, (ey[1] - o[1]) / height, o[0], o[1]];
  const reader = new ContentReader(file, fonts, device);
  reader.run(contents(file, node.dict), node.resources, IDENTITY);
  const { chars, rules, images, invisible } = reader.result();
  return { page, width, height, items: joinRuns(chars), images, rules, invisible };
}

/** A page's content streams, decoded and joined by a line break (each ends at a token). */
function contents(file: PdfFile, page: Dict): Uint8Array {
  const c = file.get(page, 'Contents');
  const streams = (Array.isArray(c) ? c.map((s) => file.resolve(s)) : c === null ? [] : [c]) as PdfObject[];
  const parts = streams.map((s) => (s instanceof Stream ? file.decode(s) : decline('page contents that are not a stream')));
  if (parts.length === 1) return parts[0]!;
  const total = parts.reduce((n, p) => n + p.length + 1, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    out[at + p.length] = 10;
    at += p.length + 1;
  }
  return out;
}
