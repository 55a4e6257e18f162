// Fonts as the text layer needs them: how a string's bytes split into character codes, each code's
// advance width and Unicode text, and the font's ascent and descent, all as PDFium reads them (widths
// and metrics truncated to integers, 1/1000 of the font size); for Type 3 fonts each glyph's d1 box too.
// Fonts whose text or boxes PDFium would find some other way (CMaps other than Identity-H, codes
// without a mapping, Type 3 glyphs starting with d0) decline.
import type { PdfFile } from './file.ts';
import { decline, Lexer, Name, Op, PdfString, EOF, Stream, type Dict, type PdfObject } from './objects.ts';

export interface Font {
  /** Two-byte codes (Identity-H) or one byte. */
  readonly twoByte: boolean;
  /** Advance width in 1/1000 of the font size. */
  width(code: number): number;
  /** The code's text; declines where PDFium would guess it. */
  text(code: number): string;
  readonly ascent: number;
  readonly descent: number;
  /**
   * A Type 3 font's glyph box from its procedure's d1, in glyph units (1/1000 of the font size, y up):
   * [left, bottom, right, top], all 0 for an empty one. PDFium measures Type 3 characters by it.
   */
  glyphBox?(code: number): readonly [number, number, number, number];
}

/** ToUnicode CMap: code → text (bfchar and bfrange, array destinations, multi-character destinations). */
export function parseToUnicode(data: Uint8Array): Map<number, string> {
  const map = new Map<number, string>();
  const lx = new Lexer(data);
  const code = (o: unknown): number => {
    if (!(o instanceof PdfString) || o.bytes.length === 0 || o.bytes.length > 4) return decline('a bad ToUnicode code');
    let v = 0;
    for (const b of o.bytes) v = v * 256 + b;
    return v;
  };
  // Hexadecimal strings (nearly every token inside the mappings) read without allocating.
  const scratch = new Uint8Array(512);
  const nextCode = (): number | EndOrOther => {
    const n = lx.hexInto(scratch);
    if (n < 0) return lx.object(false) as EndOrOther;
    if (n === 0 || n > 4) return decline('a bad ToUnicode code');
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + scratch[i]!;
    return v;
  };
  const nextDestination = (): string => {
    const n = lx.hexInto(scratch);
    return n < 0 ? destination(lx.object(false)) : destination(scratch.subarray(0, n));
  };
  for (;;) {
    const t = lx.object(false);
    if (t === EOF) break;
    if (!(t instanceof Op)) continue;
    if (t.op === 'usecmap') decline('a ToUnicode CMap that uses another');
    if (t.op === 'beginbfchar') {
      for (;;) {
        const src = nextCode();
        if (src instanceof Op && src.op === 'endbfchar') break;
        map.set(typeof src === 'number' ? src : code(src), nextDestination());
      }
    } else if (t.op === 'beginbfrange') {
      for (;;) {
        const lo = nextCode();
        if (lo instanceof Op && lo.op === 'endbfrange') break;
        const low = typeof lo === 'number' ? lo : code(lo);
        const hi = nextCode();
        const high = typeof hi === 'number' ? hi : code(hi);
        const n = lx.hexInto(scratch);
        const dst = n < 0 ? lx.object(false) : scratch.slice(0, n);
        if (high < low || high - low > 0xffff) decline('a bad ToUnicode range');
        if (Array.isArray(dst)) {
          for (let c = low; c <= high; c++) map.set(c, destination(dst[c - low]));
        } else {
          const first = destination(dst);
          // The last character counts up through the range.
          const head = first.slice(0, -1);
          const last = first.charCodeAt(first.length - 1);
          if (last + (high - low) > 0xffff) decline('a ToUnicode range past U+FFFF');
          for (let c = low; c <= high; c++) map.set(c, head + String.fromCharCode(last + c - low));
        }
      }
    } else if (t.op === 'begincidrange' || t.op === 'begincidchar' || t.op === 'beginnotdefrange') decline('a ToUnicode CMap with CID mappings');
  }
  return map;
}

type EndOrOther = Exclude<ReturnType<Lexer['object']>, number>;

/** A destination (a string, or its bytes): UTF-16BE; surrogates and empty ones decline (PDFium keeps them as separate units). */
function destination(o: unknown): string {
  const bytes = o instanceof Uint8Array ? o : o instanceof PdfString ? o.bytes : null;
  if (!bytes || bytes.length === 0 || bytes.length % 2 !== 0) return decline('a bad ToUnicode destination');
  let s = '';
  for (let i = 0; i < bytes.length; i += 2) {
    const u = (bytes[i]! << 8) | bytes[i + 1]!;
    if (u >= 0xd800 && u <= 0xdfff) decline('a ToUnicode destination beyond the BMP');
    s += String.fromCharCode(u);
  }
  return s;
}

