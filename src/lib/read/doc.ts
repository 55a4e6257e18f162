// The .doc (Word 97-2003 binary) front stage: the same intermediate form as the .docx stage, from
// Word's own table structure. The compound file (OLE) is opened by SheetJS's `cfb`; the WordDocument
// stream is read here after [MS-DOC]: FIB → piece table (text) → paragraph properties (PAPX in FKPs)
// → the table sprms: which paragraphs are in a table, which ends a row, and the row's cell edges and
// merges (TDefTable, TVertMerge). Read ourselves because no npm reader keeps the table structure:
// word-extractor yields text only and lost row ends in wide tables (it read the TDefTable operand's
// 2-byte length as one byte), so cells shifted rows.
import CFB from 'cfb';
import { rejection } from '../parse/rejections.ts';
import { fromLines, type ReadResult } from './document.ts';
import { joinCellLines, tableLines, type SourceCell, type SourceLine } from './grid.ts';

/** Bytes read little-endian, with a clear error past the end (a cut or damaged file). */
class Bytes {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly view: DataView;
  constructor(bytes: Uint8Array, name: string) {
    this.bytes = bytes;
    this.name = name;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(at: number, size: number) {
    if (at < 0 || at + size > this.bytes.length) throw new Error(`${this.name} ends before offset ${at + size}`);
  }
  u8(at: number) {
    this.check(at, 1);
    return this.bytes[at]!;
  }
  u16(at: number) {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }
  i16(at: number) {
    this.check(at, 2);
    return this.view.getInt16(at, true);
  }
  u32(at: number) {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }
  slice(at: number, size: number) {
    this.check(at, size);
    return this.bytes.subarray(at, at + size);
  }
}

/** What the FIB (file information block) says about where things are. */
export interface Fib {
  encrypted: boolean;
  /** Which table stream holds the piece table and the PAPX index: 1Table or 0Table. */
  tableStream: '0Table' | '1Table';
  /** Characters of the main document (headers, footnotes and text boxes follow it). */
  ccpText: number;
  clx: { fc: number; lcb: number };
  plcfBtePapx: { fc: number; lcb: number };
}

const WORD_IDENT = 0xa5ec;
/** nFib of Word 97; Word 6 and 95 files (lower) lay out the FIB and their text differently. */
const WORD97 = 0xc1;

export class OlderWordError extends Error {
  constructor(nFib: number) {
    super(`a Word 6/95 file (nFib 0x${nFib.toString(16)})`);
  }
}

export function readFib(word: Bytes): Fib {
  if (word.u16(0) !== WORD_IDENT) throw new Error('the WordDocument stream does not start with a Word FIB');
  const flags = word.u16(0x0a);
  const nFib = word.u16(2);
  if (nFib < WORD97 && !(flags & 0x0100)) throw new OlderWordError(nFib);
  // fEncrypted, or fObfuscated (XOR "encryption"): either way the text cannot be read without the password.
  const encrypted = (flags & 0x0100) !== 0 || (flags & 0x8000) !== 0;
  const csw = word.u16(32);
  const lw = 34 + csw * 2; // cslw, then fibRgLw
  const cslw = word.u16(lw);
  const rgLw = lw + 2;
  const fcLcb = rgLw + cslw * 4 + 2; // after cbRgFcLcb
  const pair = (i: number) => ({ fc: word.u32(fcLcb + i * 8), lcb: word.u32(fcLcb + i * 8 + 4) });
  return {
    encrypted,
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
    ccpText: encrypted ? 0 : word.u32(rgLw + 12),
    clx: encrypted ? { fc: 0, lcb: 0 } : pair(33),
    plcfBtePapx: encrypted ? { fc: 0, lcb: 0 } : pair(13),
  };
}

/** A run of text in the piece table: CPs [cpStart, cpEnd) stored from byte `fc` of WordDocument. */
export interface Piece {
  cpStart: number;
  cpEnd: number;
  fc: number;
  /** 8-bit (Windows-1252) rather than UTF-16. */
  compressed: boolean;
  /** Paragraph/character properties the piece adds (a Prm pointing into the Clx's grpprls). */
  grpprl?: Uint8Array;
}

/** The Clx: property lists (Pcr) then the piece table (Pcdt: PlcPcd). */
export function readPieces(table: Bytes, clx: { fc: number; lcb: number }): Piece[] {
  const grpprls: Uint8Array[] = [];
  let at = clx.fc;
  const end = clx.fc + clx.lcb;
  while (at < end && table.u8(at) === 0x01) {
    const cb = table.u16(at + 1);
    grpprls.push(table.slice(at + 3, cb));
    at += 3 + cb;
  }
  if (at >= end || table.u8(at) !== 0x02) throw new Error('the piece table (Clx) is missing');
  const lcb = table.u32(at + 1);
  const plc = at + 5;
  const n = (lcb - 4) / 12;
  if (!Number.isInteger(n) || n < 1) throw new Error(`the piece table has a bad size (${lcb})`);
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const pcd = plc + (n + 1) * 4 + i * 8;
    const fcCompressed = table.u32(pcd + 2);
    const prm = table.u16(pcd + 6);
    const compressed = (fcCompressed & 0x40000000) !== 0;
    const fcRaw = fcCompressed & 0x3fffffff;
    const grpprl = prm & 1 ? grpprls[prm >> 1] : undefined;
    pieces.push({ cpStart: table.u32(plc + i * 4), cpEnd: table.u32(plc + (i + 1) * 4), fc: compressed ? fcRaw / 2 : fcRaw, compressed, ...(grpprl ? { grpprl } : {}) });
  }
  return pieces;
}

