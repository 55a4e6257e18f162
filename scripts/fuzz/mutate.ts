// Mutations of a report as a converter, a clerk or a broken download makes them: digit edits, lines
// deleted, doubled or swapped, page numbers and letterheads between lines, runs of whitespace, full-width
// digits, stray Unicode, truncation; then the text's bytes in one of the encodings reports come in.
// Each mutation is recorded in words, so that a case can be read and replayed from its seed.
import type { Rng } from '../synth/prng.ts';
import { encodeGbkWith } from '../synth/html.ts';

export const TEXT_MUTATIONS = ['digit', 'deleteLine', 'duplicateLine', 'swapLines', 'pageNumber', 'letterhead', 'whitespace', 'fullWidth', 'unicode', 'truncate'] as const;
export type TextMutation = (typeof TEXT_MUTATIONS)[number];

export interface Mutated {
  text: string;
  ops: string[];
}

const FULL_WIDTH = (d: string) => String.fromCharCode(d.charCodeAt(0) - 0x30 + 0xff10);

/** The index of a random digit of `text` (the first at or after a random place), or -1. */
function randomDigit(rng: Rng, text: string): number {
  if (text.length === 0) return -1;
  const from = rng.int(0, text.length - 1);
  const m = /[0-9]/.exec(text.slice(from)) ?? /[0-9]/.exec(text);
  if (!m) return -1;
  return m.index + (/[0-9]/.test(text.slice(from)) ? from : 0);
}

const lineOf = (text: string, at: number) => text.slice(0, at).split('\n').length;

/** Random code points: control characters, zero-width and direction marks, a BOM, CJK, lone surrogates, emoji. */
function randomUnicode(rng: Rng): string {
  const n = rng.int(1, 8);
  let s = '';
  for (let i = 0; i < n; i++) {
    const range = rng.pick([
      [0x00, 0x1f],
      [0x7f, 0x9f],
      [0x200b, 0x200f],
      [0x2028, 0x202e],
      [0xfeff, 0xfeff],
      [0x4e00, 0x9fff],
      [0x3000, 0x303f],
      [0xff00, 0xffef],
      [0xd800, 0xdfff],
      [0x1f300, 0x1f64f],
      [0x20000, 0x2a6df],
    ] as const);
    s += String.fromCodePoint(rng.int(range[0], range[1]));
  }
  return s;
}

function whitespaceRun(rng: Rng): string {
  const ch = rng.pick([' ', '\t', '\u3000', '\u00a0', '\r', ' \t']);
  const length = rng.weighted([[rng.int(1, 8), 60], [rng.int(9, 400), 35], [rng.int(401, 20_000), 5]] as const);
  return ch.repeat(Math.ceil(length / ch.length));
}

