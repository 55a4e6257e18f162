// A table line into tokens: numbers, blank markers and label text. Cells may be separated by any
// white space; with tabs, an empty cell between tabs is kept as a blank.
import type { Line } from './lines.ts';

export type Token =
  | { kind: 'number'; value: number; line: number; yuan?: boolean; printed?: string }
  | { kind: 'blank'; line: number; empty?: boolean; mark?: string } // `/`, `-`, `—`, `无` (the mark), or an empty tab cell
  | { kind: 'text'; text: string; line: number };

const NUMBER = /^[+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/u;
const SIGNED = /^[-−](?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/u;
/** A number with its unit written in the cell: 18.08万元, 202万, 12000元, 35件. */
const WITH_UNIT = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(万元|万|元|件|个|项|条|次|人次)$/u;
const BLANK = /^(?:\/|\\|[-—–－‐]+|无|空|\.{1,3}|…+)$/u;
const UNIT = /^(?:万元|万|元|件|个|项|条|次|人次)$/u;

/** A cell that marks a blank (`/`, `-`, `无` …) rather than a figure. */
export const isBlankMark = (word: string) => BLANK.test(word);

const toNumber = (s: string) => Number(s.includes(',') ? s.replace(/,/g, '') : s);

export function parseNumberToken(word: string): { value: number; yuan?: boolean } | null {
  // Every figure starts with a digit or a sign: a label's word is told apart without the patterns.
  const c = word.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 0x2212)) return null;
  if (NUMBER.test(word)) return { value: toNumber(word) };
  if (SIGNED.test(word)) return { value: -toNumber(word.slice(1)) };
  const u = word.match(WITH_UNIT);
  if (u) return u[2] === '元' ? { value: toNumber(u[1]!), yuan: true } : { value: toNumber(u[1]!) };
  return null;
}

/** Splits one cell (or one space-separated run) into tokens. */
function wordsToTokens(words: string[], line: number, out: Token[]): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const num = parseNumberToken(word);
    // 保留 4 位小数 in a header (a converter spaced the figure out of its words) is no cell.
    if (num && /保留$/.test(words[i - 1] ?? '') && /^位/.test(words[i + 1] ?? '')) {
      out.push({ kind: 'text', text: word, line });
      continue;
    }
    if (num) {
      out.push({ kind: 'number', line, printed: word, ...num });
      continue;
    }
    // 无 is a blank only where it stands as a cell, not as the first character of a spaced-out label (无 法提供).
    if (BLANK.test(word)) {
      const next = words[i + 1];
      if (word !== '无' || next === undefined || BLANK.test(next) || parseNumberToken(next)) {
        out.push({ kind: 'blank', line, mark: word });
        continue;
      }
    }
    if (UNIT.test(word) && out.at(-1)?.kind === 'number') {
      const prev = out.at(-1) as Extract<Token, { kind: 'number' }>;
      if (word === '元') prev.yuan = true;
      continue;
    }
    out.push({ kind: 'text', text: word, line });
  }
}

/** Tokens of one line. A cell that starts with a label's numbering (`1.属于…`, `3.其他`) stays text. */
export function tokenize(line: Line): Token[] {
  const out: Token[] = [];
  if (line.text.includes('\t')) {
    // A grid row (Word's text export): label fields first, then one field per column, empty
    // where the cell is blank. Empty fields left of a label are the label's columns, not cells.
    const fields = line.text.split('\t').map((c) => c.trim());
    let lastLabel = -1;
    fields.forEach((f, i) => {
      if (f !== '' && !parseNumberToken(f) && !BLANK.test(f)) lastLabel = i;
    });
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      if (field !== '') wordsToTokens(splitWords(field), line.no, out);
      else if (i > lastLabel) out.push({ kind: 'blank', line: line.no, empty: true });
    }
    // Empty fields count only on a line that holds figures; on a header line they are layout.
    const holdsFigures = out.some((t) => t.kind === 'number' || (t.kind === 'blank' && !t.empty));
    return holdsFigures ? out : out.filter((t) => t.kind === 'text');
  }
  wordsToTokens(splitWords(line.text), line.no, out);
  return out;
}

/**
 * `1. 属于国家秘密` keeps its numbering with the label; otherwise split on white space, and on `?` and
 * U+FFFD: what a separator becomes in an encoding without it (GBK has no U+00A0), never part of a label.
 */
function splitWords(text: string): string[] {
  const words = text.split(/[ ?\ufffd]/u).filter(Boolean);
  const merged: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w.length <= 3 && /^\d{1,2}[.、]$/u.test(w) && next !== undefined && /^[\u4e00-\u9fff]/u.test(next)) {
      merged.push(w + next);
      i++;
    } else merged.push(w);
  }
  return merged;
}
