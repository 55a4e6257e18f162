// The report's prose, Markdown → HTML at build time. The text is untrusted: raw HTML in it is
// turned into visible text (a `<script>` shows as `<script>`), the result is sanitized, images
// become their alt text (nothing is loaded from other hosts), headings become bold paragraphs so
// the page's heading order stays intact.
//
// Most report prose is plain paragraphs of Chinese text, for which Markdown syntax plays no part.
// Those take a short path that writes exactly what remark writes for them (a test holds the two
// equal on generated and real prose); anything with a character or line start that Markdown could
// read as syntax goes through remark. At 14,000 reports remark alone took ~1 ms per report.
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

interface MdNode {
  type: string;
  value?: string;
  alt?: string | null;
  url?: string;
  depth?: number;
  children?: MdNode[];
}

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem']);

function rewrite(node: MdNode, parent?: MdNode): MdNode {
  if (node.type === 'html') {
    const text = { type: 'text', value: node.value ?? '' };
    // A block of HTML sits where a paragraph would: keep it one.
    return parent && BLOCK_PARENTS.has(parent.type) ? { type: 'paragraph', children: [text] } : text;
  }
  if (node.type === 'image' || node.type === 'imageReference')
    return { type: 'text', value: node.alt ? `［图片：${node.alt}］` : '［图片］' };
  if (node.type === 'heading')
    return { type: 'paragraph', children: [{ type: 'strong', children: (node.children ?? []).map((c) => rewrite(c, node)) }] };
  if (node.children) return { ...node, children: node.children.map((c) => rewrite(c, node)) };
  return node;
}

/** remark plugin: untrusted-text rewrites above. */
function untrustedText() {
  return (tree: MdNode) => rewrite(tree);
}

const processor = unified()
  .use(remarkParse)
  .use(untrustedText)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeStringify);

/** The full remark pipeline, for any Markdown. */
export function renderProseWithRemark(markdown: string): string {
  return String(processor.processSync(markdown));
}

// Outside a backslash escape, these can start Markdown syntax anywhere in a line (emphasis, code,
// links, images, raw HTML, entities); control characters and tabs are left to remark as well.
const INLINE_SYNTAX = /[`*_[\]<>&\u0000-\u0009\u000b-\u001f\u007f]/;
// At the start of a line: indentation, headings, block quotes, lists, thematic breaks, setext
// underlines, fences, HTML blocks, link definitions.
const LINE_START_SYNTAX = /^(?:[ #>+\-*=_`~<[|]|\d{1,9}[.)])/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const escapeText = (c: string) => (c === '<' ? '&#x3C;' : c === '&' ? '&#x26;' : c);

/** One line of a plain paragraph: backslash escapes of ASCII punctuation resolved, `<` and `&` escaped. */
function plainLine(line: string): string | undefined {
  if (line.endsWith(' ')) return undefined; // trailing spaces: a hard break or trimmed
  let out = '';
  let start = 0;
  for (let i = line.indexOf('\\'); i >= 0; i = line.indexOf('\\', start)) {
    const next = line[i + 1];
    if (next === undefined) return undefined; // a backslash ending the line: a hard break
    const before = line.slice(start, i);
    if (INLINE_SYNTAX.test(before)) return undefined;
    if (ASCII_PUNCTUATION.test(next)) {
      out += before + escapeText(next);
      start = i + 2;
    } else {
      out += `${before}\\`;
      start = i + 1;
    }
  }
  const rest = line.slice(start);
  if (INLINE_SYNTAX.test(rest)) return undefined;
  return out + rest;
}

/** Prose with no Markdown syntax in it as remark renders it (paragraphs), or undefined. */
export function renderPlainProse(markdown: string): string | undefined {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line === '') {
      if (current.length) paragraphs.push(`<p>${current.join('\n')}</p>`), (current = []);
      continue;
    }
    if (LINE_START_SYNTAX.test(line)) return undefined;
    const html = plainLine(line);
    if (html === undefined) return undefined;
    current.push(html);
  }
  if (current.length) paragraphs.push(`<p>${current.join('\n')}</p>`);
  return paragraphs.join('\n');
}

export function renderProse(markdown: string): string {
  return renderPlainProse(markdown) ?? renderProseWithRemark(markdown);
}