/** The main document's characters, each with the byte (FC) it is stored at and its piece. */
export function documentChars(word: Bytes, pieces: readonly Piece[], ccpText: number): { text: string; fcs: Int32Array; piece: Int32Array } {
  const latin = new TextDecoder('windows-1252');
  const utf16 = new TextDecoder('utf-16le');
  let text = '';
  const fcs = new Int32Array(ccpText);
  const pieceOf = new Int32Array(ccpText);
  pieces.forEach((p, k) => {
    const from = Math.max(p.cpStart, 0);
    const to = Math.min(p.cpEnd, ccpText);
    if (to <= from) return;
    const width = p.compressed ? 1 : 2;
    const start = p.fc + (from - p.cpStart) * width;
    const raw = word.slice(start, (to - from) * width);
    text += (p.compressed ? latin : utf16).decode(raw);
    for (let cp = from; cp < to; cp++) {
      fcs[cp] = start + (cp - from) * width;
      pieceOf[cp] = k;
    }
  });
  if (text.length < ccpText) throw new Error(`the piece table covers ${text.length} of the ${ccpText} characters`);
  return { text, fcs, piece: pieceOf };
}

/** A single property modifier (sprm) and its operand. */
export interface Sprm {
  code: number;
  operand: Uint8Array;
}

const sprmTDefTable = 0xd608;
const sprmPChgTabs = 0xc615;

/** A grpprl as its sprms. The operand size is in the sprm's top 3 bits (spra); 6 means variable, with
 *  the size in the first byte, except TDefTable (2 bytes: the rest's size + 1) and a PChgTabs of 255. */
export function parseSprms(grpprl: Uint8Array): Sprm[] {
  const b = new Bytes(grpprl, 'a property list (grpprl)');
  const out: Sprm[] = [];
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const code = b.u16(at);
    at += 2;
    const spra = code >> 13;
    let start = at;
    let size: number;
    if (spra === 6) {
      if (code === sprmTDefTable) {
        size = b.u16(at) - 1;
        start = at + 2;
      } else if (code === sprmPChgTabs && b.u8(at) === 255) {
        const del = b.u8(at + 1);
        const add = b.u8(at + 2 + del * 4);
        size = 1 + del * 4 + 1 + add * 3;
        start = at + 1;
      } else {
        size = b.u8(at);
        start = at + 1;
      }
    } else size = [1, 1, 2, 4, 2, 2, 0, 3][spra]!;
    if (start + size > grpprl.length) break; // a cut list: the sprms read so far stand
    out.push({ code, operand: grpprl.subarray(start, start + size) });
    at = start + size;
  }
  return out;
}

