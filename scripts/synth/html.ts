// A synthetic report as a government web page: site header, navigation, breadcrumb, the article (title,
// prose, the three tables with merged header cells) and a footer, as county portals publish them.
// `renderReportHtml` returns the page as a string; Chromium can print it to PDF (the CSS options give
// narrow label columns that wrap and tables that break across pages).
import { reportDocument, DEFAULT_DOCUMENT_OPTIONS, type DocCell, type DocTable, type DocumentOptions, type ReportDocument } from './document.ts';
import type { Truth } from './truth.ts';

export interface HtmlOptions extends DocumentOptions {
  /** The page around the article: a modern portal (nav, aside, footer), an old portal built of nested
   *  layout tables, or the bare article (what a "print" view shows). */
  page: 'portal' | 'layoutTables' | 'bare';
  /** Label columns narrow enough that long labels wrap when printed. */
  narrowLabels: boolean;
  /** Let tables break across printed pages (rows never split), or keep each table whole where it fits. */
  breakTables: boolean;
  /** A cell's lines as <br> breaks or as paragraphs. */
  cellLines: 'br' | 'p';
  /** The charset the page declares in <meta charset> (encode it with `encodeHtml`). */
  charset: 'utf-8' | 'gbk';
  /**
   * The body's font. By default Noto CJK, whose CFF outlines Chromium prints as a Type 3 font per few
   * glyphs; a TrueType CJK font (WenQuanYi Zen Hei) it embeds as CID TrueType, as Word, WPS and a
   * browser on Windows (宋体) embed theirs.
   */
  fontFamily?: string;
}

/** A TrueType CJK font (Debian's fonts-wqy-zenhei, which .ci/run installs): Chromium embeds it as CID TrueType. */
export const TRUETYPE_CJK_FONT = '"WenQuanYi Zen Hei"';

