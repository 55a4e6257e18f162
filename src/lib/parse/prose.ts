// A prose section into Markdown for remark: hard wraps of the PDF joined into paragraphs, numbering
// ((一), 1., 一是) kept as text, page numbers and letterhead dropped. Report text is untrusted: every
// character that Markdown would read as markup is escaped.
import { isLetterhead, type Line } from './lines.ts';

/** Starts a new paragraph: （一）, (一), 一、, 1., 1、, 一是, 第一, 其一. */
const PARAGRAPH_START = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，、,]|其[一二三四五六])/u;
const SENTENCE_END = /[。！？；：:!?;…”」』）)]$/u;

const visibleLength = (s: string) => (s.includes(' ') || s.includes('\t') ? s.replace(/\s+/g, '').length : s.length);

/** The width a converter wrapped lines at: the length most full lines reach. */
function wrapWidth(lines: readonly string[]): number {
  const lengths = lines.map(visibleLength).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.8)] ?? 0;
}

const isCjk = (c: string | undefined) => c !== undefined && /[\u3000-\u9fff\uff00-\uffef]/u.test(c);

function join(a: string, b: string): string {
  // Latin words and figures broken across lines get their space back; Chinese joins without one.
  return !isCjk(a.at(-1)) && !isCjk(b[0]) && /\w$/.test(a) && /^\w/.test(b) ? `${a} ${b}` : a + b;
}

/** The signature block's lines stand alone: the body's name, the date (2022年2月18日), 抄送. */
const STANDS_ALONE = /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\S{0,4}|\S{2,30}(?:人民政府|办公室|办公厅)|抄送[:：].*)$/u;
const standsAlone = (line: string) =>
  line.length <= 40 && (line.includes('日') || line.includes('人民政府') || line.includes('办公') || line.startsWith('抄送')) && STANDS_ALONE.test(line);

// Page numbers never reach here (toLines drops them); letterhead may.
const keptText = (lines: readonly Line[]) => lines.filter((l) => !isLetterhead(l.text)).map((l) => l.raw.trim());

/** The wrap width of a report's prose, measured over all of it: one section can be too short to tell. */
export const proseWidth = (lines: readonly Line[]) => wrapWidth(keptText(lines));

/** Joins wrapped lines into paragraphs. */
export function paragraphs(lines: readonly Line[], width = proseWidth(lines)): string[] {
  const kept = keptText(lines);
  const out: string[] = [];
  let current = '';
  for (const line of kept) {
    if (standsAlone(line)) {
      if (current !== '') out.push(current);
      out.push(line);
      current = '';
      continue;
    }
    if (current !== '' && PARAGRAPH_START.test(line)) {
      out.push(current);
      current = '';
    }
    current = current === '' ? line : join(current, line);
    // A line that ends a sentence and stops short of the wrap width ends its paragraph.
    if (SENTENCE_END.test(line) && visibleLength(line) < width - 1) {
      out.push(current);
      current = '';
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Escapes Markdown syntax so that report text renders as the text it is. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#|~!&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(\d+)([.)])/u, '$1$2\\$3')
    .replace(/^(\s*)([-+=])/u, '$1\\$2');
}

export function toMarkdown(lines: readonly Line[], width?: number): string {
  return paragraphs(lines, width).map(escapeMarkdown).join('\n\n');
}
