// A PDF file's objects: the cross-reference (tables or streams, with /Prev chains of incremental
// updates), objects in object streams, and stream data decoded (FlateDecode, PNG predictors). Whatever
// is damaged or unusual declines: PDFium repairs or rejects it.
import { inflateSync } from 'node:zlib';
import { inflateZlib } from './inflate.ts';
import { decline, EOF, isWhite, Lexer, Name, Op, PdfString, Ref, Stream, keywordAt, type Dict, type PdfObject } from './objects.ts';

/** Compressed streams up to this size are inflated by inflate.ts, larger ones by node:zlib. */
const SMALL_STREAM = Number(process.env.PDF_SMALL_STREAM ?? 2048);

/** Where the cross-reference places an object; `body`: where its value starts once checkOffsets has read "num gen obj" there (-1 before). */
type Entry = { kind: 'offset'; offset: number; gen: number; body: number } | { kind: 'compressed'; stream: number; index: number };

export class PdfFile {
  private readonly entries = new Map<number, Entry | null>();
  private readonly cache = new Map<number, PdfObject>();
  private readonly objStms = new Map<number, { lexer: Lexer; offsets: Map<number, number> }>();
  readonly trailer: Dict;

  readonly data: Uint8Array;

  constructor(data: Uint8Array) {
    this.data = plain(data);
    this.trailer = this.readXrefChain(startXref(data));
    if (this.trailer.has('Encrypt')) decline('an encrypted file');
  }

  /** An object with references followed (a chain of references too). */
  resolve(o: PdfObject | undefined): PdfObject {
    for (let hops = 0; o instanceof Ref; hops++) {
      if (hops > 32) decline('a reference loop');
      o = this.object(o.num);
    }
    return o ?? null;
  }

  get(d: Dict, key: string): PdfObject {
    return this.resolve(d.get(key));
  }

  dict(d: Dict, key: string): Dict | null {
    const v = this.get(d, key);
    if (v instanceof Stream) return v.dict;
    return v instanceof Map ? v : null;
  }

  number(d: Dict, key: string): number | null {
    const v = this.get(d, key);
    return typeof v === 'number' ? v : null;
  }

  name(d: Dict, key: string): string | null {
    const v = this.get(d, key);
    return v instanceof Name ? v.name : null;
  }

  array(d: Dict, key: string): PdfObject[] | null {
    const v = this.get(d, key);
    return Array.isArray(v) ? v : null;
  }

  object(num: number): PdfObject {
    // (Cached values are never undefined: one lookup, not has and get.)
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    const e = this.entries.get(num);
    // An object not in the cross-reference is null (7.3.10).
    let value: PdfObject = null;
    if (e?.kind === 'offset') value = this.objectAt(e.offset, num, e.gen, e.body);
    else if (e?.kind === 'compressed') value = this.compressedObject(e.stream, e.index, num);
    this.cache.set(num, value);
    return value;
  }

  /** "num gen obj … endobj" at an offset (from `body` on where that was read already); a stream's data taken by its /Length. */
  private objectAt(offset: number, num: number, gen: number, body = -1): PdfObject {
    const lx = new Lexer(this.data, body >= 0 ? body : offset);
    if (body < 0 && (lx.token() !== num || lx.token() !== gen || lx.token() !== Op.of('obj'))) decline(`object ${num} is not where the cross-reference says`);
    const value = lx.object();
    if (value === EOF || value instanceof Op) return decline(`object ${num} is malformed`);
    lx.skipWhite();
    if (value instanceof Map && keywordAt(this.data, lx.pos, 'stream')) return this.streamAfter(lx.pos + 6, value, num);
    if (!keywordAt(this.data, lx.pos, 'endobj')) decline(`object ${num} has no endobj`);
    return value as PdfObject;
  }

