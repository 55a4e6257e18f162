// PDF objects and the lexer that reads them (ISO 32000-1, 7.2–7.3), for the fast reader. Anything this
// reader does not handle exactly throws Unsupported: the caller then reads the file with PDFium.

/** Thrown where the fast reader declines a file: PDFium reads it instead (and rejects it if it must). */
export class Unsupported extends Error {
  constructor(what: string) {
    super(`fast PDF reader: ${what}`);
    this.name = 'Unsupported';
  }
}

export const decline = (what: string): never => {
  throw new Unsupported(what);
};

export class Name {
  private static readonly known = new Map<string, Name>();
  readonly name: string;
  private constructor(name: string) {
    this.name = name;
  }
  /** One instance per name: names compare with ===. */
  static of(name: string): Name {
    let n = Name.known.get(name);
    if (!n) Name.known.set(name, (n = new Name(name)));
    return n;
  }
}

/** A string's bytes (literal or hexadecimal: the same once read). */
export class PdfString {
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
}

export class Ref {
  readonly num: number;
  readonly gen: number;
  constructor(num: number, gen: number) {
    this.num = num;
    this.gen = gen;
  }
}

/** A content-stream operator (or a bare keyword such as obj, R, stream). */
export class Op {
  private static readonly known = new Map<string, Op>();
  readonly op: string;
  /** A number the content reader gives the operators it knows (0: unknown), to switch on. */
  kind = 0;
  private constructor(op: string) {
    this.op = op;
  }
  static of(op: string): Op {
    let o = Op.known.get(op);
    if (!o) Op.known.set(op, (o = new Op(op)));
    return o;
  }
}

export type Dict = Map<string, PdfObject>;

export class Stream {
  readonly dict: Dict;
  /** The stream's raw (still encoded) bytes. */
  readonly raw: Uint8Array;
  constructor(dict: Dict, raw: Uint8Array) {
    this.dict = dict;
    this.raw = raw;
  }
}

export type PdfObject = null | boolean | number | Name | PdfString | Ref | PdfObject[] | Dict | Stream;

// Character classes (7.2.2): white space and delimiters.
const WHITE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITE[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
export const isWhite = (c: number) => WHITE[c] === 1;
const isRegular = (c: number) => WHITE[c] === 0 && DELIM[c] === 0;

/** Operators of up to three bytes by their bytes packed into a number (one or two bytes: an array). */
const WORDS_2: (Op | undefined)[] = new Array<Op | undefined>(65536).fill(undefined);
const WORDS_3 = new Map<number, Op>();
const LONG_WORDS = new Map<number, Op>();
const LONG_NAMES = new Map<number, Name>();

/** Whether bytes [p, e) are the characters of `text`. */
function sameText(d: Uint8Array, p: number, e: number, text: string): boolean {
  if (text.length !== e - p) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== d[p + i]) return false;
  return true;
}
/** Names of up to three bytes without escapes, by their bytes packed into a small integer; longer ones by a hash. */
const SHORT_NAMES = new Map<number, Name>();
/** The short name read last, by its key. */
const lastShort: { key: number; name: Name | null } = { key: -1, name: null };

const hexValue = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);

/** The hex digits of d[from, end) as bytes into `out` (white space ignored, an odd last digit followed by 0); how many. */
function hexDigits(d: Uint8Array, from: number, end: number, out: Uint8Array): number {
  let n = 0;
  let high = -1;
  for (let p = from; p < end; p++) {
    const c = d[p]!;
    if (WHITE[c]) continue;
    const v = hexValue(c);
    if (v < 0) decline('a bad hex digit');
    if (high < 0) high = v;
    else {
      out[n++] = (high << 4) | v;
      high = -1;
    }
  }
  if (high >= 0) out[n++] = high << 4;
  return n;
}

const latin1 = new TextDecoder('latin1');

/** One-byte strings, made once each and shared (a string's bytes are never written). */
const ONE_BYTE: (PdfString | undefined)[] = new Array<PdfString | undefined>(256);

/** Arrays being read, by how deeply they nest (reused: see complete), and the depth now. */
const ARRAYS: PdfObject[][] = [];
let arrayDepth = 0;

/** Marks where the lexer hit the end of its data. */
export const EOF = Symbol('EOF');
export type Token = PdfObject | Op | typeof EOF | '[' | ']' | '<<' | '>>';
/** A whole object, an operator, the end, or the close of an enclosing array or dictionary. */
export type Item = Exclude<Token, '[' | '<<'>;

