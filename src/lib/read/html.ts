// The HTML front stage: a saved web page into the intermediate form. parse5 parses the page as a
// browser does (the WHATWG algorithm: unclosed <td>s, stray tags and all); the page's navigation,
// menus, sidebars and footer are dropped by choosing the article that holds the report's tables; each
// table row becomes one line of tab-separated cells on the table's grid (see grid.ts).
import { parse } from 'parse5';
import { rejection } from '../parse/rejections.ts';
import { fromLines, type ReadResult } from './document.ts';
import { joinCellLines, tableLines, type SourceCell, type SourceLine } from './grid.ts';
import { detectEncoding } from './text.ts';

// parse5's default tree, reduced to what is read here.
interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  parentNode?: Node | null;
  content?: Node;
}

const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'select', 'option', 'button', 'input', 'textarea', 'iframe', 'svg', 'object', 'nav', 'map', 'canvas']);
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer', 'aside', 'main',
  'blockquote', 'pre', 'dl', 'dt', 'dd', 'center', 'form', 'caption', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'hr', 'address', 'figure', 'figcaption',
]);

const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;
const hidden = (n: Node) => attr(n, 'hidden') !== undefined || /display\s*:\s*none|visibility\s*:\s*hidden/iu.test(attr(n, 'style') ?? '');
const children = (n: Node) => n.childNodes ?? [];

function* elements(n: Node, tag?: string): Generator<Node> {
  for (const c of children(n)) {
    if (!c.tagName || SKIP.has(c.tagName)) continue;
    if (!tag || c.tagName === tag) yield c;
    yield* elements(c, tag);
  }
}

/** The page's text below `n`, skipping scripts and hidden parts; `links: false` leaves out link text. */
function textOf(n: Node, links = true): string {
  if (n.nodeName === '#text') return n.value ?? '';
  if ((n.tagName && SKIP.has(n.tagName)) || hidden(n) || (!links && n.tagName === 'a')) return '';
  return children(n).map((c) => textOf(c, links)).join('');
}

// ---------------------------------------------------------------- charset

const CHARSETS: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', 'utf-8': 'utf-8', utf8: 'utf-8', big5: 'big5', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be' };

/** The charset the page declares (<meta charset> or http-equiv Content-Type) in its first bytes. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).toLowerCase();
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/u);
  return m ? CHARSETS[m[1]!] : undefined;
}

/** The page as text: a BOM wins, then the declared charset if the bytes fit it, else detected. */
export function decodeHtml(bytes: Uint8Array): string {
  const detected = detectEncoding(bytes);
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe;
  const declared = declaredCharset(bytes);
  if (!hasBom && declared) {
    try {
      return new TextDecoder(declared, { fatal: true }).decode(bytes);
    } catch {
      // Servers and editors often declare one charset and write another: fall back to detection.
    }
  }
  return new TextDecoder(detected).decode(bytes);
}

// ---------------------------------------------------------------- the article

/** A table that holds a table is page layout (old portals are built of them), not a table of figures. */
const isLayoutTable = (t: Node) => !elements(t, 'table').next().done;

/** Words every report table carries in its headers or labels. */
const REPORT_TABLE = /第二十条|信息内容|申请人情况|本年新收|行政复议|行政诉讼|结果维持|处理决定数量|自然人/u;

function ancestors(n: Node): Node[] {
  const out: Node[] = [];
  for (let p: Node | null | undefined = n; p; p = p.parentNode) out.unshift(p);
  return out;
}

function commonAncestor(nodes: Node[]): Node {
  const paths = nodes.map(ancestors);
  let i = 0;
  while (paths.every((p) => p[i] !== undefined && p[i] === paths[0]![i])) i++;
  return paths[0]![i - 1]!;
}

const cjkCount = (s: string) => s.match(/[\u4e00-\u9fff]/gu)?.length ?? 0;

