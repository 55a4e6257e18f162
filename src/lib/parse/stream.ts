// A table region as one stream: its label text joined without spaces or line breaks (so that a label
// wrapped over several lines, or around its numbers, reads whole again), and its cells, each at the
// offset in that text where it was printed. Rows are then found by their labels, never by counting.
import { isLetterhead, isRunningHead, type Line } from './lines.ts';
import { tokenize, type Token } from './tokens.ts';

export type CellToken = Exclude<Token, { kind: 'text' }>;

export interface Stream {
  /** Label text of the region, white space removed. */
  text: string;
  /** Line number of each character of `text`. */
  lineAt: number[];
  cells: { token: CellToken; offset: number }[];
}

export function toStream(lines: readonly Line[]): Stream {
  let text = '';
  const lineAt: number[] = [];
  const cells: Stream['cells'] = [];
  for (const line of lines) {
    if (isLetterhead(line.text) || isRunningHead(line.text)) continue;
    for (const token of tokenize(line)) {
      if (token.kind === 'text') {
        const t = token.text; // split on white space already
        text += t;
        for (let i = 0; i < t.length; i++) lineAt.push(token.line);
      } else cells.push({ token, offset: text.length });
    }
  }
  return { text, lineAt, cells };
}

/** Numbering that starts a label: `1.`, `(三)`, `四、`, `(七)`. */
const NUMBERING = /(?:\d{1,2}[.、]|\([一二三四五六七八九十]\)|[一二三四五六七八九十]、)/gu;

/**
 * Where the label found at `index` starts: back to its own numbering when that comes shortly before
 * (a label's numbers may be printed in the middle of it, before the words the pattern knows).
 */
export function labelStart(text: string, index: number, floor: number): number {
  const from = Math.max(floor, index - 24);
  let start = index;
  NUMBERING.lastIndex = from;
  for (let m = NUMBERING.exec(text); m && m.index < index; m = NUMBERING.exec(text)) start = m.index;
  return start;
}

/** First match of `pattern` in `text` at or after `from`. */
export function findFrom(text: string, pattern: RegExp, from: number): { index: number; end: number } | null {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { index: m.index, end: m.index + m[0].length } : null;
}

/** Cells printed after offset `start` (inside or after the label) up to and including offset `end`. */
export function cellsBetween(stream: Stream, start: number, end: number): CellToken[] {
  return stream.cells.filter((c) => c.offset > start && c.offset <= end).map((c) => c.token);
}
