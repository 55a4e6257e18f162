// The .docx front stage: word/document.xml read directly (fflate unzips), so the tables are Word's own:
// w:gridSpan gives a cell's grid columns, w:vMerge continue cells stand in the rows a cell spans (they
// are empty; the text sits in the restart cell), w:gridBefore skips leading grid columns. Read directly
// rather than through mammoth's HTML: every merge is kept as written and nothing is restyled or dropped
// on the way. The XML is Word's machine-written WordprocessingML (no DTD, no custom entities), read by
// a small element scanner: a DOM parser (@xmldom/xmldom) took 80 ms per report, this takes a few.
import { unzipSync } from 'fflate';
import { rejection } from '../parse/rejections.ts';
import { fromLines, type ReadResult } from './document.ts';
import { joinCellLines, tableLines, type SourceCell, type SourceLine } from './grid.ts';

/** An element of document.xml: its local name (w:tbl → tbl), its w:val, its children and text. */
export interface XmlElement {
  localName: string;
  val: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );

/** Parses the XML into elements; throws on tags that do not nest (a truncated or damaged file). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { localName: '#root', val: '', children: [], text: '' };
  const stack: XmlElement[] = [root];
  const names: string[] = [''];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>/gu;
  let last = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const top = stack[stack.length - 1]!;
    if (m.index > last) top.text += decodeEntities(xml.slice(last, m.index));
    last = tag.lastIndex;
    if (m[4] !== undefined) top.text += m[4];
    if (!m[2]) continue;
    const name = m[2];
    if (m[1]) {
      if (names[names.length - 1] !== name) throw new Error(`</${name}> closes <${names[names.length - 1]}>`);
      stack.pop();
      names.pop();
      continue;
    }
    const attrs = m[3]!;
    const val = attrs.match(/\bw:val\s*=\s*(?:"([^"]*)"|'([^']*)')/u);
    const el: XmlElement = { localName: name.slice(name.indexOf(':') + 1), val: val ? (val[1] ?? val[2] ?? '') : '', children: [], text: '' };
    top.children.push(el);
    if (!attrs.endsWith('/')) {
      stack.push(el);
      names.push(name);
    }
  }
  if (stack.length > 1) throw new Error(`<${names[names.length - 1]}> is never closed (the file is cut short)`);
  return root;
}

const kids = (n: XmlElement) => n.children;
const child = (n: XmlElement, name: string) => n.children.find((c) => c.localName === name);
const val = (n: XmlElement | undefined) => n?.val ?? '';

/** A paragraph's text as lines (w:br breaks a line); w:tab as `tab`. Field codes, deleted text and
 *  the drawing-markup twin of a text box (mc:Choice; its mc:Fallback is read) are not text. */
function paragraphLines(p: XmlElement, tab: string): string[] {
  const lines = [''];
  const visit = (n: XmlElement) => {
    for (const c of kids(n)) {
      switch (c.localName) {
        case 't':
          lines[lines.length - 1] += c.text;
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
  const doc = parseXml(xml);
  const documentElement = doc.children.find((c) => c.localName === 'document');
  const body = documentElement && child(documentElement, 'body');
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