export const DEFAULT_HTML_OPTIONS: HtmlOptions = {
  ...DEFAULT_DOCUMENT_OPTIONS,
  page: 'portal',
  narrowLabels: false,
  breakTables: true,
  cellLines: 'br',
  charset: 'utf-8',
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellHtml(c: DocCell, options: HtmlOptions): string {
  const tag = c.header ? 'th' : 'td';
  const attrs = [c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '', c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '', c.label ? ' class="label"' : ''].join('');
  const text = c.lines.map(escape);
  const body = options.cellLines === 'p' ? text.map((t) => `<p>${t}</p>`).join('') : text.join('<br>');
  // Word-exported pages pad empty cells with &nbsp;.
  return `<${tag}${attrs}>${body || '&nbsp;'}</${tag}>`;
}

function tableHtml(t: DocTable, options: HtmlOptions): string {
  const rows = t.rows.map((r) => `<tr>${r.map((c) => cellHtml(c, options)).join('')}</tr>`).join('\n');
  return `<table class="report" border="1" cellspacing="0" cellpadding="4">\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

function articleHtml(doc: ReportDocument, options: HtmlOptions): string {
  const body = doc.blocks
    .map((b) => {
      if (b.kind === 'heading') return `<p class="h"><strong>${escape(b.text)}</strong></p>`;
      if (b.kind === 'paragraph') return `<p>${escape(b.text)}</p>`;
      return tableHtml(b.table, options);
    })
    .join('\n');
  const signature = doc.signature.map((s) => `<p class="sign">${escape(s)}</p>`).join('\n');
  return `<article class="article">
<h1>${doc.title.map(escape).join('<br>')}</h1>
<div class="info">发布时间：2026-01-20　来源：${escape(doc.issuer)}　浏览次数：<span>1024</span>　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div class="content" id="zoom">
${body}
${signature}
</div>
<div class="attach">附件：<a href="#">${escape(doc.title.join(''))}.pdf</a></div>
</article>`;
}

function css(options: HtmlOptions): string {
  const label = options.narrowLabels ? 'td.label { width: 3.5em; max-width: 3.5em; }' : 'td.label { min-width: 8em; }';
  const breaks = options.breakTables ? 'table.report { break-inside: auto; } tr { break-inside: avoid; }' : 'table.report { break-inside: avoid; }';
  return `body { font-family: ${options.fontFamily ?? '"Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"'}, serif; margin: 0; }
nav ul { list-style: none; display: flex; gap: 1em; } .breadcrumb { font-size: 0.9em; color: #555; }
table.report { border-collapse: collapse; width: 100%; margin: 1em 0; } table.report td, table.report th { border: 1px solid #000; padding: 2px 4px; text-align: center; font-size: 10.5pt; }
table.report p { margin: 0; } ${label} ${breaks}
@media print { nav, .breadcrumb, footer, aside, .share { display: none; } }`;
}

const NAV = ['首页', '政务公开', '政务服务', '互动交流', '走进本地', '专题专栏'];

/** A report as a government web page. */
export function renderReportHtml(truth: Truth, options: Partial<HtmlOptions> = {}): string {
  const o: HtmlOptions = { ...DEFAULT_HTML_OPTIONS, ...options };
  const doc = reportDocument(truth, o);
  const title = `${doc.title.join('')}`;
  const head = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="${o.charset}">
<meta name="ArticleTitle" content="${escape(title)}">
<title>${escape(title)}_${escape(doc.place)}人民政府</title>
<style>${css(o)}</style>
<script>var _hmt = _hmt || []; (function () { document.title = document.title; })();</script>
</head>`;
  const article = articleHtml(doc, o);
  if (o.page === 'bare') return `${head}\n<body>\n${article}\n</body>\n</html>\n`;
  const nav = `<nav><ul>${NAV.map((n) => `<li><a href="#">${n}</a></li>`).join('')}</ul></nav>`;
  const crumb = `<div class="breadcrumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">政府信息公开</a> &gt; <a href="#">政府信息公开年报</a></div>`;
  const aside = `<aside><h3>相关链接</h3><ul>${[1, 2, 3].map((k) => `<li><a href="#">${escape(doc.place)}${truth.year - k}年政府信息公开工作年度报告</a></li>`).join('')}</ul>
<table class="hot"><tr><td><a href="#">关于印发政务公开工作要点的通知</a></td><td>2026-01-05</td></tr><tr><td><a href="#">政府信息公开指南</a></td><td>2025-12-30</td></tr></table></aside>`;
  const footer = `<footer><p>主办：${escape(doc.place)}人民政府办公室　承办：${escape(doc.place)}大数据中心</p><p>网站标识码：1234567890　ICP备12345678号　公网安备 12345678901234号</p><p>联系电话：0000-1234567　地址：${escape(doc.place)}人民路1号</p></footer>`;
  const script = `<script>document.querySelectorAll('nav a').forEach(function (a) { a.title = a.textContent; });</script>`;
  const top = `<header><div class="logo">${escape(doc.place)}人民政府</div><form class="search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></header>`;
  if (o.page === 'layoutTables')
    return `${head}
<body>
<table width="1000" align="center" cellspacing="0" cellpadding="0"><tr><td colspan="2">${top}${nav}</td></tr>
<tr><td colspan="2">${crumb}</td></tr>
<tr><td width="760" valign="top">${article}</td><td width="240" valign="top">${aside}</td></tr>
<tr><td colspan="2">${footer}</td></tr></table>
${script}
</body>
</html>
`;
  return `${head}
<body>
${top}
${nav}
${crumb}
<main>
${article}
${aside}
</main>
${footer}
${script}
</body>
</html>
`;
}

let gbTable: Map<string, number> | undefined;

/** GBK (GB18030's two-byte part) encoding, for pages declared as gbk: built from the platform's decoder. */
export function gbkEncoder(): Map<string, number> {
  if (gbTable) return gbTable;
  gbTable = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, (lead << 8) | trail);
    }
  return gbTable;
}

/** Text as GBK bytes; `lacking` gives the bytes for a character GBK does not have. */
export function encodeGbkWith(text: string, lacking: (code: number) => ArrayLike<number>): Uint8Array {
  const table = gbkEncoder();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const gb = code < 0x80 ? undefined : table.get(ch);
    if (code < 0x80) out.push(code);
    else if (gb !== undefined) out.push(gb >> 8, gb & 0xff);
    else out.push(...Array.from(lacking(code)));
  }
  return new Uint8Array(out);
}

/** The page's bytes in the charset it declares. Characters GBK lacks are written as HTML entities. */
export function encodeHtml(html: string, charset: HtmlOptions['charset']): Uint8Array {
  if (charset === 'utf-8') return new TextEncoder().encode(html);
  return encodeGbkWith(html, (code) => new TextEncoder().encode(`&#${code};`));
}
