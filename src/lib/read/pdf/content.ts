// A page's content streams run for what the text layer and the ruled tables need: each character
// placed as PDFium's text page places it (origin, advance, the font's ascent to descent; Type 3 glyphs
// widened to their boxes), the straight edges of painted paths, and the images painted, through forms
// too. Where PDFium's text page would do something this does not (drop a duplicated character of fake
// bold, replace text by /ActualText other than over one Type 3 glyph, a stretched font), it declines.
import { radicalFolded } from '../radicals.ts';
import type { PlacedText } from '../pdf.ts';
import type { Rule } from '../ruled.ts';
import type { PdfFile } from './file.ts';
import { loadFont, type Font } from './fonts.ts';
import { charText, IDENTITY, multiply, subpathRules, translate, type Matrix, type Subpath } from './layout.ts';
import { decline, EOF, Lexer, Name, Op, PdfString, Stream, isWhite, keywordAt, type Dict, type PdfObject } from './objects.ts';

interface GraphicsState {
  ctm: Matrix;
  font: Font | null;
  fontSize: number;
  charSpace: number;
  wordSpace: number;
  leading: number;
  rise: number;
  /** Text rendering mode (Tr). */
  render: number;
}

/** An open marked-content sequence: its /ActualText, if any, and whether text has been shown in it. */
interface Mark {
  actualText: string | null;
  shown: boolean;
}

interface PathPoint {
  x: number;
  y: number;
  kind: 'move' | 'line' | 'curve';
  closed: boolean;
}

/** What a text object (one show operator) leaves for the duplicate check. */
interface ShownText {
  font: Font;
  codes: string;
  x: number;
  y: number;
}

export interface PageContent {
  chars: PlacedText[];
  rules: Rule[];
  images: number;
  /** Characters other than spaces drawn invisible (render mode 3 or 7). */
  invisible: number;
}

const MAX_FORM_DEPTH = 12;

/** The content operators this reader knows, numbered: a switch on numbers, not on strings. */
const K = { q: 1, Q: 2, cm: 3, BT: 4, ET: 5, Tf: 6, Tc: 7, Tw: 8, Tz: 9, TL: 10, Ts: 11, Td: 12, TD: 13, Tm: 14, "T*": 15, Tj: 16, "'": 17, '"': 18, TJ: 19, Tr: 20, w: 21, J: 22, j: 23, M: 24, d: 25, ri: 26, i: 27, CS: 28, cs: 29, SC: 30, SCN: 31, sc: 32, scn: 33, G: 34, g: 35, RG: 36, rg: 37, K: 38, k: 39, sh: 40, MP: 41, DP: 42, BMC: 43, EMC: 44, BX: 45, EX: 46, W: 47, "W*": 48, gs: 49, BDC: 50, m: 51, l: 52, c: 53, v: 54, y: 55, h: 56, re: 57, S: 58, s: 59, f: 60, F: 61, "f*": 62, B: 63, "B*": 64, b: 65, "b*": 66, n: 67, Do: 68, BI: 69, d0: 70, d1: 71 } as const;
for (const [op, kind] of Object.entries(K)) Op.of(op).kind = kind;

export class ContentReader {
  private readonly chars: PlacedText[] = [];
  private readonly rules: Rule[] = [];
  private images = 0;
  private invisible = 0;
  /** Characters drawn so far by font and code: a second one nearly on top of the first is fake bold. */
  private readonly drawnAt = new Map<Font, Map<number, number[]>>();
  private readonly forms: Stream[] = [];
  private readonly file: PdfFile;
  private readonly fonts: Map<Dict, Font>;
  /** Page space to device space (top-left origin, y down), as PDFium rounds it. */
  private readonly device: Matrix;

  constructor(file: PdfFile, fonts: Map<Dict, Font>, device: Matrix) {
    this.file = file;
    this.fonts = fonts;
    this.device = device;
  }

  result(): PageContent {
    return { chars: this.chars, rules: this.rules, images: this.images, invisible: this.invisible };
  }

