// A page's content streams run for what the text layer and the ruled tables need: each character
// placed as PDFium's text page places it (origin, advance, the font's ascent to descent), the straight
// edges of painted paths, and the images painted, through forms too. Where PDFium's text page would
// do something this does not (drop a duplicated character of fake bold, replace text by /ActualText,
// a stretched font), it declines.
import { radicalFolded } from '../radicals.ts';
import type { PlacedText } from '../pdf.ts';
import type { Rule } from '../ruled.ts';
import type { PdfFile } from './file.ts';
import { loadFont, type Font } from './fonts.ts';
import { charText, IDENTITY, multiply, subpathRules, type Matrix, type Subpath } from './layout.ts';
import { decline, EOF, Lexer, Name, Op, PdfString, Stream, isWhite, keywordAt, type Dict, type PdfObject } from './objects.ts';

interface GraphicsState {
  ctm: Matrix;
  font: Font | null;
  fontSize: number;
  charSpace: number;
  wordSpace: number;
  leading: number;
  rise: number;
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
}

const MAX_FORM_DEPTH = 12;

export class ContentReader {
  private readonly chars: PlacedText[] = [];
  private readonly rules: Rule[] = [];
  private images = 0;
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
    return { chars: this.chars, rules: this.rules, images: this.images };
  }

  /** Runs content (a page's, or a form's with its matrix already in `ctm`). */
  run(data: Uint8Array, resources: Dict | null, ctm: Matrix, inherited?: GraphicsState): void {
    const file = this.file;
    let gs: GraphicsState = inherited
      ? // PDFium starts a form with the caller's font and spacing but resets leading and rise.
        { ...inherited, ctm, leading: 0, rise: 0 }
      : { ctm, font: null, fontSize: 0, charSpace: 0, wordSpace: 0, leading: 0, rise: 0 };
    const stack: GraphicsState[] = [];
    let tm: Matrix = IDENTITY;
    let tlm: Matrix = IDENTITY;
    let path: PathPoint[] = [];
    let start = { x: 0, y: 0 };
    let current = { x: 0, y: 0 };
    const shown: ShownText[] = [];
    const lx = new Lexer(data);
    const args: PdfObject[] = [];
    const num = (i: number): number => {
      const v = args[i];
      return typeof v === 'number' ? v : decline('an operator without its numbers');
    };

    const addPoint = (x: number, y: number, kind: PathPoint['kind'], close = false) => {
      // PDFium's AddPathPoint: a move after an open move replaces it; a line with no move is dropped.
      const last = path.at(-1);
      if (kind === 'move' && last && !last.closed && last.kind === 'move' && current.x === x && current.y === y && !close) return;
      current = { x, y };
      if (kind === 'move') {
        start = { x, y };
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
      if (start.x !== current.x || start.y !== current.y) addPoint(start.x, start.y, 'line', true);
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
      for (const p of points) {
        const d: [number, number] = [m[0]! * p.x + m[2]! * p.y + m[4]!, m[1]! * p.x + m[3]! * p.y + m[5]!];
        if (p.kind === 'move' || subpaths.length === 0) subpaths.push({ points: [d], curved: false });
        else subpaths.at(-1)!.points.push(d);
        if (p.kind === 'curve') subpaths.at(-1)!.curved = true;
      }
      this.rules.push(...subpathRules(subpaths, stroke));
    };

    const show = (s: PdfObject, strings: PdfObject[] | null) => {
      const font = gs.font ?? decline('text shown without a font');
      const size = gs.fontSize;
      const codes: number[] = [];
      const placed: { code: number; x: number; y: number }[] = [];
      const parts = strings ?? [s];
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (typeof part === 'number') {
          tm = translate(tm, (-part / 1000) * size);
          continue;
        }
        if (!(part instanceof PdfString)) return decline('a show operator without a string');
        const b = part.bytes;
        if (font.twoByte && b.length % 2 !== 0) decline('an odd number of bytes in a two-byte font');
        const step = font.twoByte ? 2 : 1;
        const c = gs.ctm;
        for (let k = 0; k < b.length; k += step) {
          const code = font.twoByte ? (b[k]! << 8) | b[k + 1]! : b[k]!;
          // The origin: (0, rise) in text space, through the text matrix and the CTM.
          const tx = tm[2]! * gs.rise + tm[4]!;
          const ty = tm[3]! * gs.rise + tm[5]!;
          codes.push(code);
          placed.push({ code, x: c[0]! * tx + c[2]! * ty + c[4]!, y: c[1]! * tx + c[3]! * ty + c[5]! });
          const w = font.width(code);
          tm = translate(tm, (w / 1000) * size + gs.charSpace + (code === 32 && !font.twoByte ? gs.wordSpace : 0));
        }
      }
      if (placed.length === 0) return;
      const trm = multiply(tm, gs.ctm);
      const a = trm[0]!;
      // A text object of one blank glyph has an empty box: PDFium's text page skips it.
      const texts = placed.map((p) => font.text(p.code));
      if (placed.length === 1 && /^\s*$/u.test(texts[0]!)) return;
      if (placed.length > 1 && texts.every((t) => /^\s*$/u.test(t)) && placed.every((p) => p.x === placed[0]!.x && p.y === placed[0]!.y)) return;
      const em = Math.abs(a * size) || Math.abs(size);
      const key = String.fromCharCode(...codes);
      // PDFium's text page skips a text object that repeats one of the five before it within 0.9 of its
      // last advance at the (unscaled) font size, their glyph boxes overlapping by half or more
      // (IsSameAsPreTextObject): so at most half a box apart. Decline wherever that might hold, taking
      // the box as the advances plus a quarter em for glyphs that overhang.
      const last = placed.at(-1)!;
      const extent = Math.abs(last.x - placed[0]!.x) + (em * font.width(last.code)) / 1000 + em / 4;
      const reach = Math.min(0.95 * (font.width(last.code) || 1000) * (Math.abs(size) / 1000), extent / 2);
      const rise = em * codes.length;
      for (const prev of shown.slice(-5)) {
        if (prev.font === font && prev.codes === key && Math.abs(prev.x - placed[0]!.x) <= reach && Math.abs(prev.y - placed[0]!.y) <= rise) decline(`a text object drawn twice (fake bold): ${texts.join('')}`);
      }
      shown.push({ font, codes: key, x: placed[0]!.x, y: placed[0]!.y });
      const [t0, t1, t2, t3, t4, t5] = this.device as [number, number, number, number, number, number];
      const size2 = Math.abs(((a * size) / 1000) * (font.ascent - font.descent));
      for (let i = 0; i < placed.length; i++) {
        const { code, x: ox, y: oy } = placed[i]!;
        this.checkDuplicate(font, code, ox, oy, em);
        const width = (a * font.width(code) * size) / 1000;
        const x1 = t0 * ox + t2 * oy + t4;
        const y = t1 * ox + t3 * oy + t5;
        const x2 = t0 * (ox + width) + t2 * oy + t4;
        const text = texts[i]!;
        for (let u = 0; u < text.length; u++) {
          const c = text.charCodeAt(u);
          this.chars.push({ text: charText(c > 0 ? radicalFolded(c) : ''), x: Math.min(x1, x2), y, width: Math.abs(x2 - x1), size: size2 });
        }
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
        args.push(t as PdfObject);
        continue;
      }
      switch (t.op) {
        case 'q':
          stack.push(gs);
          gs = { ...gs };
          break;
        case 'Q':
          gs = stack.pop() ?? gs;
          break;
        case 'cm':
          gs.ctm = multiply([num(0), num(1), num(2), num(3), num(4), num(5)], gs.ctm);
          break;
        case 'BT':
          tm = tlm = IDENTITY;
          break;
        case 'ET':
          break;
        case 'Tf': {
          const name = args[0];
          if (!(name instanceof Name)) return decline('Tf without a font name');
          const dict = resources && file.dict(resources, 'Font');
          const fontDict = dict && file.get(dict, name.name);
          if (!(fontDict instanceof Map)) return decline(`font ${name.name} not in the resources`);
          let font = this.fonts.get(fontDict);
          if (!font) this.fonts.set(fontDict, (font = loadFont(file, fontDict)));
          gs.font = font;
          gs.fontSize = num(1);
          break;
        }
        case 'Tc':
          gs.charSpace = num(0);
          break;
        case 'Tw':
          gs.wordSpace = num(0);
          break;
        case 'Tz':
          if (num(0) !== 100) decline('horizontal scaling');
          break;
        case 'TL':
          gs.leading = num(0);
          break;
        case 'Ts':
          gs.rise = num(0);
          break;
        case 'Td':
          tlm = multiply([1, 0, 0, 1, num(0), num(1)], tlm);
          tm = tlm;
          break;
        case 'TD':
          gs.leading = -num(1);
          tlm = multiply([1, 0, 0, 1, num(0), num(1)], tlm);
          tm = tlm;
          break;
        case 'Tm':
          tlm = tm = [num(0), num(1), num(2), num(3), num(4), num(5)];
          break;
        case 'T*':
          nextLine();
          break;
        case 'Tj':
          show(args[0] ?? null, null);
          break;
        case "'":
          nextLine();
          show(args[0] ?? null, null);
          break;
        case '"':
          gs.wordSpace = num(0);
          gs.charSpace = num(1);
          nextLine();
          show(args[2] ?? null, null);
          break;
        case 'TJ': {
          const arr = args[0];
          if (!Array.isArray(arr)) return decline('TJ without an array');
          show(null, arr);
          break;
        }
        case 'Tr':
        case 'w':
        case 'J':
        case 'j':
        case 'M':
        case 'd':
        case 'ri':
        case 'i':
        case 'CS':
        case 'cs':
        case 'SC':
        case 'SCN':
        case 'sc':
        case 'scn':
        case 'G':
        case 'g':
        case 'RG':
        case 'rg':
        case 'K':
        case 'k':
        case 'sh':
        case 'MP':
        case 'DP':
        case 'BMC':
        case 'EMC':
        case 'BX':
        case 'EX':
        case 'W':
        case 'W*':
          break;
        case 'gs': {
          const name = args[0];
          const states = resources && file.dict(resources, 'ExtGState');
          const state = name instanceof Name && states ? file.get(states, name.name) : null;
          if (state instanceof Map && state.has('Font')) decline('a font set by an ExtGState');
          break;
        }
        case 'BDC': {
          let props = args[1];
          if (props instanceof Name) {
            const all = resources && file.dict(resources, 'Properties');
            props = all ? file.get(all, props.name) : null;
          }
          if (props instanceof Map && props.has('ActualText')) decline('marked content with /ActualText');
          break;
        }
        case 'm':
          addPoint(num(0), num(1), 'move');
          break;
        case 'l':
          addPoint(num(0), num(1), 'line');
          break;
        case 'c':
          addPoint(num(0), num(1), 'curve');
          addPoint(num(2), num(3), 'curve');
          addPoint(num(4), num(5), 'curve');
          break;
        case 'v': {
          const { x, y } = current;
          addPoint(x, y, 'curve');
          addPoint(num(0), num(1), 'curve');
          addPoint(num(2), num(3), 'curve');
          break;
        }
        case 'y':
          addPoint(num(0), num(1), 'curve');
          addPoint(num(2), num(3), 'curve');
          addPoint(num(2), num(3), 'curve');
          break;
        case 'h':
          closePath();
          break;
        case 're': {
          const [x, y, w, h] = [num(0), num(1), num(2), num(3)];
          addPoint(x, y, 'move');
          addPoint(x + w, y, 'line');
          addPoint(x + w, y + h, 'line');
          addPoint(x, y + h, 'line');
          addPoint(x, y, 'line', true);
          break;
        }
        case 'S':
          paint(false, true);
          break;
        case 's':
          closePath();
          paint(false, true);
          break;
        case 'f':
        case 'F':
        case 'f*':
          paint(true, false);
          break;
        case 'B':
        case 'B*':
          paint(true, true);
          break;
        case 'b':
        case 'b*':
          closePath();
          paint(true, true);
          break;
        case 'n':
          paint(false, false);
          break;
        case 'Do':
          this.xobject(args[0] ?? null, resources, gs);
          break;
        case 'BI':
          this.skipInlineImage(lx);
          this.images++;
          break;
        case 'd0':
        case 'd1':
          break;
        default:
          decline(`an unknown operator ${t.op}`);
      }
      args.length = 0;
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

/** The text matrix moved along the baseline by tx (text space units). */
const translate = (tm: Matrix, tx: number): Matrix => [tm[0]!, tm[1]!, tm[2]!, tm[3]!, tm[4]! + tx * tm[0]!, tm[5]! + tx * tm[1]!];