/** One mutation of `text`; `letterhead` is a line the report's pages repeat at their top. */
export function mutateTextOnce(rng: Rng, text: string, kind: TextMutation, letterhead: string): Mutated {
  const lines = text.split('\n');
  const at = () => rng.int(0, Math.max(0, lines.length - 1));
  switch (kind) {
    case 'digit': {
      const i = randomDigit(rng, text);
      if (i < 0) return { text, ops: ['digit: none'] };
      const how = rng.weighted([['replace', 70], ['insert', 15], ['delete', 15]] as const);
      const d = String(rng.int(0, 9));
      const next = how === 'replace' ? text.slice(0, i) + d + text.slice(i + 1) : how === 'insert' ? text.slice(0, i) + d + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
      return { text: next, ops: [`digit ${how} line ${lineOf(text, i)}: ${text[i]}→${how === 'delete' ? '' : how === 'insert' ? d + text[i] : d}`] };
    }
    case 'deleteLine': {
      const i = at();
      return { text: [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'), ops: [`delete line ${i + 1}`] };
    }
    case 'duplicateLine': {
      const i = at();
      return { text: [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)].join('\n'), ops: [`duplicate line ${i + 1}`] };
    }
    case 'swapLines': {
      const i = at();
      const j = rng.chance(0.7) ? Math.min(lines.length - 1, i + 1) : at();
      const out = [...lines];
      [out[i], out[j]] = [out[j]!, out[i]!];
      return { text: out.join('\n'), ops: [`swap lines ${i + 1} and ${j + 1}`] };
    }
    case 'pageNumber': {
      const i = at();
      const n = rng.int(1, 40);
      const line = rng.pick([`- ${n} -`, `-${n}-`, `— ${n} —`, `第${n}页`, `${n}`, `第 ${n} 页 共 ${n + rng.int(0, 9)} 页`]);
      return { text: [...lines.slice(0, i), line, ...lines.slice(i)].join('\n'), ops: [`page number 「${line}」 before line ${i + 1}`] };
    }
    case 'letterhead': {
      const i = at();
      return { text: [...lines.slice(0, i), letterhead, ...lines.slice(i)].join('\n'), ops: [`letterhead before line ${i + 1}`] };
    }
    case 'whitespace': {
      const i = rng.int(0, text.length);
      const run = whitespaceRun(rng);
      return { text: text.slice(0, i) + run + text.slice(i), ops: [`${run.length} × ${JSON.stringify(run[0])} at line ${lineOf(text, i)}`] };
    }
    case 'fullWidth': {
      if (rng.chance(0.3)) return { text: text.replace(/[0-9]/g, FULL_WIDTH), ops: ['full-width digits everywhere'] };
      const i = at();
      const out = [...lines];
      out[i] = out[i]!.replace(/[0-9]/g, FULL_WIDTH);
      return { text: out.join('\n'), ops: [`full-width digits on line ${i + 1}`] };
    }
    case 'unicode': {
      const i = rng.int(0, text.length);
      const s = randomUnicode(rng);
      return { text: text.slice(0, i) + s + text.slice(i), ops: [`unicode ${[...s].map((c) => `U+${c.codePointAt(0)!.toString(16)}`).join(' ')} at line ${lineOf(text, i)}`] };
    }
    case 'truncate': {
      const i = rng.int(0, text.length);
      return { text: text.slice(0, i), ops: [`truncated at line ${lineOf(text, i)} (${i} of ${text.length} characters)`] };
    }
  }
}

/** `count` random mutations, in order. */
export function mutateText(rng: Rng, text: string, count: number, letterhead: string, kinds: readonly TextMutation[] = TEXT_MUTATIONS): Mutated {
  let current = { text, ops: [] as string[] };
  for (let k = 0; k < count; k++) {
    // Truncation is rare: it ends most reports' tables.
    const kind = rng.chance(0.05) ? 'truncate' : rng.pick(kinds.filter((x) => x !== 'truncate'));
    const next = mutateTextOnce(rng, current.text, kind, letterhead);
    current = { text: next.text, ops: [...current.ops, ...next.ops] };
  }
  return current;
}

export const TEXT_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16le', 'utf-16be-bom', 'gbk', 'mojibake'] as const;
export type TextEncodingChoice = (typeof TEXT_ENCODINGS)[number];

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const body = (bom ? '\ufeff' : '') + text;
  const out = new Uint8Array(body.length * 2);
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = c & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** GBK as Windows' Notepad writes "ANSI": characters outside GBK become `?`. */
export const encodeGbk = (text: string): Uint8Array => encodeGbkWith(text, () => [0x3f]);

export function encodeText(text: string, encoding: TextEncodingChoice): Uint8Array {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  switch (encoding) {
    case 'utf-8':
      return utf8(text);
    case 'utf-8-bom':
      return utf8(`\ufeff${text}`);
    case 'utf-16le-bom':
      return utf16(text, true, true);
    case 'utf-16le':
      return utf16(text, true, false);
    case 'utf-16be-bom':
      return utf16(text, false, true);
    case 'gbk':
      return encodeGbk(text);
    case 'mojibake':
      // UTF-8 read as Latin-1 and saved again as UTF-8: what a wrong "open as" does.
      return utf8(new TextDecoder('latin1').decode(utf8(text)));
  }
}

export const BYTE_MUTATIONS = ['flip', 'deleteRange', 'duplicateRange', 'insertRandom', 'zeroRange', 'truncate'] as const;

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Mutations of a file's bytes (PDF, .docx): what a broken download or a bad disk does. */
export function mutateBytes(rng: Rng, bytes: Uint8Array, count: number): { bytes: Uint8Array; ops: string[] } {
  let b = bytes;
  const ops: string[] = [];
  for (let k = 0; k < count; k++) {
    const kind = rng.pick(BYTE_MUTATIONS);
    const i = rng.int(0, Math.max(0, b.length - 1));
    const len = rng.weighted([[rng.int(1, 16), 70], [rng.int(17, 4096), 30]] as const);
    const j = Math.min(b.length, i + len);
    switch (kind) {
      case 'flip': {
        const out = b.slice();
        for (let n = 0; n < len && out.length > 0; n++) out[rng.int(0, out.length - 1)] = rng.int(0, 255);
        b = out;
        ops.push(`${len} random bytes changed`);
        break;
      }
      case 'deleteRange':
        b = concat(b.subarray(0, i), b.subarray(j));
        ops.push(`bytes ${i}–${j} deleted`);
        break;
      case 'duplicateRange':
        b = concat(b.subarray(0, j), b.subarray(i, j), b.subarray(j));
        ops.push(`bytes ${i}–${j} doubled`);
        break;
      case 'insertRandom':
        b = concat(b.subarray(0, i), Uint8Array.from({ length: len }, () => rng.int(0, 255)), b.subarray(i));
        ops.push(`${len} random bytes inserted at ${i}`);
        break;
      case 'zeroRange': {
        const out = b.slice();
        out.fill(0, i, j);
        b = out;
        ops.push(`bytes ${i}–${j} zeroed`);
        break;
      }
      case 'truncate':
        b = b.slice(0, i);
        ops.push(`truncated at byte ${i} of ${bytes.length}`);
        break;
    }
  }
  return { bytes: b, ops };
}