/** The PAPX FKPs: for a paragraph mark's FC, its paragraph properties (grpprl after the style). */
export function papxLookup(word: Bytes, table: Bytes, data: Bytes | undefined, plc: { fc: number; lcb: number }): (fc: number) => Uint8Array {
  const n = (plc.lcb - 4) / 8;
  if (!Number.isInteger(n) || n < 0) throw new Error(`the paragraph property index (PlcBtePapx) has a bad size (${plc.lcb})`);
  const aFc = Array.from({ length: n + 1 }, (_, i) => table.u32(plc.fc + i * 4));
  const pns = Array.from({ length: n }, (_, i) => table.u32(plc.fc + (n + 1) * 4 + i * 4) & 0x3fffff);
  const empty = new Uint8Array(0);
  return (fc) => {
    let i = n - 1;
    while (i >= 0 && aFc[i]! > fc) i--;
    if (i < 0 || fc >= aFc[n]!) return empty;
    const page = pns[i]! * 512;
    const crun = word.u8(page + 511);
    let j = crun - 1;
    while (j >= 0 && word.u32(page + j * 4) > fc) j--;
    if (j < 0 || fc >= word.u32(page + crun * 4)) return empty;
    const bOffset = word.u8(page + (crun + 1) * 4 + j * 13);
    if (bOffset === 0) return empty;
    let at = page + bOffset * 2;
    let cb = word.u8(at) * 2 - 1;
    at += 1;
    if (cb === -1) {
      cb = word.u8(at) * 2;
      at += 1;
    }
    const grpprl = word.slice(at + 2, Math.max(0, cb - 2)); // after the style index (istd)
    // A TAP too big for the page lives in the Data stream (sprmPHugePapx).
    const huge = parseSprms(grpprl).find((s) => s.code === 0x6646);
    if (huge && data) {
      const offset = new Bytes(huge.operand, 'sprmPHugePapx').u32(0);
      return data.slice(offset + 2, data.u16(offset));
    }
    return grpprl;
  };
}

/** What a paragraph's properties say about the table it is in. */
export interface TableMark {
  /** Table depth: 0 not in a table, 1 a table of the body, 2+ nested. */
  depth: number;
  /** The paragraph ends a row (TTP) at its depth. */
  rowEnd: boolean;
  /** The paragraph ends a cell of a nested table (depth ≥ 2 uses 0x0D, not 0x07, for that). */
  innerCellEnd: boolean;
  /** For a row end: the row's cells left to right, with their left and right edges (twips) and merges. */
  cells?: RowCell[];
}

export interface RowCell {
  left: number;
  right: number;
  /** The cell continues the merged cell to its left (legacy horizontal merge: fMerged). */
  mergedLeft: boolean;
  /** The cell continues the merged cell above it (vertical merge, not its first cell). */
  mergedAbove: boolean;
}

export function tableMark(sprms: readonly Sprm[]): TableMark {
  let inTable = false;
  let ttp = false;
  let itap: number | undefined;
  let innerCell = false;
  let innerTtp = false;
  let cells: RowCell[] | undefined;
  for (const { code, operand } of sprms) {
    const b = new Bytes(operand, 'a table property');
    switch (code) {
      case 0x2416: // sprmPFInTable
        inTable = operand[0] !== 0;
        break;
      case 0x2417: // sprmPFTtp
        ttp = operand[0] !== 0;
        break;
      case 0x6649: // sprmPItap
        itap = b.u32(0);
        break;
      case 0x244b: // sprmPFInnerTableCell
        innerCell = operand[0] !== 0;
        break;
      case 0x244c: // sprmPFInnerTtp
        innerTtp = operand[0] !== 0;
        break;
      case sprmTDefTable: {
        const count = b.u8(0);
        const edges = Array.from({ length: count + 1 }, (_, i) => b.i16(1 + i * 2));
        const tcAt = 1 + (count + 1) * 2;
        cells = Array.from({ length: count }, (_, i) => {
          // TC80: tcgrf bits 0-1 horzMerge (1 first, 2/3 merged), bits 5-6 vertMerge (1 continue, 3 restart).
          const tcgrf = tcAt + i * 20 + 2 <= operand.length ? b.u16(tcAt + i * 20) : 0;
          return { left: edges[i]!, right: edges[i + 1]!, mergedLeft: (tcgrf & 3) >= 2, mergedAbove: ((tcgrf >> 5) & 3) === 1 };
        });
        break;
      }
      case 0xd62b: // sprmTVertMerge: itc, flag (1 continue, 3 restart)
        if (cells && cells[operand[0]!]) cells[operand[0]!]!.mergedAbove = operand[1] === 1;
        break;
      case 0x5624: {
        // sprmTMerge: cells [first, lim) become one
        for (let i = operand[0]! + 1; i < operand[1]! && cells && i < cells.length; i++) cells[i]!.mergedLeft = true;
        break;
      }
    }
  }
  const depth = itap ?? (inTable ? 1 : 0);
  return { depth, rowEnd: depth >= 2 ? innerTtp : ttp, innerCellEnd: depth >= 2 && innerCell && !innerTtp, ...(cells ? { cells } : {}) };
}