/** Glyph names whose character is certain: ASCII's, and uniXXXX. */
const ASCII_NAMES =
  'space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus comma hyphen period slash zero one two three four five six seven eight nine colon semicolon less equal greater question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright asciicircum underscore grave a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar braceright asciitilde'.split(' ');
const NAME_TEXT = new Map<string, string>(ASCII_NAMES.map((n, i) => [n, String.fromCharCode(32 + i)]));

export function glyphText(name: string): string | null {
  const known = NAME_TEXT.get(name);
  if (known) return known;
  const m = /^uni([0-9A-F]{4})$/.exec(name);
  if (m) {
    const u = parseInt(m[1]!, 16);
    if (u >= 0xd800 && u <= 0xdfff) return null;
    return String.fromCharCode(u);
  }
  return null;
}

/** A base encoding's names for codes 32–126 (WinAnsi and Standard differ only at ' and `). */
function baseEncoding(name: string): (string | null)[] {
  const names: (string | null)[] = new Array(256).fill(null);
  for (let c = 32; c <= 126; c++) names[c] = ASCII_NAMES[c - 32]!;
  if (name === 'StandardEncoding') {
    names[39] = 'quoteright';
    names[96] = 'quoteleft';
  } else if (name !== 'WinAnsiEncoding') return decline(`a base encoding this reader does not read: ${name}`);
  return names;
}

const STANDARD_QUOTES: Record<string, string> = { quoteright: '\u2019', quoteleft: '\u2018' };