/** The element with the most Chinese prose of its own (text in its direct children, links left out). */
function densestBlock(body: Node): Node {
  let best = body;
  let bestScore = -1;
  for (const el of elements(body)) {
    const score = children(el).reduce((sum, c) => sum + (c.tagName === 'a' ? 0 : cjkCount(textOf(c, false))), 0);
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  return best;
}

/** Text outside tables, where a report's prose is. */
function proseOf(n: Node): string {
  if (n.nodeName === '#text') return n.value ?? '';
  if ((n.tagName && SKIP.has(n.tagName)) || hidden(n) || n.tagName === 'table' || n.tagName === 'a') return '';
  return children(n).map(proseOf).join('');
}

/** The article: the smallest element holding every report table and some prose, else the densest
 *  block of prose. (Each table may stand in a wrapper of its own, or there may be one table only.) */
export function findArticle(body: Node): { article: Node; reportTables: number } {
  const tables = [...elements(body, 'table')].filter((t) => !isLayoutTable(t) && REPORT_TABLE.test(textOf(t)));
  if (tables.length > 0) {
    let article = commonAncestor(tables);
    while (article !== body && article.parentNode && cjkCount(proseOf(article)) < 12) article = article.parentNode;
    return { article, reportTables: tables.length };
  }
  return { article: densestBlock(body), reportTables: 0 };
}

/** The report's title when the article does not print it: the page's heading or its <title>. */
function pageTitle(doc: Node, body: Node): string | undefined {
  for (const tag of ['h1', 'h2', 'h3', 'h4']) for (const h of elements(body, tag)) if (/年度?报告/u.test(textOf(h))) return joinCellLines([textOf(h)]);
  for (const el of elements(body)) if (/title/iu.test(attr(el, 'class') ?? '') && /年度?报告/u.test(textOf(el))) return joinCellLines([textOf(el)]);
  const html = children(doc).find((c) => c.tagName === 'html');
  const head = html && children(html).find((c) => c.tagName === 'head');
  const meta = head && children(head).find((c) => c.tagName === 'meta' && /articletitle/iu.test(attr(c, 'name') ?? ''));
  if (meta && /年度?报告/u.test(attr(meta, 'content') ?? '')) return attr(meta, 'content');
  const title = head && children(head).find((c) => c.tagName === 'title');
  // <title> is often `Report title_Site name` or `Report title - Site`.
  const text = title ? joinCellLines([textOf(title)]).split(/\s*[_|｜]\s*|\s+-\s+/u)[0] : undefined;
  return text && /年度?报告/u.test(text) ? text : undefined;
}

// ---------------------------------------------------------------- lines

class LineWriter {
  readonly lines: SourceLine[] = [];
  private buffer = '';
  tables = 0;
  text(s: string) {
    this.buffer += s;
  }
  flush() {
    const line = this.buffer.replace(/[\s\u00a0]+/gu, ' ').trim();
    if (line) this.lines.push({ text: line });
    this.buffer = '';
  }
}

/** A cell's content as its lines (paragraphs and <br> breaks). */
function cellLines(cell: Node): string[] {
  const w = new LineWriter();
  walk(cell, w);
  w.flush();
  return w.lines.map((l) => l.text);
}

function tableRows(table: Node): SourceCell[][] {
  const rows: SourceCell[][] = [];
  const visit = (n: Node) => {
    for (const c of children(n)) {
      if (c.tagName === 'tr') {
        if (hidden(c)) continue;
        rows.push(
          children(c)
            .filter((td) => td.tagName === 'td' || td.tagName === 'th')
            .map((td) => ({ lines: cellLines(td), colSpan: Number(attr(td, 'colspan') ?? 1) || 1, rowSpan: Number(attr(td, 'rowspan') ?? 1) || 1 })),
        );
      } else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

function walk(n: Node, w: LineWriter) {
  for (const c of children(n)) {
    if (c.nodeName === '#text') {
      w.text(c.value ?? '');
      continue;
    }
    const tag = c.tagName;
    if (!tag || SKIP.has(tag) || hidden(c)) continue;
    if (tag === 'br') {
      w.flush();
      continue;
    }
    if (tag === 'table' && !isLayoutTable(c)) {
      w.flush();
      w.lines.push(...tableLines(tableRows(c), ++w.tables));
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) w.flush();
    walk(c, w);
    if (block) w.flush();
  }
}

/** The report's lines: the title if the article lacks it, then the article, tables as tab rows. */
export function htmlLines(html: string): { lines: SourceLine[]; reportTables: number; article: Node } {
  const doc = parse(html) as unknown as Node;
  const htmlEl = children(doc).find((c) => c.tagName === 'html');
  const body = (htmlEl && children(htmlEl).find((c) => c.tagName === 'body')) ?? doc;
  const { article, reportTables } = findArticle(body);
  const w = new LineWriter();
  // The article itself may be the one report table: walk it as a child.
  walk({ nodeName: '#fragment', childNodes: [article] }, w);
  w.flush();
  const lines = w.lines;
  const title = pageTitle(doc, body);
  if (title && !lines.slice(0, 5).some((l) => l.text.replace(/\s/gu, '').includes(title.replace(/\s/gu, '')))) lines.unshift({ text: title });
  return { lines, reportTables, article };
}

/** What the article links to or shows instead of tables: the report as an attachment, or as images. */
function elsewhere(article: Node): 'attachment' | 'images' | null {
  if ([...elements(article, 'a')].some((a) => /\.(?:pdf|docx?|wps)(?:$|[?#])/iu.test(attr(a, 'href') ?? ''))) return 'attachment';
  if ([...elements(article, 'img')].length > 0) return 'images';
  return null;
}

export function readHtml(bytes: Uint8Array): ReadResult {
  const { lines, reportTables, article } = htmlLines(decodeHtml(bytes));
  if (reportTables === 0) {
    const where = elsewhere(article);
    if (where === 'attachment') return { ok: false, ...rejection.htmlAttachment() };
    if (where === 'images') return { ok: false, ...rejection.htmlImages() };
    if (lines.length === 0) return { ok: false, ...rejection.htmlNoReport() };
  }
  return { ok: true, source: fromLines('html', lines) };
}