  /** Runs content (a page's, or a form's with its matrix already in `ctm`). */
  run(data: Uint8Array, resources: Dict | null, ctm: Matrix, inherited?: GraphicsState): void {
    const file = this.file;
    let gs: GraphicsState = inherited
      ? // PDFium starts a form with the caller's font and spacing but resets leading and rise.
        { ...inherited, ctm, leading: 0, rise: 0 }
      : { ctm, font: null, fontSize: 0, charSpace: 0, wordSpace: 0, leading: 0, rise: 0, render: 0 };
    const stack: GraphicsState[] = [];
    let tm: Matrix = IDENTITY;
    let tlm: Matrix = IDENTITY;
    let path: PathPoint[] = [];
    let startX = 0;
    let startY = 0;
    let currentX = 0;
    let currentY = 0;
    const shown: ShownText[] = [];
    const marks: Mark[] = [];
    /** The innermost open sequence with /ActualText. */
    const actualTextMark = (): Mark | null => {
      for (let i = marks.length - 1; i >= 0; i--) if (marks[i]!.actualText !== null) return marks[i]!;
      return null;
    };
    const lx = new Lexer(data);
    /** The fonts of these resources met so far, by name. */
    const fontsByName = new Map<Name, Font>();
    // The operands before an operator: a reused array and a count (no reallocation per operator).
    const args: PdfObject[] = [];
    let nargs = 0;
    const arg = (i: number): PdfObject | undefined => (i < nargs ? args[i] : undefined);
    const num = (i: number): number => {
      const v = arg(i);
      return typeof v === 'number' ? v : decline('an operator without its numbers');
    };

    const addPoint = (x: number, y: number, kind: PathPoint['kind'], close = false) => {
      // PDFium's AddPathPoint: a move after an open move replaces it; a line with no move is dropped.
      const last = path.at(-1);
      if (kind === 'move' && last && !last.closed && last.kind === 'move' && currentX === x && currentY === y && !close) return;
      currentX = x;
      currentY = y;
      if (kind === 'move') {
        startX = x;
        startY = y;
        if (last && last.kind === 'move' && !last.closed) {
          last.x = x;
          last.y = y;
          return;
        }
      } else if (path.length === 0) return;
      path.push({ x, y, kind, closed: close });
    };
    const closePath = () => {
      if (path.length === 0) return;
      if (startX !== currentX || startY !== currentY) addPoint(startX, startY, 'line', true);
      else path.at(-1)!.closed = true;
    };
    const paint = (fill: boolean, stroke: boolean) => {
      const points = path;
      path = [];
      if (points.length <= 1) return;
      if (points.at(-1)!.kind === 'move' && !points.at(-1)!.closed) points.pop();
      if (!fill && !stroke) return;
      const m = multiply(gs.ctm, this.device);
      const subpaths: Subpath[] = [];
      for (let i = 0; i < points.length; i++) {
        const p = points[i]!;
        const d: [number, number] = [m[0]! * p.x + m[2]! * p.y + m[4]!, m[1]! * p.x + m[3]! * p.y + m[5]!];
        if (p.kind === 'move' || subpaths.length === 0) subpaths.push({ points: [d], curved: false });
        else subpaths.at(-1)!.points.push(d);
        if (p.kind === 'curve') subpaths.at(-1)!.curved = true;
      }
      this.rules.push(...subpathRules(subpaths, stroke));
    };

    // Reused by every show operator: the codes shown and their origins.
    let codes = new Uint16Array(256);
    let xs = new Float64Array(256);
    let ys = new Float64Array(256);
    let texts: string[] = new Array<string>(256).fill('');
    const show = (s: PdfObject, strings: PdfObject[] | null) => {
      const font = gs.font ?? decline('text shown without a font');
      const size = gs.fontSize;
      let n = 0;
      // The text matrix, moved along the baseline as the glyphs advance (a copy: tm may be shared).
      const m = tm.slice();
      const c = gs.ctm;
      const step = font.twoByte ? 2 : 1;
      // One string (Tj) or a TJ array's items: no array made for the one.
      const count = strings ? strings.length : 1;
      for (let i = 0; i < count; i++) {
        const part = strings ? strings[i] : s;
        if (typeof part === 'number') {
          const tx = (-part / 1000) * size;
          m[4] = m[4]! + tx * m[0]!;
          m[5] = m[5]! + tx * m[1]!;
          continue;
        }
        if (!(part instanceof PdfString)) return decline('a show operator without a string');
        const b = part.bytes;
        if (font.twoByte && b.length % 2 !== 0) decline('an odd number of bytes in a two-byte font');
        for (let k = 0; k < b.length; k += step) {
          const code = font.twoByte ? (b[k]! << 8) | b[k + 1]! : b[k]!;
          // The origin: (0, rise) in text space, through the text matrix and the CTM.
          const tx = m[2]! * gs.rise + m[4]!;
          const ty = m[3]! * gs.rise + m[5]!;
          if (n === codes.length) {
            const grown = new Uint16Array(n * 2);
            grown.set(codes);
            codes = grown;
            const gx = new Float64Array(n * 2);
            gx.set(xs);
            xs = gx;
            const gy = new Float64Array(n * 2);
            gy.set(ys);
            ys = gy;
            texts = texts.concat(new Array<string>(n).fill(''));
          }
          codes[n] = code;
          xs[n] = c[0]! * tx + c[2]! * ty + c[4]!;
          ys[n++] = c[1]! * tx + c[3]! * ty + c[5]!;
          const w = font.width(code);
          const adv = (w / 1000) * size + gs.charSpace + (code === 32 && !font.twoByte ? gs.wordSpace : 0);
          m[4] = m[4]! + adv * m[0]!;
          m[5] = m[5]! + adv * m[1]!;
        }
      }
      tm = m;
      if (n === 0) return;
      const a = m[0]! * c[0]! + m[1]! * c[2]!;
      // A text object of one blank glyph has an empty box: PDFium's text page skips it.
      let allBlank = true;
      let samePlace = true;
      for (let i = 0; i < n; i++) {
        const t = font.text(codes[i]!);
        texts[i] = t;
        if (allBlank && !isBlank(t)) allBlank = false;
        if (xs[i] !== xs[0] || ys[i] !== ys[0]) samePlace = false;
      }
      const glyphBox = font.glyphBox;
      // (Not so a Type 3 font's space: PDFium keeps it, as a box of nothing at its origin.)
      if (!glyphBox && allBlank && (n === 1 || samePlace)) return;
      const mark = actualTextMark();
      if (mark) {
        // PDFium gives /ActualText in place of the glyphs' text, measured by the text object's box: the
        // same as the glyph's own when the object is one Type 3 glyph, upright, not stroked, whose text
        // is the replacement. A second object in the sequence it drops. Anything else declines.
        if (!glyphBox || n !== 1 || mark.shown || (gs.render !== 0 && gs.render !== 3 && gs.render !== 4 && gs.render !== 7)) decline('/ActualText over text this reader does not place as PDFium does');
        // Its characters as PDFium's ProcessMarkedContent keeps them: controls as spaces, U+FFFD and up dropped.
        let replacement = '';
        let printable = false;
        for (const ch of mark.actualText!) {
          let u = ch.charCodeAt(0);
          if (u >= 0xfffd) continue;
          if (u <= 0x80 && (u < 0x20 || u > 0x7e)) u = 0x20;
          else printable = true;
          replacement += String.fromCharCode(u);
        }
        // No printable character: PDFium drops the text object. Empty: it reads the glyphs' own text.
        if (mark.actualText !== '' && !printable) decline('/ActualText without a printable character');
        if (mark.actualText !== '') {
          texts[0] = replacement;
        }
        mark.shown = true;
      }
      const em = Math.abs(a * size) || Math.abs(size);
      // (One code, nearly every text object of a Chromium PDF: its string without a subarray made.)
      const key = n === 1 ? String.fromCharCode(codes[0]!) : n <= 4096 ? String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]) : Array.from(codes.subarray(0, n), (u) => String.fromCharCode(u)).join('');
      // PDFium's text page skips a text object that repeats one of the five before it within 0.9 of its
      // last advance at the (unscaled) font size, their glyph boxes overlapping by half or more
      // (IsSameAsPreTextObject): so at most half a box apart. Decline wherever that might hold, taking
      // the box as the advances plus a quarter em for glyphs that overhang.
      const x0 = xs[0]!;
      const y0 = ys[0]!;
      const lastCode = codes[n - 1]!;
      const extent = Math.abs(xs[n - 1]! - x0) + (em * font.width(lastCode)) / 1000 + em / 4;
      const reach = Math.min(0.95 * (font.width(lastCode) || 1000) * (Math.abs(size) / 1000), extent / 2);
      const rise = em * n;
      for (let i = Math.max(0, shown.length - 5); i < shown.length; i++) {
        const prev = shown[i]!;
        if (prev.font === font && prev.codes === key && Math.abs(prev.x - x0) <= reach && Math.abs(prev.y - y0) <= rise) decline(`a text object drawn twice (fake bold): ${texts.slice(0, n).join('')}`);
      }
      shown.push({ font, codes: key, x: x0, y: y0 });
      // Only the last five are compared: the rest let go (a text object a glyph in Chromium's PDFs).
      if (shown.length > 5) shown.shift();
      const dv = this.device;
      const t0 = dv[0]!, t1 = dv[1]!, t2 = dv[2]!, t3 = dv[3]!, t4 = dv[4]!, t5 = dv[5]!;
      const size2 = Math.abs(((a * size) / 1000) * (font.ascent - font.descent));
      if (glyphBox && (m[0]! * c[1]! + m[1]! * c[3]! !== 0 || m[2]! * c[0]! + m[3]! * c[2]! !== 0)) decline('a rotated or skewed Type3 text');
      // PDFium's box of a Type 3 character (found by experiment on Chromium's PDFs): the advance across,
      // the font's ascent to descent (its FontBBox) up, widened to the glyph's box where that reaches
      // further left or right; without an advance, nothing at the origin; under /ActualText, the glyph's
      // box alone (the text object's).
      const replaced = mark !== null && mark.actualText !== '';
      if (gs.render === 3 || gs.render === 7) for (let i = 0; i < n; i++) if (!isBlank(texts[i]!)) this.invisible += texts[i]!.length;
      for (let i = 0; i < n; i++) {
        const code = codes[i]!;
        const ox = xs[i]!;
        const oy = ys[i]!;
        this.checkDuplicate(font, code, ox, oy, em);
        let left = ox;
        let right = ox + (a * font.width(code) * size) / 1000;
        let charSize = size2;
        if (glyphBox) {
          const [gl, gb, gr, gt] = glyphBox(code);
          const w = font.width(code);
          const empty = gl === 0 && gb === 0 && gr === 0 && gt === 0;
          // A glyph that draws nothing must be blank and the reverse (PDFium's other cases are not read here).
          if (empty !== isBlank(texts[i]!)) decline('a blank Type3 glyph that draws, or one that does not and is not blank');
          if (w === 0) {
            // No advance: a box of nothing at the origin.
            if (!empty) decline('a Type3 glyph that draws without an advance');
            right = left;
            charSize = 0;
          } else if (empty) {
            // Under /ActualText the text object's box, of nothing.
            if (replaced) {
              right = left;
              charSize = 0;
            }
          } else if (replaced) {
            left = ox + (a * gl * size) / 1000;
            right = ox + (a * gr * size) / 1000;
            charSize = Math.abs(((a * size) / 1000) * (gt - gb));
          } else {
            if (gt > font.ascent || gb < font.descent) decline(`a Type3 glyph outside its font box: ${[gl, gb, gr, gt, font.ascent, font.descent].join(' ')}`);
            left = ox + (a * Math.min(0, gl) * size) / 1000;
            right = ox + (a * Math.max(w, gr) * size) / 1000;
          }
        }
        const x1 = t0 * left + t2 * oy + t4;
        const y = t1 * left + t3 * oy + t5;
        const x2 = t0 * right + t2 * oy + t4;
        const text = texts[i]!;
        const x = Math.min(x1, x2);
        const w = Math.abs(x2 - x1);
        for (let u = 0; u < text.length; u++) this.chars.push({ text: unitText(text.charCodeAt(u)), x, y, width: w, size: charSize });
      }
    };
    const nextLine = () => {
      tlm = multiply([1, 0, 0, 1, 0, -gs.leading], tlm);
      tm = tlm;
    };

    for (;;) {
      const t = lx.object(false);
      if (t === EOF) break;
      if (!(t instanceof Op)) {
        if (t === ']' || t === '>>') decline('an unbalanced array or dictionary in content');
        args[nargs++] = t as PdfObject;
        continue;
      }
      switch (t.kind) {
        case K.q:
          stack.push(gs);
          gs = { ...gs };
          break;
        case K.Q:
          gs = stack.pop() ?? gs;
          break;
        case K.cm:
          gs.ctm = multiply([num(0), num(1), num(2), num(3), num(4), num(5)], gs.ctm);
          break;
        case K.BT:
          tm = tlm = IDENTITY;
          break;
        case K.ET:
          break;
        case K.Tf: {
          const name = arg(0);
          if (!(name instanceof Name)) return decline('Tf without a font name');
          // Chromium's PDFs set a font for nearly every glyph: each name looked up in the resources once.
          let font = fontsByName.get(name);
          if (!font) {
            const dict = resources && file.dict(resources, 'Font');
            const fontDict = dict && file.get(dict, name.name);
            if (!(fontDict instanceof Map)) return decline(`font ${name.name} not in the resources`);
            font = this.fonts.get(fontDict);
            if (!font) this.fonts.set(fontDict, (font = loadFont(file, fontDict)));
            fontsByName.set(name, font);
          }
          gs.font = font;
          gs.fontSize = num(1);
          break;
        }
        case K.Tc:
          gs.charSpace = num(0);
          break;
        case K.Tw:
          gs.wordSpace = num(0);
          break;
        case K.Tz:
          if (num(0) !== 100) decline('horizontal scaling');
          break;
        case K.TL:
          gs.leading = num(0);
          break;
        case K.Ts:
          gs.rise = num(0);
          break;
        case K.Td:
          tlm = translate(num(0), num(1), tlm);
          tm = tlm;
          break;
        case K.TD:
          gs.leading = -num(1);
          tlm = translate(num(0), num(1), tlm);
          tm = tlm;
          break;
        case K.Tm:
          tlm = tm = [num(0), num(1), num(2), num(3), num(4), num(5)];
          break;
        case K["T*"]:
          nextLine();
          break;
        case K.Tj:
          show(arg(0) ?? null, null);
          break;
        case K["'"]:
          nextLine();
          show(arg(0) ?? null, null);
          break;
        case K['"']:
          gs.wordSpace = num(0);
          gs.charSpace = num(1);
          nextLine();
          show(arg(2) ?? null, null);
          break;
        case K.TJ: {
          const arr = arg(0);
          if (!Array.isArray(arr)) return decline('TJ without an array');
          show(null, arr);
          break;
        }
        case K.Tr:
          gs.render = num(0);
          break;
        case K.w:
        case K.J:
        case K.j:
        case K.M:
        case K.d:
        case K.ri:
        case K.i:
        case K.CS:
        case K.cs:
        case K.SC:
        case K.SCN:
        case K.sc:
        case K.scn:
        case K.G:
        case K.g:
        case K.RG:
        case K.rg:
        case K.K:
        case K.k:
        case K.sh:
        case K.MP:
        case K.DP:
        case K.BX:
        case K.EX:
        case K.W:
        case K["W*"]:
          break;
        case K.gs: {
          const name = arg(0);
          const states = resources && file.dict(resources, 'ExtGState');
          const state = name instanceof Name && states ? file.get(states, name.name) : null;
          if (state instanceof Map && state.has('Font')) decline('a font set by an ExtGState');
          break;
        }
        case K.BDC: {
          let props = arg(1);
          if (props instanceof Name) {
            const all = resources && file.dict(resources, 'Properties');
            props = all ? file.get(all, props.name) : null;
          }
          const actual = props instanceof Map ? file.get(props, 'ActualText') : null;
          if (actual !== null && !(actual instanceof PdfString)) decline('a malformed /ActualText');
          // PDFium takes the innermost sequence's text and the dictionary of the innermost with one: one level only.
          if (marks.some((m) => m.actualText !== null)) decline('nested /ActualText');
          marks.push({ actualText: actual instanceof PdfString ? actualText(actual.bytes) : null, shown: false });
          break;
        }
        case K.BMC:
          marks.push({ actualText: null, shown: false });
          break;
        case K.EMC:
          marks.pop();
          break;
        case K.m:
          addPoint(num(0), num(1), 'move');
          break;
        case K.l:
          addPoint(num(0), num(1), 'line');
          break;
        case K.c:
          addPoint(num(0), num(1), 'curve');
          addPoint(num(2), num(3), 'curve');
          addPoint(num(4), num(5), 'curve');
          break;
        case K.v: {
          addPoint(currentX, currentY, 'curve');
          addPoint(num(0), num(1), 'curve');
          addPoint(num(2), num(3), 'curve');
          break;
        }
        case K.y:
          addPoint(num(0), num(1), 'curve');
          addPoint(num(2), num(3), 'curve');
          addPoint(num(2), num(3), 'curve');
          break;
        case K.h:
          closePath();
          break;
        case K.re: {
          const [x, y, w, h] = [num(0), num(1), num(2), num(3)];
          addPoint(x, y, 'move');
          addPoint(x + w, y, 'line');
          addPoint(x + w, y + h, 'line');
          addPoint(x, y + h, 'line');
          addPoint(x, y, 'line', true);
          break;
        }
        case K.S:
          paint(false, true);
          break;
        case K.s:
          closePath();
          paint(false, true);
          break;
        case K.f:
        case K.F:
        case K["f*"]:
          paint(true, false);
          break;
        case K.B:
        case K["B*"]:
          paint(true, true);
          break;
        case K.b:
        case K["b*"]:
          closePath();
          paint(true, true);
          break;
        case K.n:
          paint(false, false);
          break;
        case K.Do:
          if (actualTextMark()) decline('a form inside /ActualText');
          this.xobject(arg(0) ?? null, resources, gs);
          break;
        case K.BI:
          this.skipInlineImage(lx);
          this.images++;
          break;
        case K.d0:
        case K.d1:
          break;
        default:
          decline(`an unknown operator ${t.op}`);
      }
      nargs = 0;
    }
  }

  private checkDuplicate(font: Font, code: number, x: number, y: number, em: number): void {
    let byCode = this.drawnAt.get(font);
    if (!byCode) this.drawnAt.set(font, (byCode = new Map()));
    const at = byCode.get(code);
    // PDFium drops a character of the same code within 0.07 em of one just drawn: decline well before.
    const near = em * 0.15;
    if (at) {
      for (let i = 0; i < at.length; i += 2) if (Math.abs(at[i]! - x) < near && Math.abs(at[i + 1]! - y) < near) decline('a character drawn twice in one place (fake bold)');
      at.push(x, y);
    } else byCode.set(code, [x, y]);
  }

  private xobject(name: PdfObject, resources: Dict | null, gs: GraphicsState): void {
    if (!(name instanceof Name)) return decline('Do without a name');
    const all = resources && this.file.dict(resources, 'XObject');
    const x = all ? this.file.get(all, name.name) : null;
    if (!(x instanceof Stream)) return;
    const subtype = this.file.name(x.dict, 'Subtype');
    if (subtype === 'Image') {
      this.images++;
      return;
    }
    if (subtype !== 'Form') return;
    if (this.forms.includes(x) || this.forms.length >= MAX_FORM_DEPTH) decline('forms nested too deep or in a loop');
    const matrix = this.file.array(x.dict, 'Matrix')?.map((v) => this.file.resolve(v)) ?? IDENTITY;
    if (matrix.length !== 6 || !matrix.every((v) => typeof v === 'number')) decline('a malformed form /Matrix');
    const formResources = this.file.dict(x.dict, 'Resources') ?? resources;
    this.forms.push(x);
    this.run(this.file.decode(x), formResources, multiply(matrix as Matrix, gs.ctm), gs);
    this.forms.pop();
  }

  /** Past an inline image (BI … ID data EI); only unfiltered data of a size its dictionary gives. */
  private skipInlineImage(lx: Lexer): void {
    const dict = new Map<string, PdfObject>();
    for (;;) {
      const k = lx.object(false);
      if (k instanceof Op && k.op === 'ID') break;
      if (!(k instanceof Name)) return decline('a malformed inline image');
      const v = lx.object(false);
      if (v === EOF || v instanceof Op || v === ']' || v === '>>') return decline('a malformed inline image');
      dict.set(k.name, v);
    }
    const get = (a: string, b: string) => dict.get(a) ?? dict.get(b);
    if (get('F', 'Filter') !== undefined) decline('a filtered inline image');
    const w = get('W', 'Width');
    const h = get('H', 'Height');
    const mask = get('IM', 'ImageMask') === true;
    const bpc = mask ? 1 : get('BPC', 'BitsPerComponent');
    const cs = get('CS', 'ColorSpace');
    const comps = mask ? 1 : cs instanceof Name ? ({ G: 1, DeviceGray: 1, RGB: 3, DeviceRGB: 3, CMYK: 4, DeviceCMYK: 4 } as Record<string, number>)[cs.name] : Array.isArray(cs) ? 1 : undefined;
    if (typeof w !== 'number' || typeof h !== 'number' || typeof bpc !== 'number' || comps === undefined) return decline('an inline image of unknown size');
    const length = Math.ceil((w * bpc * comps) / 8) * h;
    const d = lx.data;
    let p = lx.pos + 1 + length;
    if (!isWhite(d[lx.pos]!) || p > d.length) return decline('a short inline image');
    while (p < d.length && isWhite(d[p]!)) p++;
    if (!keywordAt(d, p, 'EI')) decline('an inline image without EI where its size ends');
    lx.pos = p + 2;
  }
}