export class Lexer {
  readonly data: Uint8Array;
  pos: number;
  constructor(data: Uint8Array, pos = 0) {
    this.data = data;
    this.pos = pos;
  }

  skipWhite(): void {
    const d = this.data;
    let p = this.pos;
    for (;;) {
      while (p < d.length && WHITE[d[p]!]) p++;
      if (d[p] !== 37) break; // '%': a comment to the end of the line
      while (p < d.length && d[p] !== 10 && d[p] !== 13) p++;
    }
    this.pos = p;
  }

  /** The next token: a simple object, a delimiter of a compound one, or an operator. */
  token(): Token {
    this.skipWhite();
    const d = this.data;
    const p = this.pos;
    if (p === this.peekAt) {
      this.pos = this.peekEnd;
      return this.peekValue;
    }
    if (p >= d.length) return EOF;
    const c = d[p]!;
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) return this.number();
    if (c === 47) return this.name();
    if (c === 40) return this.literalString();
    if (c === 60) {
      if (d[p + 1] === 60) {
        this.pos = p + 2;
        return '<<';
      }
      return this.hexString();
    }
    if (c === 62) {
      if (d[p + 1] !== 62) decline('a stray >');
      this.pos = p + 2;
      return '>>';
    }
    if (c === 91 || c === 93) {
      this.pos = p + 1;
      return c === 91 ? '[' : ']';
    }
    if (c === 123 || c === 125 || c === 41) decline(`unexpected ${String.fromCharCode(c)}`);
    let e = p;
    // Operators are short: up to three bytes make a key (regular bytes are never 0), no string built.
    let key = 0;
    let hash = 0;
    while (e < d.length && WHITE[d[e]!] === 0 && DELIM[d[e]!] === 0) {
      if (e - p < 3) key = (key << 8) | d[e]!;
      hash = (Math.imul(hash, 31) + d[e]!) | 0;
      e++;
    }
    this.pos = e;
    if (e - p <= 2) {
      const known = WORDS_2[key];
      if (known !== undefined) return known;
    } else if (e - p === 3) {
      const known = WORDS_3.get(key);
      if (known !== undefined) return known;
    } else {
      // Longer words (a CMap's findresource, begincodespacerange…) by a hash, their bytes compared.
      const known = LONG_WORDS.get(hash);
      if (known !== undefined && sameText(d, p, e, known.op)) return known;
    }
    const word = latin1.decode(d.subarray(p, e));
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    const op = Op.of(word);
    if (e - p <= 2) WORDS_2[key] = op;
    else if (e - p === 3) WORDS_3.set(key, op);
    else LONG_WORDS.set(hash, op);
    return op;
  }

  /** A number (7.3.3): integer or real, sign and point allowed, no exponent. */
  number(): number {
    const d = this.data;
    let p = this.pos;
    let sign = 1;
    if (d[p] === 43 || d[p] === 45) {
      if (d[p] === 45) sign = -1;
      p++;
      // Some writers print "--5" or "-+5": PDFium reads the first sign.
      while (d[p] === 45 || d[p] === 43) p++;
    }
    let value = 0;
    let digits = 0;
    while (d[p]! >= 48 && d[p]! <= 57) {
      value = value * 10 + d[p]! - 48;
      p++;
      digits++;
    }
    if (d[p] === 46) {
      p++;
      let scale = 1;
      let frac = 0;
      while (d[p]! >= 48 && d[p]! <= 57) {
        frac = frac * 10 + d[p]! - 48;
        scale *= 10;
        p++;
        digits++;
      }
      value += frac / scale;
    }
    if (digits === 0 || (p < d.length && isRegular(d[p]!))) decline('a malformed number');
    this.pos = p;
    return sign * value;
  }

  /** A name (7.3.5), #xx escapes decoded. */
  name(): Name {
    const d = this.data;
    let p = this.pos + 1;
    let s = '';
    const start = p;
    let key = 0;
    let hash = 0;
    let escaped = false;
    while (p < d.length && WHITE[d[p]!] === 0 && DELIM[d[p]!] === 0) {
      if (d[p] === 35) escaped = true;
      if (p - start < 3) key = (key << 8) | d[p]!;
      hash = (Math.imul(hash, 31) + d[p]!) | 0;
      p++;
    }
    this.pos = p;
    const short = !escaped && p - start <= 3;
    if (short) {
      // The same short name again (a Type 3 font's /Differences: /g0 for most of 256 codes).
      if (key === lastShort.key) return lastShort.name!;
      const known = SHORT_NAMES.get(key);
      if (known !== undefined) {
        lastShort.key = key;
        lastShort.name = known;
        return known;
      }
    } else if (!escaped) {
      const known = LONG_NAMES.get(hash);
      if (known !== undefined && sameText(d, start, p, known.name)) return known;
    }
    const raw = d.subarray(start, p);
    if (!escaped) {
      const n = Name.of(latin1.decode(raw));
      if (short) SHORT_NAMES.set(key, n);
      else LONG_NAMES.set(hash, n);
      return n;
    }
    for (let i = 0; i < raw.length; i++) {
      const h = raw[i] === 35 ? (hexValue(raw[i + 1]!) << 4) | hexValue(raw[i + 2]!) : -1;
      if (h >= 0) {
        s += String.fromCharCode(h);
        i += 2;
      } else s += String.fromCharCode(raw[i]!);
    }
    return Name.of(s);
  }

  /** A literal string (7.3.4.2): balanced parentheses, escapes, octal codes, line continuations. */
  literalString(): PdfString {
    const d = this.data;
    let p = this.pos + 1;
    const out: number[] = [];
    let depth = 1;
    for (;;) {
      if (p >= d.length) decline('an unterminated string');
      const c = d[p++]!;
      if (c === 40) depth++;
      else if (c === 41 && --depth === 0) break;
      if (c === 13) {
        // An end of line inside a string is read as \n, whichever it was.
        if (d[p] === 10) p++;
        out.push(10);
        continue;
      }
      if (c !== 92) {
        out.push(c);
        continue;
      }
      const e = d[p++]!;
      const simple = ESCAPES[e];
      if (simple !== undefined) out.push(simple);
      else if (e >= 48 && e <= 55) {
        let v = e - 48;
        for (let k = 0; k < 2 && d[p]! >= 48 && d[p]! <= 55; k++) v = v * 8 + d[p++]! - 48;
        out.push(v & 0xff);
      } else if (e === 13) {
        if (d[p] === 10) p++;
      } else if (e !== 10) out.push(e);
    }
    this.pos = p;
    return new PdfString(Uint8Array.from(out));
  }

  /**
   * A hexadecimal string's bytes into `out`, read as hexString reads them, returning how many; -1 (and
   * nothing read) where the next token is not one or is longer than `out` (a CMap's many short strings
   * read without allocating).
   */
  hexInto(out: Uint8Array): number {
    this.skipWhite();
    const d = this.data;
    const p = this.pos;
    if (d[p] !== 60 || d[p + 1] === 60) return -1;
    const end = d.indexOf(62, p + 1);
    if (end < 0 || (end - p) >> 1 > out.length) return -1;
    const n = hexDigits(d, p + 1, end, out);
    this.pos = end + 1;
    return n;
  }

  /** A hexadecimal string (7.3.4.3): white space ignored, an odd last digit followed by 0. */
  hexString(): PdfString {
    const d = this.data;
    const p = this.pos + 1;
    const end = d.indexOf(62, p);
    if (end < 0) return decline('an unterminated hex string');
    if (end === p + 2) {
      // One byte (a Chromium PDF shows each glyph as <xx>): one string for each value, shared.
      const v = (hexValue(d[p]!) << 4) | hexValue(d[p + 1]!);
      if (v >= 0) {
        this.pos = end + 1;
        return (ONE_BYTE[v] ??= new PdfString(Uint8Array.of(v)));
      }
    }
    const out = new Uint8Array((end - p + 1) >> 1);
    const n = hexDigits(d, p, end, out);
    this.pos = end + 1;
    return new PdfString(n === out.length ? out : out.subarray(0, n));
  }

  /**
   * The next object, compound ones whole; `n g R` read as a reference (never inside content streams,
   * where `allowRefs` is false).
   */
  object(allowRefs = true): Item {
    const t = this.token();
    return this.complete(t, allowRefs);
  }

  private complete(t: Token, allowRefs: boolean): Item {
    if (t === '[') {
      // Read into the reused array of this depth, then copied out at its length: a /Widths of
      // hundreds grown item by item was copied five times over.
      const depth = arrayDepth++;
      const items = (ARRAYS[depth] ??= []);
      let n = 0;
      try {
        const d = this.data;
        for (;;) {
          // Names (a font's /Differences) straight away: nothing to look ahead for.
          this.skipWhite();
          if (this.pos !== this.peekAt) {
            const c = d[this.pos]!;
            if (c === 47) {
              items[n++] = this.name();
              continue;
            }
            // Unsigned integers (a Type 3 font's /Widths: hundreds) straight away, as object() reads them.
            if (c >= 48 && c <= 57) {
              const v = this.integerItem(allowRefs);
              if (v !== null) {
                items[n++] = v;
                continue;
              }
            }
          }
          const v = this.object(allowRefs);
          if (v === EOF) decline('an unterminated array');
          if (v === ']') break;
          if (v === EOF || v instanceof Op || v === '>>') return decline('a bad array item');
          items[n++] = v;
        }
        return items.slice(0, n);
      } finally {
        // Nothing of this document held on to.
        items.fill(null, 0, n);
        arrayDepth = depth;
      }
    }
    if (t === '<<') {
      const dict: Dict = new Map();
      for (;;) {
        const k = this.token();
        if (k === '>>') break;
        if (!(k instanceof Name)) return decline('a dictionary key that is not a name');
        const v = this.object(allowRefs);
        if (v === EOF || v === ']' || v === '>>' || v instanceof Op) return decline('a bad dictionary value');
        dict.set(k.name, v);
      }
      return dict;
    }
    if (allowRefs && typeof t === 'number' && Number.isInteger(t) && t >= 0) {
      // Look ahead for "gen R" without consuming anything else.
      const save = this.pos;
      const g = this.peekInteger();
      if (g !== null) {
        this.skipWhite();
        if (this.data[this.pos] === 82 && (this.pos + 1 >= this.data.length || !isRegular(this.data[this.pos + 1]!))) {
          this.pos++;
          return new Ref(t, g);
        }
      }
      this.pos = save;
    }
    return t;
  }

  /**
   * The unsigned integer at pos, or with `allowRefs` the reference "num gen R" it starts, as object()
   * reads them; null (nothing read) where the token is something else (a real, a malformed number).
   */
  private integerItem(allowRefs: boolean): number | Ref | null {
    const d = this.data;
    const start = this.pos;
    let p = start;
    let v = 0;
    if (start === this.nextIntAt) {
      // Read already, as the previous item's possible generation.
      p = this.nextIntEnd;
      v = this.nextIntValue;
    } else {
      while (d[p]! >= 48 && d[p]! <= 57) v = v * 10 + d[p++]! - 48;
      if (p < d.length && isRegular(d[p]!)) return null;
    }
    this.pos = p;
    if (!allowRefs) return v;
    // "gen R" looked for without the lookahead cache; the integer read as a generation is kept for
    // the next item (a /Widths of hundreds: each integer read once).
    this.skipWhite();
    let q = this.pos;
    let g = 0;
    const genStart = q;
    while (d[q]! >= 48 && d[q]! <= 57) g = g * 10 + d[q++]! - 48;
    if (q > genStart && (q >= d.length || !isRegular(d[q]!))) {
      this.nextIntAt = genStart;
      this.nextIntEnd = q;
      this.nextIntValue = g;
      this.pos = q;
      this.skipWhite();
      if (d[this.pos] === 82 && (this.pos + 1 >= d.length || !isRegular(d[this.pos + 1]!))) {
        this.pos++;
        return new Ref(v, g);
      }
    }
    this.pos = p;
    return v;
  }

  private peekInteger(): number | null {
    this.skipWhite();
    const d = this.data;
    let p = this.pos;
    let v = 0;
    const start = p;
    while (d[p]! >= 48 && d[p]! <= 57) v = v * 10 + d[p++]! - 48;
    if (p === start || (p < d.length && isRegular(d[p]!))) return null;
    // Remembered: where no R follows, this integer is the next token (arrays of numbers: each read once).
    this.peekAt = start;
    this.peekEnd = p;
    this.peekValue = v;
    this.pos = p;
    return v;
  }

  private peekAt = -1;
  private peekEnd = 0;
  private peekValue = 0;
  /** An unsigned integer integerItem read where the next item starts: its start, end and value. */
  private nextIntAt = -1;
  private nextIntEnd = 0;
  private nextIntValue = 0;
}

const ESCAPES: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12, 40: 40, 41: 41, 92: 92 };

/** Whether the bytes at `pos` are the keyword `word`, followed by a delimiter or white space. */
export function keywordAt(data: Uint8Array, pos: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (data[pos + i] !== word.charCodeAt(i)) return false;
  const after = data[pos + word.length];
  return after === undefined || !isRegular(after);
}

export const bytesToLatin1 = (b: Uint8Array) => latin1.decode(b);
