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
  /** Offsets in `text` where a printed piece of text (a word or a line's part) starts. */
  pieces: number[];
}

export function toStream(lines: readonly Line[]): Stream {
  let text = '';
  const lineAt: number[] = [];
  const cells: Stream['cells'] = [];
  const pieces: number[] = [];
  for (const line of lines) {
    if (isLetterhead(line.text) || isRunningHead(line.text)) continue;
    for (const token of tokenize(line)) {
      if (token.kind === 'text') {
        const t = token.text; // split on white space already
        pieces.push(text.length);
        text += t;
        for (let i = 0; i < t.length; i++) lineAt.push(token.line);
      } else cells.push({ token, offset: text.length });
    }
  }
  return { text, lineAt, cells, pieces };
}

/** Where printed piece `k` of the stream's text ends (where the next starts, or the text's end). */
export const pieceEnd = (stream: Stream, k: number): number => stream.pieces[k + 1] ?? stream.text.length;

/** Printed piece `k` of the stream's text. */
export const pieceText = (stream: Stream, k: number): string => stream.text.slice(stream.pieces[k]!, pieceEnd(stream, k));

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

/** Each pattern's global copy (lastIndex is set before every use), made once. */
const GLOBAL = new WeakMap<RegExp, RegExp>();

/** First match of `pattern` in `text` at or after `from`. */
export function findFrom(text: string, pattern: RegExp, from: number): { index: number; end: number } | null {
  let re = GLOBAL.get(pattern);
  if (!re) GLOBAL.set(pattern, (re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g')));
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { index: m.index, end: m.index + m[0].length } : null;
}

/** Cells printed after offset `start` (inside or after the label) up to and including offset `end`. */
export function cellsBetween(stream: Stream, start: number, end: number): CellToken[] {
  return stream.cells.filter((c) => c.offset > start && c.offset <= end).map((c) => c.token);
}

/**
 * The literal strings a label pattern matches, where it is a plain alternation of words (character
 * classes of single characters expanded), three characters or longer; null where there are none
 * or the pattern is more than that.
 */
export function labelWords(pattern: RegExp): string[] | null {
  if (!LABEL_WORDS.has(pattern)) LABEL_WORDS.set(pattern, wordsOf(pattern));
  return LABEL_WORDS.get(pattern)!;
}
const LABEL_WORDS = new WeakMap<RegExp, string[] | null>();

function wordsOf(pattern: RegExp): string[] | null {
  const words: string[] = [];
  for (const alternative of pattern.source.split('|')) {
    let expanded = [''];
    for (const m of alternative.matchAll(/\[([^\]\\^-]+)\]|([^\\[\](){}.*+?^$|])|(.)/gu)) {
      if (m[3] !== undefined) return null;
      const options = m[1] !== undefined ? [...m[1]] : [m[2]!];
      expanded = expanded.flatMap((w) => options.map((o) => w + o));
    }
    // Two characters with pieces between them could be anything.
    words.push(...expanded.filter((w) => w.length >= 3));
  }
  return words.length > 0 ? words : null;
}

/** Each stream's pieces by where they start, made once (a stream is not changed once made). */
const PIECE_AT = new WeakMap<Stream, Map<number, number>>();

/** At most this many printed pieces skipped inside one label, each at most this long. */
const MAX_SKIPPED = 3;
const MAX_SKIPPED_LENGTH = 4;

/**
 * A label whose printed pieces have other short pieces between them: in reading order a group label
 * set one character per line (三/本/年/度), or a neighbouring column's wrapped words, land between the
 * lines of a wrapped label (`3.要求提供公开出版` `予` `物`). Found only where the label's words are the
 * concatenation of whole pieces with up to three short pieces left out between them.
 */
export function findWithGaps(stream: Stream, pattern: RegExp, from: number): { index: number; end: number } | null {
  const words = labelWords(pattern);
  if (!words) return null;
  const { text, pieces } = stream;
  let pieceAt = PIECE_AT.get(stream);
  if (!pieceAt) PIECE_AT.set(stream, (pieceAt = new Map(pieces.map((start, k) => [start, k] as const))));
  let best: { index: number; end: number } | null = null;
  for (const word of words) {
    // match word[j..] at position pos, having skipped `skipped` pieces so far; returns the end or -1.
    const walk = (pos: number, j: number, skipped: number): number => {
      if (j === word.length) return pos;
      if (text[pos] === word[j]) {
        const end = walk(pos + 1, j + 1, skipped);
        if (end >= 0) return end;
      }
      const k = pieceAt.get(pos);
      if (k === undefined || j === 0 || skipped >= MAX_SKIPPED) return -1;
      // Skip the piece starting here (short, or another row's label whole), then continue at the next piece.
      const end = pieceEnd(stream, k);
      if (end - pos > MAX_SKIPPED_LENGTH && !isOtherLabel(text.slice(pos, end))) return -1;
      return walk(end, j, skipped + 1);
    };
    for (let i = text.indexOf(word[0]!, from); i >= 0 && (!best || i < best.index); i = text.indexOf(word[0]!, i + 1)) {
      const end = walk(i, 0, 0);
      if (end >= 0) {
        best = { index: i, end };
        break;
      }
    }
  }
  return best;
}

/** A piece that is a whole numbered label ((六)其他处理), as a tall group label prints between a wrapped label's lines. */
const NUMBERED_LABEL = new RegExp(`^${NUMBERING.source}\\p{Script=Han}+$`, 'u');
const isOtherLabel = (piece: string) => piece.length <= 12 && NUMBERED_LABEL.test(piece);

/** A row's label: as printed, or else with short pieces of other labels between its pieces. */
export function findLabel(stream: Stream, pattern: RegExp, from: number): { index: number; end: number } | null {
  return findFrom(stream.text, pattern, from) ?? findWithGaps(stream, pattern, from);
}