/** Code units JavaScript's \\s matches (white space and line terminators). */
const SPACE_UNITS = [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
const SPACE = new Uint8Array(65536);
for (const u of SPACE_UNITS) SPACE[u] = 1;

/** Whether text is all white space (/^\\s*$/u without the regular expression). */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (SPACE[text.charCodeAt(i)] !== 1) return false;
  return true;
}

/** Each code unit's text as an item holds it (radicals folded, spaces and NUL as a space), made once. */
const UNIT_TEXT: (string | undefined)[] = new Array<string | undefined>(65536).fill(undefined);
export function unitText(u: number): string {
  let t = UNIT_TEXT[u];
  if (t === undefined) UNIT_TEXT[u] = t = charText(u > 0 ? radicalFolded(u) : '');
  return t;
}

/** /ActualText's characters: UTF-16BE after its mark (surrogates decline), else ASCII only. */
export function actualText(bytes: Uint8Array): string {
  let s = '';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    if (bytes.length % 2 !== 0) return decline('a malformed /ActualText');
    for (let i = 2; i < bytes.length; i += 2) {
      const u = (bytes[i]! << 8) | bytes[i + 1]!;
      if (u >= 0xd800 && u <= 0xdfff) decline('/ActualText beyond the BMP');
      s += String.fromCharCode(u);
    }
    return s;
  }
  for (const b of bytes) s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : decline('/ActualText in PDFDocEncoding');
  return s;
}