/** A paragraph of the main document: its characters (without the mark) and what ended it. */
export interface DocParagraph {
  chars: string;
  /** 0x0D paragraph, 0x07 table cell or row end. */
  mark: string;
  table: TableMark;
}

/** The characters as paragraphs, each with its table mark (from its mark's PAPX and its piece's Prm). */
export function paragraphs(text: string, fcs: Int32Array, pieceOf: Int32Array, pieces: readonly Piece[], papx: (fc: number) => Uint8Array): DocParagraph[] {
  const out: DocParagraph[] = [];
  let start = 0;
  for (let cp = 0; cp < text.length; cp++) {
    const c = text[cp]!;
    if (c !== '\r' && c !== '\u0007') continue;
    const piece = pieces[pieceOf[cp]!]!;
    const sprms = [...parseSprms(papx(fcs[cp]!)), ...(piece.grpprl ? parseSprms(piece.grpprl) : [])];
    out.push({ chars: text.slice(start, cp), mark: c, table: tableMark(sprms) });
    start = cp + 1;
  }
  if (start < text.length && text.slice(start).trim()) out.push({ chars: text.slice(start), mark: '\r', table: { depth: 0, rowEnd: false, innerCellEnd: false } });
  return out;
}

/** A paragraph's characters as lines: field codes dropped (their results kept), 0x0B and page breaks
 *  end a line, tabs become `tab`, Word's special characters (pictures, note marks) dropped. */
export function paragraphLines(chars: string, tab: string): string[] {
  const lines = [''];
  const fields: ('code' | 'result')[] = [];
  for (const c of chars) {
    if (c === '\u0013') fields.push('code');
    else if (c === '\u0014') {
      if (fields.length) fields[fields.length - 1] = 'result';
    } else if (c === '\u0015') fields.pop();
    else if (fields.includes('code')) continue;
    else if (c === '\u000b' || c === '\u000c') lines.push('');
    else if (c === '\t') lines[lines.length - 1] += tab;
    else if (c === '\u001e') lines[lines.length - 1] += '-'; // non-breaking hyphen
    else if (c < ' ') continue;
    else lines[lines.length - 1] += c;
  }
  return lines;
}

/** Edges closer than this (twips, 1/1440 inch) are one grid line: rows of a table differ by rounding. */
const EDGE_TOLERANCE = 10;

/** The table's grid lines: every cell edge of every row, close ones taken as one. */
function gridEdges(rows: readonly { cells?: RowCell[] }[]): number[] {
  const edges = [...new Set(rows.flatMap((r) => (r.cells ?? []).flatMap((c) => [c.left, c.right])))].sort((a, b) => a - b);
  return edges.filter((e, i) => i === 0 || e - edges[i - 1]! > EDGE_TOLERANCE);
}
const gridIndex = (edges: readonly number[], x: number) => {
  let best = 0;
  for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i]! - x) < Math.abs(edges[best]! - x)) best = i;
  return best;
};

interface RawRow {
  texts: string[][];
  cells?: RowCell[];
}

/** A table's rows onto its grid: a cell spans the grid columns between its edges; a cell merged into
 *  the one to its left widens that one; a continue cell of a vertical merge is an empty position. */
function gridRows(rows: readonly RawRow[]): SourceCell[][] {
  const edges = gridEdges(rows);
  return rows.map((row) => {
    const out: SourceCell[] = [];
    const defs = row.cells && row.cells.length === row.texts.length ? row.cells : undefined;
    if (defs && defs.length && edges.length > 1) {
      const before = gridIndex(edges, defs[0]!.left);
      if (before > 0) out.push({ lines: [], colSpan: before, rowSpan: 1 });
    }
    row.texts.forEach((lines, i) => {
      const def = defs?.[i];
      const colSpan = def && edges.length > 1 ? Math.max(1, gridIndex(edges, def.right) - gridIndex(edges, def.left)) : 1;
      if (def?.mergedLeft && out.length) {
        out[out.length - 1]!.colSpan += colSpan;
        return;
      }
      out.push({ lines: def?.mergedAbove ? [] : lines, colSpan, rowSpan: 1 });
    });
    return out;
  });
}

/** The document's paragraphs as the report's lines: body paragraphs as they are, each table's rows in
 *  the tab form with their origins (table n, row r), nested tables as text inside their outer cell. */
