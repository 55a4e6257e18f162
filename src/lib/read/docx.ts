// The .docx front stage: word/document.xml read directly (fflate unzips, @xmldom/xmldom parses), so
// the tables are Word's own: w:tblGrid gives the grid, w:gridSpan a cell's columns, w:vMerge continue
// cells stand in the rows a cell spans (they are empty; the text sits in the restart cell), w:gridBefore
// skips leading grid columns. Read directly rather than through mammoth's HTML: every merge is kept
// as written, nothing is styled or dropped on the way, and it is a few times faster.
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { rejection } from '../parse/rejections.ts';
import { fromLines, type ReadResult } from './document.ts';
import { joinCellLines, tableLines, type SourceCell, type SourceLine } from './grid.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const isElement = (n: XmlNode): n is XmlElement => n.nodeType === 1;
const kids = (n: XmlNode): XmlElement[] => {
  const out: XmlElement[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (isElement(c)) out.push(c);
  return out;
};
const child = (n: XmlNode, name: string) => kids(n).find((c) => c.localName === name);
const val = (n: XmlElement | undefined) => n?.getAttributeNS(W, 'val') || n?.getAttribute('w:val') || '';

/** A paragraph's text as lines (w:br breaks a line); w:tab as `tab`. Field codes, deleted text and
 *  the drawing-markup twin of a text box (mc:Choice; its mc:Fallback is read) are not text. */
function paragraphLines(p: XmlElement, tab: string): string[] {
  const lines = [''];
  const visit = (n: XmlElement) => {
    for (const c of kids(n)) {
      switch (c.localName) {
        case 't':
          lines[lines.length - 1] += c.textContent ?? '';
          break;
        case 'tab':
          if (n.localName === 'r') lines[lines.length - 1] += tab;
          break;
        case 'br':
        case 'cr':
          lines.push('');
          break;
        case 'noBreakHyphen':
          lines[lines.length - 1] += '-';
          break;
        case 'del':
        case 'delText':
        case 'instrText':
        case 'Choice':
        case 'pPr':
        case 'rPr':
          break;
        default:
          visit(c);
      }
    }
  };
  visit(p);
  return lines;
}

/** Block content (paragraphs and tables) in document order, looking through content controls. */
function blocks(container: XmlElement): XmlElement[] {
  return kids(container).flatMap((c) => {
    if (c.localName === 'p' || c.localName === 'tbl') return [c];
    if (c.localName === 'sdt') return blocks(child(c, 'sdtContent') ?? c);
    if (c.localName === 'customXml' || c.localName === 'ins') return blocks(c);
    return [];
  });
}

/** A cell's paragraphs (and any table nested in it, row by row) as its lines. */
function cellLines(tc: XmlElement): string[] {
  return blocks(tc).flatMap((b) =>
    b.localName === 'p' ? paragraphLines(b, ' ') : tableRows(b).map((row) => row.map((c) => joinCellLines(c.lines)).filter(Boolean).join(' ')),
  );
}

function tableRows(tbl: XmlElement): SourceCell[][] {
  return kids(tbl)
    .filter((tr) => tr.localName === 'tr')
    .map((tr) => {
      const trPr = child(tr, 'trPr');
      const before = Number(val(trPr && child(trPr, 'gridBefore'))) || 0;
      const cells: SourceCell[] = before > 0 ? [{ lines: [], colSpan: before, rowSpan: 1 }] : [];
      const tcs = kids(tr).flatMap((c) => (c.localName === 'tc' ? [c] : c.localName === 'sdt' || c.localName === 'customXml' ? kids(child(c, 'sdtContent') ?? c).filter((t) => t.localName === 'tc') : []));
      for (const tc of tcs) {
        const tcPr = child(tc, 'tcPr');
        const colSpan = Number(val(tcPr && child(tcPr, 'gridSpan'))) || 1;
        const vMerge = tcPr && child(tcPr, 'vMerge');
        const hMerge = tcPr && child(tcPr, 'hMerge');
        // A continue cell of a vertical (or legacy horizontal) merge is a position of the cell above (or left).
        const continued = (vMerge && val(vMerge) !== 'restart') || (hMerge && val(hMerge) !== 'restart');
        cells.push({ lines: continued ? [] : cellLines(tc), colSpan, rowSpan: 1 });
      }
      return cells;
    });
}

/** word/document.xml as the report's lines. */
export function documentXmlLines(xml: string): SourceLine[] {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(xml, 'text/xml');
  const body = doc.documentElement && child(doc.documentElement, 'body');
  if (!body) throw new Error('word/document.xml has no w:body');
  const lines: SourceLine[] = [];
  let tables = 0;
  for (const b of blocks(body)) {
    if (b.localName === 'p') {
      for (const text of paragraphLines(b, '\t')) if (text.trim()) lines.push({ text: text.replace(/\u00a0/gu, ' ').replace(/[ \u3000]+$/u, '') });
    } else lines.push(...tableLines(tableRows(b), ++tables));
  }
  return lines;
}

export function readDocx(bytes: Uint8Array): ReadResult {
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
    const data = files['word/document.xml'];
    if (!data) return { ok: false, ...rejection.wordDamaged('.docx', 'word/document.xml is missing') };
    xml = new TextDecoder('utf-8').decode(data);
  } catch (e) {
    return { ok: false, ...rejection.wordDamaged('.docx', `the zip cannot be unpacked: ${(e as Error).message}`) };
  }
  let lines: SourceLine[];
  try {
    lines = documentXmlLines(xml);
  } catch (e) {
    return { ok: false, ...rejection.wordDamaged('.docx', `word/document.xml is not valid XML: ${(e as Error).message.split('\n')[0]}`) };
  }
  if (!lines.some((l) => /[\u4e00-\u9fff]/u.test(l.text))) return { ok: false, ...rejection.wordNoText() };
  return { ok: true, source: fromLines('docx', lines) };
}
