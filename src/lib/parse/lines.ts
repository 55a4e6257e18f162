// Text in, lines out: the only stage that knows about converters. PDF, Word and HTML front ends
// produce a string; everything after works on these lines.
import { foldRadicals } from '../read/radicals.ts';
import { rejection, type Rejection } from './rejections.ts';

export interface Line {
  /** 1-based line number in the source text. */
  no: number;
  /** The line as printed (trimmed), for prose. */
  raw: string;
  /** NFKC-normalised (full-width digits and brackets to ASCII), for tables and matching. */
  text: string;
}

/**
 * Page numbers as converters leave them: `- 5 -`, `-2-`, `— 12 —`, `第 3 页`, `第3页 共10页`. Not `1/3`:
 * in a table that is a row of cells with a blank between.
 */
const PAGE_NUMBER = /^(?:[-—–－‐]+\s*\d{1,3}\s*[-—–－‐]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)$/u;

export const isPageNumber = (text: string): boolean => PAGE_NUMBER.test(text);

/** A letterhead fragment: the issuing body's banner (…人民政府办公室文件) or its name set in spaced single characters. */
export function isLetterhead(text: string): boolean {
  // Cheap exits first: this runs on every line.
  if (text.length > 40 || (!text.includes('文件') && !text.includes(' '))) return false;
  // The banner ends in 文件, which white space may split but not its 件.
  if (text.includes('件')) {
    const compact = text.replace(/\s+/g, '');
    if (/文件$/u.test(compact) && /人民政府|办公室|委员会/u.test(compact) && !/[，。；：]/u.test(compact)) return true;
    if (/人民政府办公室文件/u.test(compact)) return true;
  }
  // 自 治 县: two to five single characters separated by spaces (the last one is the line's last character).
  return /\s/u.test(text.charAt(1)) && /^[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){1,4}$/u.test(text) && /[县区市旗州]$/u.test(text);
}

/**
 * A page's running head inside a table: the issuing body's name alone (增城区人民政府) or the report's
 * title repeated. In prose such a line may be the signature, so only tables skip it.
 */
export function isRunningHead(text: string): boolean {
  // Cheap exits first: this runs on every line of every table. Both need 府 (white space cannot split a character).
  if (text.length > 40 || !text.includes('府')) return false;
  const compact = text.replace(/\s+/g, '');
  return /^[\u4e00-\u9fff]{2,24}(?:人民政府|人民政府办公室|人民政府办公厅)$/u.test(compact) || (compact.includes('年度报告') && /^\S{0,24}\d{4}年度?政府信息公开工作年度报告/u.test(compact));
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/gu;

/**
 * Strips spaces (ASCII, no-break, ideographic) from both ends. A loop, not `/[ ]+$/`: that regex
 * retries from every space of an inner run and is quadratic on a line with a long one (60,000
 * spaces between two words took 12 s).
 */
export function trimSpaces(s: string): string {
  const isSpace = (c: number) => c === 0x20 || c === 0xa0 || c === 0x3000;
  let from = 0;
  let to = s.length;
  while (from < to && isSpace(s.charCodeAt(from))) from++;
  while (to > from && isSpace(s.charCodeAt(to - 1))) to--;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}
const LINE_BREAK = /\r\n|\r|\n/;

/** Splits text into lines, normalised for matching; blank lines and page numbers are dropped, line numbers kept. */
export function toLines(text: string): Line[] {
  // Radicals for characters (⼈⺠ for 人民) come in text copied out of a PDF viewer, as in the PDFs themselves.
  const clean = foldRadicals(text.replace(CONTROL, ''));
  const parts = clean.split(LINE_BREAK);
  // NFKC keeps line breaks, so the whole text is normalised at once (much faster than per line).
  let normalised = clean.normalize('NFKC').split(LINE_BREAK);
  if (normalised.length !== parts.length) normalised = parts.map((p) => p.normalize('NFKC'));
  const lines: Line[] = [];
  for (let i = 0; i < parts.length; i++) {
    const raw = trimSpaces(parts[i]!);
    if (raw === '' || (raw.charCodeAt(0) === 9 && /^\t*$/.test(raw))) continue;
    const trimmed = trimSpaces(normalised[i]!);
    const text = trimmed.includes('  ') || trimmed.includes('\u00a0') ? trimmed.replace(/[ \u00a0]+/g, ' ') : trimmed;
    // Page numbers are never content; dropped here, they cannot land in a table's cells.
    if (text.length <= 16 && isPageNumber(text.trim())) continue;
    lines.push({ no: i + 1, raw, text });
  }
  return lines;
}

/** Why a text is not a report at all, or null if it may be one. Cheap checks, run before anything else. */
export function unreadable(text: string): Rejection | null {
  if (text.trim() === '') return rejection.empty();
  const sample = text.slice(0, 65536);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  if (bad > sample.length * 0.01) return rejection.binary();
  if (!/[\u4e00-\u9fff]/u.test(sample)) return rejection.noChinese();
  return null;
}