export function documentLines(paras: readonly DocParagraph[]): SourceLine[] {
  const lines: SourceLine[] = [];
  let tables = 0;
  let rows: RawRow[] = [];
  let cell: string[] = [];
  let texts: string[][] = [];
  // A nested table's row, cell by cell, becomes one line of the outer cell (as the .docx stage does).
  let innerRow: string[] = [];
  let innerCell: string[] = [];
  const endTable = () => {
    // Cells after the last row end (a table cut off by damage) are a row of their own, not dropped.
    if (cell.some((l) => l.trim())) texts.push(cell);
    if (texts.length) rows.push({ texts });
    cell = [];
    texts = [];
    if (!rows.length) return;
    lines.push(...tableLines(gridRows(rows), ++tables));
    rows = [];
  };
  for (const p of paras) {
    const { depth } = p.table;
    if (depth === 0) {
      endTable();
      for (const text of paragraphLines(p.chars, '\t')) if (text.trim()) lines.push({ text: text.replace(/\u00a0/gu, ' ').replace(/[ \u3000]+$/u, '') });
      continue;
    }
    if (depth >= 2) {
      if (p.table.rowEnd) {
        cell.push(innerRow.filter(Boolean).join(' '));
        innerRow = [];
        innerCell = [];
        continue;
      }
      innerCell.push(...paragraphLines(p.chars, ' '));
      if (p.table.innerCellEnd) {
        innerRow.push(joinCellLines(innerCell));
        innerCell = [];
      }
      continue;
    }
    if (p.table.rowEnd) {
      rows.push({ texts, ...(p.table.cells ? { cells: p.table.cells } : {}) });
      texts = [];
      cell = [];
      continue;
    }
    cell.push(...paragraphLines(p.chars, ' '));
    if (p.mark === '\u0007') {
      texts.push(cell);
      cell = [];
    }
  }
  endTable();
  return lines;
}

/** The compound file's directory, or why it cannot be opened (cfb throws plain TypeErrors on a cut file). */
export function openCompoundFile(bytes: Uint8Array): CFB.CFB$Container | string {
  try {
    // As a Buffer: cfb copies a plain Uint8Array's sectors into arrays byte by byte (5× slower).
    const cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
    return cfb.FileIndex?.length ? cfb : 'its compound-file directory is empty';
  } catch {
    return 'its compound-file structure is broken: the file is probably cut short';
  }
}

function streams(bytes: Uint8Array): { word: Bytes; table: (name: string) => Bytes | undefined; data?: Bytes } {
  const cfb = openCompoundFile(bytes);
  if (typeof cfb === 'string') throw new Error(cfb);
  const get = (name: string) => {
    const entry = CFB.find(cfb, name);
    return entry?.content ? new Bytes(entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content), `the ${name} stream`) : undefined;
  };
  const word = get('WordDocument');
  if (!word) throw new Error('it has no WordDocument stream');
  const data = get('Data');
  return { word, table: get, ...(data ? { data } : {}) };
}

/** A .doc's bytes as the report's lines (throws on a damaged file); `encrypted` when it needs a password. */
export function docLines(bytes: Uint8Array): { encrypted: true } | { encrypted: false; lines: SourceLine[] } {
  const { word, table: tableStream, data } = streams(bytes);
  const fib = readFib(word);
  if (fib.encrypted) return { encrypted: true };
  const table = tableStream(fib.tableStream);
  if (!table) throw new Error(`its ${fib.tableStream} stream is missing`);
  const pieces = readPieces(table, fib.clx);
  // Each character takes a byte at least: a larger count is a damaged FIB (and no huge allocation).
  if (fib.ccpText > word.bytes.length) throw new Error(`the FIB counts ${fib.ccpText} characters in a ${word.bytes.length}-byte stream`);
  const { text, fcs, piece } = documentChars(word, pieces, fib.ccpText);
  const papx = papxLookup(word, table, data, fib.plcfBtePapx);
  return { encrypted: false, lines: documentLines(paragraphs(text, fcs, piece, pieces, papx)) };
}

export function readDoc(bytes: Uint8Array): ReadResult {
  let read: ReturnType<typeof docLines>;
  try {
    read = docLines(bytes);
  } catch (e) {
    if (e instanceof OlderWordError) return { ok: false, ...rejection.wordTooOld() };
    return { ok: false, ...rejection.wordDamaged('.doc', (e as Error).message) };
  }
  if (read.encrypted) return { ok: false, ...rejection.wordEncrypted() };
  if (!read.lines.some((l) => /[\u4e00-\u9fff]/u.test(l.text))) return { ok: false, ...rejection.wordNoText() };
  return { ok: true, source: fromLines('doc', read.lines) };
}