/** FontDescriptor metrics as PDFium keeps them: integers. */
function metrics(file: PdfFile, descriptor: Dict | null): { ascent: number; descent: number } {
  if (!descriptor) return decline('a font without a descriptor');
  // A font not embedded: PDFium measures the font it substitutes (other ascent, descent and widths).
  if (!['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(k))) decline('a font not embedded');
  const ascent = Math.trunc(file.number(descriptor, 'Ascent') ?? 0);
  const descent = Math.trunc(file.number(descriptor, 'Descent') ?? 0);
  // Both zero: PDFium measures glyphs of the font program instead. A positive descent it flips.
  if (ascent === descent || descent > 0) decline('a font without usable ascent and descent');
  return { ascent, descent };
}

export function loadFont(file: PdfFile, dict: Dict): Font {
  const subtype = file.name(dict, 'Subtype');
  const toUnicodeStream = file.get(dict, 'ToUnicode');
  const toUnicode = toUnicodeStream instanceof Stream ? parseToUnicode(file.decode(toUnicodeStream)) : null;
  if (subtype === 'Type0') return cidFont(file, dict, toUnicode);
  if (subtype === 'TrueType' || subtype === 'Type1' || subtype === 'MMType1') return simpleFont(file, dict, toUnicode);
  if (subtype === 'Type3') return type3Font(file, dict, toUnicode);
  return decline(`a ${subtype} font`);
}

const f32 = Math.fround;
/** PDFium's FXSYS_roundf on a float: halves away from zero. */
const roundf = (v: number) => Math.sign(v) * Math.round(Math.abs(v));

/**
 * A Type 3 font as PDFium reads it: /Widths through the FontMatrix into glyph units (rounded); as ascent
 * and descent the top and bottom of the FontBBox through the FontMatrix; and each glyph's box from its
 * procedure's d1 (only that first operator is read), through the FontMatrix, rounded to glyph units
 * (found by experiment against PDFium on Chromium's PDFs: content.ts measures the characters by these).
 * Codes without a ToUnicode entry, procedures that start otherwise (d0: coloured glyphs, measured by
 * what they paint), a width only in the procedure, a rotated FontMatrix decline.
 */
function type3Font(file: PdfFile, dict: Dict, toUnicode: Map<number, string> | null): Font {
  if (!toUnicode) return decline('a Type3 font without ToUnicode');
  const numbers = (key: string) => {
    const v = (file.array(dict, key) ?? decline(`a Type3 font without a ${key}`)).map((x) => file.resolve(x));
    if (v.length !== (key === 'FontMatrix' ? 6 : 4) || !v.every((x) => typeof x === 'number')) return decline(`a malformed ${key}`);
    return (v as number[]).map(f32);
  };
  const [a, b, c, d, e, f] = numbers('FontMatrix') as [number, number, number, number, number, number];
  // Glyph boxes go through the whole matrix, the FontBBox through its scale only: a translation would part them (not read here).
  if (b !== 0 || c !== 0 || a <= 0 || d === 0 || e !== 0 || f !== 0) decline('a skewed, rotated, mirrored or translated Type3 FontMatrix');
  const bbox = numbers('FontBBox');
  // The box's y through the matrix's scale, in glyph units (PDFium's TextUnitRectToGlyphUnitRect).
  const ys = [f32(f32(bbox[1]! * d) * 1000), f32(f32(bbox[3]! * d) * 1000)];
  const ascent = Math.trunc(Math.max(...ys));
  const descent = Math.trunc(Math.min(...ys));
  if (ascent === descent) decline('a Type3 FontBBox without height');
  // Widths worked out each time asked, not kept: a document has ~170 fonts of up to 256 codes, and a
  // table for each (filled, or grown to the codes met) costs more than the few sums.
  const first = Math.trunc(file.number(dict, 'FirstChar') ?? 0);
  const widthsArray = file.array(dict, 'Widths') ?? [];
  if (first < 0 || first > 255) decline('a Type3 FirstChar out of range');
  const width = (code: number): number => {
    const v = code >= first && code - first < widthsArray.length ? file.resolve(widthsArray[code - first]) : 0;
    if (typeof v !== 'number') return decline('a malformed /Widths');
    return roundf(f32(f32(f32(v) * a) * 1000));
  };
  // The glyph names by code: /Differences over no base encoding (PDFium's LoadPDFEncoding); a code
  // it does not name has none (not filled in: a fill costs more than the names).
  const names: (string | null)[] = new Array<string | null>(256);
  const enc = file.get(dict, 'Encoding');
  if (!(enc instanceof Map) || enc.has('BaseEncoding')) return decline('a Type3 font without its own Differences');
  applyDifferences(file, enc, names);
  const procs = file.dict(dict, 'CharProcs') ?? decline('a Type3 font without CharProcs');
  const boxes = new Map<number, readonly [number, number, number, number]>();
  const glyphBox = (code: number) => {
    let box = boxes.get(code);
    if (box) return box;
    const name = names[code] ?? decline(`Type3 code ${code} has no glyph name`);
    const proc = file.get(procs, name);
    if (!(proc instanceof Stream)) return decline(`Type3 glyph ${name} has no procedure`);
    // Only the procedure's first bytes are inflated (Chromium's d1 ends within 22-27, and each byte
    // more costs ~1 % of the inflating); all of it where the operator runs past them.
    const [wx, l, bt, r, t] = d1Box(file.decode(proc, D1_BYTES)) ?? d1Box(file.decode(proc), true) ?? decline(`Type3 glyph ${name} is cut short`);
    // A code without a width in /Widths PDFium measures by the procedure's: only none at all is read here.
    if (width(code) === 0 && wx !== 0) decline(`Type3 code ${code} has its width only in its procedure`);
    if (r <= l || bt >= t) {
      // An empty box (a space): only one of nothing at all is read here.
      if (l !== 0 || bt !== 0 || r !== 0 || t !== 0) decline(`Type3 glyph ${name} has an empty box`);
      boxes.set(code, (box = [0, 0, 0, 0] as const));
      return box;
    }
    // Through the FontMatrix (a box: its corners, ordered), back to glyph units.
    const x0 = f32(f32(f32(l) * a) * 1000);
    const x1 = f32(f32(f32(r) * a) * 1000);
    const y0 = f32(f32(f32(bt) * d) * 1000);
    const y1 = f32(f32(f32(t) * d) * 1000);
    box = [roundf(Math.min(x0, x1)), roundf(Math.min(y0, y1)), roundf(Math.max(x0, x1)), roundf(Math.max(y0, y1))] as const;
    boxes.set(code, box);
    return box;
  };
  return {
    twoByte: false,
    ascent,
    descent,
    glyphBox,
    // A width of 0 PDFium takes from the glyph procedure (glyphBox declines unless that gives 0 too).
    width,
    text: (code) => toUnicode.get(code) ?? decline(`code ${code} has no ToUnicode entry`),
  };
}

/** How much of a glyph procedure is inflated first, for its d1. */
const D1_BYTES = 40;

/**
 * A glyph procedure's d1 width and box (the box rounded as PDFium rounds it); anything else first declines
 * (d0: a coloured glyph, measured by what it paints). Null where the data ends before the operator and
 * a byte after it, unless `whole` (it may be the first bytes only).
 */
export function d1Box(proc: Uint8Array, whole = false): [number, number, number, number, number] | null {
  const lx = new Lexer(proc);
  const operands: number[] = [];
  for (;;) {
    const t = lx.object(false);
    if (t === EOF) return null;
    if (typeof t === 'number' && operands.length < 6) operands.push(t);
    else if (t instanceof Op && t.op === 'd1' && operands.length === 6) {
      if (lx.pos >= proc.length && !whole) return null;
      return [operands[0]!, roundf(f32(operands[2]!)), roundf(f32(operands[3]!)), roundf(f32(operands[4]!)), roundf(f32(operands[5]!))];
    } else return decline('a Type3 glyph procedure that does not start with d1');
  }
}

function cidFont(file: PdfFile, dict: Dict, toUnicode: Map<number, string> | null): Font {
  if (file.name(dict, 'Encoding') !== 'Identity-H') decline('a CID font not encoded Identity-H');
  const descendants = file.array(dict, 'DescendantFonts');
  const cid = descendants && file.resolve(descendants[0]);
  if (!(cid instanceof Map)) return decline('a Type0 font without its CID font');
  if (!toUnicode) return decline('a CID font without ToUnicode');
  const { ascent, descent } = metrics(file, file.dict(cid, 'FontDescriptor'));
  const dw = Math.trunc(file.number(cid, 'DW') ?? 1000);
  const widths = new Map<number, number>();
  const w = file.array(cid, 'W') ?? [];
  for (let i = 0; i < w.length; ) {
    const first = file.resolve(w[i]);
    const next = file.resolve(w[i + 1]);
    if (typeof first !== 'number') return decline('a malformed /W');
    if (Array.isArray(next)) {
      next.forEach((v, k) => {
        const n = file.resolve(v);
        if (typeof n !== 'number') decline('a malformed /W');
        if (!widths.has(first + k)) widths.set(first + k, Math.trunc(n as number));
      });
      i += 2;
    } else {
      const width = file.resolve(w[i + 2]);
      if (typeof next !== 'number' || typeof width !== 'number') return decline('a malformed /W');
      for (let c = first; c <= next; c++) if (!widths.has(c)) widths.set(c, Math.trunc(width));
      i += 3;
    }
  }
  return {
    twoByte: true,
    ascent,
    descent,
    width: (code) => widths.get(code) ?? dw,
    text: (code) => toUnicode.get(code) ?? decline(`code ${code} has no ToUnicode entry`),
  };
}

function simpleFont(file: PdfFile, dict: Dict, toUnicode: Map<number, string> | null): Font {
  const descriptor = file.dict(dict, 'FontDescriptor');
  const { ascent, descent } = metrics(file, descriptor);
  const widthsArray = file.array(dict, 'Widths');
  if (!widthsArray) return decline('a simple font without /Widths');
  const widths: (number | null)[] = new Array(256).fill(null);
  const missing = descriptor && file.number(descriptor, 'MissingWidth');
  if (missing !== null && missing !== undefined) widths.fill(Math.trunc(missing));
  const first = Math.trunc(file.number(dict, 'FirstChar') ?? 0);
  for (let i = 0; i < widthsArray.length && first + i <= 255; i++) {
    const v = file.resolve(widthsArray[i]);
    if (typeof v !== 'number') return decline('a malformed /Widths');
    if (first + i >= 0) widths[first + i] = Math.trunc(v);
  }
  let names: (string | null)[] | null = null;
  if (!toUnicode) {
    const flags = (descriptor && file.number(descriptor, 'Flags')) ?? 0;
    if (flags & 4) decline('a symbolic simple font without ToUnicode');
    const enc = file.get(dict, 'Encoding');
    if (enc instanceof Name) names = baseEncoding(enc.name);
    else if (enc instanceof Map) {
      names = baseEncoding(file.name(enc, 'BaseEncoding') ?? decline('Differences without a base encoding'));
      applyDifferences(file, enc, names);
    } else decline('a simple font without ToUnicode or a named encoding');
  }
  return {
    twoByte: false,
    ascent,
    descent,
    width: (code) => widths[code] ?? decline(`code ${code} has no width in /Widths`),
    text: (code) => {
      if (toUnicode) return toUnicode.get(code) ?? decline(`code ${code} has no ToUnicode entry`);
      const name = names![code];
      const text = name ? (STANDARD_QUOTES[name] ?? glyphText(name)) : null;
      return text ?? decline(`code ${code} has no certain character`);
    },
  };
}

export type { PdfObject };

/** An encoding's /Differences written over `names` (glyph names by code): a code, then names from it on. */
function applyDifferences(file: PdfFile, encoding: Dict, names: (string | null)[]): void {
  let at = 0;
  const differences = file.array(encoding, 'Differences') ?? [];
  // Indexed, not for…of: hundreds of items a font, and an iterator result for each is garbage.
  for (let i = 0; i < differences.length; i++) {
    const v = file.resolve(differences[i]);
    if (typeof v === 'number') at = v;
    else if (v instanceof Name && at >= 0 && at <= 255) names[at++] = v.name;
    else decline('malformed Differences');
  }
}