  private streamAfter(pos: number, dict: Dict, num: number): Stream {
    const d = this.data;
    if (d[pos] === 13) pos++;
    if (d[pos] !== 10) {
      if (d[pos - 1] !== 13) decline(`stream ${num} lacks its end of line`);
    } else pos++;
    const lengthObj = dict.get('Length');
    // A length held in an object of its own must not be the stream itself.
    const length = lengthObj instanceof Ref && lengthObj.num === num ? null : this.resolve(lengthObj);
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || pos + length > d.length) return decline(`stream ${num} has a bad length`);
    const lx = new Lexer(d, pos + length);
    lx.skipWhite();
    if (!keywordAt(d, lx.pos, 'endstream')) decline(`stream ${num} does not end at its length`);
    return new Stream(dict, d.subarray(pos, pos + length));
  }

  private compressedObject(stmNum: number, index: number, num: number): PdfObject {
    let stm = this.objStms.get(stmNum);
    if (!stm) {
      const s = this.object(stmNum);
      if (!(s instanceof Stream) || this.name(s.dict, 'Type') !== 'ObjStm') return decline(`object stream ${stmNum} is not one`);
      const n = this.number(s.dict, 'N');
      const first = this.number(s.dict, 'First');
      if (n === null || first === null) return decline('an object stream without /N or /First');
      const data = this.decode(s);
      const head = new Lexer(data);
      const offsets = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const objNum = head.token();
        const at = head.token();
        if (typeof objNum !== 'number' || typeof at !== 'number') return decline('a malformed object stream header');
        offsets.set(objNum, first + at);
      }
      stm = { lexer: new Lexer(data), offsets };
      this.objStms.set(stmNum, stm);
    }
    const at = stm.offsets.get(num);
    if (at === undefined) return decline(`object ${num} is not in its object stream (index ${index})`);
    stm.lexer.pos = at;
    const value = stm.lexer.object();
    if (value === EOF || value instanceof Op || value instanceof Stream) return decline(`object ${num} in an object stream is malformed`);
    return value as PdfObject;
  }

  /**
   * A stream's data with its filters undone; only FlateDecode (with predictors) is read here. With
   * `limit`: at least its first `limit` bytes where it has that many, maybe no more (a glyph
   * procedure's first operator), in a buffer the next inflate reuses: read them at once.
   */
  decode(s: Stream, limit = Infinity): Uint8Array {
    const filter = this.get(s.dict, 'Filter');
    const filters = (Array.isArray(filter) ? filter.map((f) => this.resolve(f)) : filter === null ? [] : [filter]) as PdfObject[];
    if (filters.length === 0) return s.raw;
    if (filters.length > 1 || !(filters[0] instanceof Name) || (filters[0].name !== 'FlateDecode' && filters[0].name !== 'Fl')) return decline(`a stream filter this reader does not read: ${String((filters[0] as Name)?.name)}`);
    let data: Uint8Array;
    try {
      // Node's zlib costs ~20 µs a call before any work: small streams (a Chromium-printed PDF has a
      // ToUnicode for each of its ~170 Type 3 fonts) inflate faster in JavaScript.
      data = s.raw.length <= SMALL_STREAM || Number.isFinite(limit) ? inflateZlib(s.raw, limit) : plain(inflateSync(s.raw));
    } catch {
      return decline('a damaged compressed stream');
    }
    let parms = this.get(s.dict, 'DecodeParms');
    if (Array.isArray(parms)) parms = this.resolve(parms[0]);
    if (parms instanceof Map) {
      if (Number.isFinite(limit)) return this.decode(s);
      data = unpredict(data, this, parms);
    }
    return data;
  }

  private readXrefChain(start: number): Dict {
    let trailer: Dict | null = null;
    const seen = new Set<number>();
    for (let at: number | null = start; at !== null; ) {
      if (seen.has(at) || seen.size > 64) decline('a cross-reference loop');
      seen.add(at);
      const section = this.readXrefSection(at);
      trailer ??= section;
      const prev = section.get('Prev');
      at = typeof prev === 'number' ? prev : null;
    }
    if (!trailer || !(trailer.get('Root') instanceof Ref)) return decline('no document catalogue');
    this.checkOffsets();
    return trailer;
  }

  /** One section (a table with its trailer, or a stream) into the entries; later sections win. */
  private readXrefSection(at: number): Dict {
    const d = this.data;
    if (at < 0 || at >= d.length) decline('startxref points outside the file');
    if (keywordAt(d, at, 'xref')) {
      const lx = new Lexer(d, at + 4);
      for (;;) {
        const t = lx.token();
        if (t === Op.of('trailer')) break;
        const count = lx.token();
        if (typeof t !== 'number' || typeof count !== 'number') return decline('a malformed cross-reference table');
        for (let i = 0; i < count; i++) {
          const offset = lx.token();
          const gen = lx.token();
          const kind = lx.token();
          if (typeof offset !== 'number' || typeof gen !== 'number' || (kind !== Op.of('n') && kind !== Op.of('f'))) return decline('a malformed cross-reference entry');
          const num = t + i;
          if (this.entries.has(num)) continue;
          this.entries.set(num, kind === Op.of('n') ? { kind: 'offset', offset, gen, body: -1 } : null);
        }
      }
      const trailer = lx.object();
      if (!(trailer instanceof Map)) return decline('a malformed trailer');
      // A hybrid file: its compressed objects listed in a stream beside the table.
      const stm = trailer.get('XRefStm');
      if (typeof stm === 'number') this.readXrefSection(stm);
      return trailer;
    }
    const lx = new Lexer(d, at);
    const num = lx.token();
    const gen = lx.token();
    if (typeof num !== 'number' || typeof gen !== 'number' || lx.token() !== Op.of('obj')) return decline('startxref points at neither a table nor a stream');
    const s = this.objectAt(at, num, gen);
    if (!(s instanceof Stream) || this.name(s.dict, 'Type') !== 'XRef') return decline('a cross-reference stream that is not one');
    this.readXrefStream(s);
    return s.dict;
  }

  private readXrefStream(s: Stream): void {
    const w = this.array(s.dict, 'W')?.map((v) => this.resolve(v));
    const size = this.number(s.dict, 'Size');
    if (!w || w.length !== 3 || !w.every((v) => typeof v === 'number' && v >= 0 && v <= 8) || size === null) return decline('a malformed cross-reference stream');
    const [w0, w1, w2] = w as [number, number, number];
    const index = (this.array(s.dict, 'Index') ?? [0, size]).map((v) => this.resolve(v));
    const data = this.decode(s);
    const width = w0 + w1 + w2;
    let p = 0;
    const field = (n: number, fallback: number) => {
      if (n === 0) return fallback;
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + data[p++]!;
      return v;
    };
    for (let k = 0; k + 1 < index.length; k += 2) {
      const first = index[k];
      const count = index[k + 1];
      if (typeof first !== 'number' || typeof count !== 'number') return decline('a malformed /Index');
      for (let i = 0; i < count; i++) {
        if (p + width > data.length) return decline('a short cross-reference stream');
        const type = field(w0, 1);
        const a = field(w1, 0);
        const b = field(w2, 0);
        const num = first + i;
        if (this.entries.has(num)) continue;
        if (type === 0) this.entries.set(num, null);
        else if (type === 1) this.entries.set(num, { kind: 'offset', offset: a, gen: b, body: -1 });
        else if (type === 2) this.entries.set(num, { kind: 'compressed', stream: a, index: b });
        else this.entries.set(num, null);
      }
    }
  }

  /** Every object the cross-reference places in the file starts there as "num gen obj". */
  private checkOffsets(): void {
    // forEach, not for…of: no [num, entry] pair made for each of a thousand objects.
    this.entries.forEach((e, num) => {
      if (e?.kind !== 'offset') return;
      const lx = new Lexer(this.data, e.offset);
      if (e.offset >= this.data.length || lx.token() !== num || lx.token() !== e.gen || lx.token() !== Op.of('obj')) decline(`object ${num} is not where the cross-reference says`);
      // Read once: object() starts from here.
      e.body = lx.pos;
    });
  }
}

