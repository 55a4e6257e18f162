// A prose section into Markdown for remark: hard wraps of the PDF joined into paragraphs, numbering
// ((一), 1., 一是) kept as text, page numbers and letterhead dropped. Report text is untrusted: every
// character that Markdown would read as markup is escaped.
import { isLetterhead, isPageNumber, type Line } from './lines.ts';

/** Starts a new paragraph: （一）, (一), 一、, 1., 1、, 一是, 第一, 其一. */
const PARAGRAPH_START = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，、,]|其[一二三四五六])/u;
const SENTENCE_END = /[。！？；：:!?;…”」』）)]$/u;

const visibleLength = (s: string) => s.replace(/\s+/g, '').length;

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

/** Joins wrapped lines into paragraphs. */
export function paragraphs(lines: readonly Line[]): string[] {
  const kept = lines.map((l) => l.raw.trim()).filter((t) => t !== '' && !isPageNumber(t.normalize('NFKC')) && !isLetterhead(t));
  const width = wrapWidth(kept);
  const out: string[] = [];
  let current = '';
  for (const line of kept) {
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

export function toMarkdown(lines: readonly Line[]): string {
  return paragraphs(lines).map(escapeMarkdown).join('\n\n');
}