/**
 * A plain Uint8Array over the same bytes (not a Buffer): the lexer then meets one kind of array only,
 * and its byte reads stay fast.
 */
const plain = (b: Uint8Array): Uint8Array => (b.constructor === Uint8Array ? b : new Uint8Array(b.buffer, b.byteOffset, b.byteLength));

/** The offset after the last "startxref" in the file's tail. */
function startXref(d: Uint8Array): number {
  const from = Math.max(0, d.length - 2048);
  for (let p = d.length - 9; p >= from; p--) {
    if (d[p] === 115 && keywordAt(d, p, 'startxref')) {
      const lx = new Lexer(d, p + 9);
      const at = lx.token();
      if (typeof at !== 'number' || !Number.isInteger(at)) return decline('a malformed startxref');
      let e = lx.pos;
      while (e < d.length && isWhite(d[e]!)) e++;
      if (d[e] !== 37 || d[e + 1] !== 37 || d[e + 2] !== 69) decline('no %%EOF after startxref');
      return at;
    }
  }
  return decline('no startxref');
}

/** PNG predictors (10–15) undone, row by row; TIFF predictors decline. */
export function unpredict(data: Uint8Array, file: PdfFile, parms: Dict): Uint8Array {
  const predictor = file.number(parms, 'Predictor') ?? 1;
  if (predictor === 1) return data;
  if (predictor < 10) return decline('a TIFF predictor');
  const colors = file.number(parms, 'Colors') ?? 1;
  const bits = file.number(parms, 'BitsPerComponent') ?? 8;
  const columns = file.number(parms, 'Columns') ?? 1;
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)]!;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLength + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLength + i - bpp]! : 0;
      let v: number;
      if (type === 0) v = raw;
      else if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else return decline('a bad PNG predictor row');
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

export { PdfString };
