// Finding reports on county web pages: a 政府信息公开年报 listing page links each year's report by its
// title (「2021年政府信息公开工作年度报告」); the link opens the file, or an article page that holds the
// report's text or links the file as an attachment. Listings run over several pages.
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { normaliseUrl } from './list.ts';

export interface Link {
  url: string;
  /** The anchor's text, or its title attribute where that is fuller (lists cut long titles with …). */
  text: string;
  /** A date printed beside the link in its list item or table row (a listing's publication date). */
  date?: string;
}

/** What the collector needs of an HTML page, read once. */
export interface Page {
  url: string;
  title: string;
  /** The visible text of the body. */
  text: string;
  links: Link[];
  /** Addresses of embedded documents: <iframe src>, <embed src>, <object data>. */
  embeds: string[];
  /** Inline script text (pagination is often written by script). */
  scripts: string;
}

type Node = T.Node;
type Element = T.Element;
const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const children = (n: Node): Node[] => (isElement(n) && n.tagName === 'template' ? (n as T.Template).content.childNodes : 'childNodes' in n ? n.childNodes : []);

function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as T.TextNode).value;
  if (isElement(n) && (n.tagName === 'script' || n.tagName === 'style')) return '';
  return children(n).map(textOf).join(isElement(n) && /^(p|div|li|tr|br|h\d|td)$/.test(n.tagName) ? ' ' : '');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function resolve(href: string | undefined, base: string): string | null {
  if (!href || /^\s*(javascript|mailto|tel):/i.test(href)) return null;
  try {
    return normaliseUrl(new URL(href.trim(), base).href);
  } catch {
    return null;
  }
}

export function readPage(html: string, url: string): Page {
  const doc = parse(html);
  let base = url;
  let title = '';
  const links: Link[] = [];
  const embeds: string[] = [];
  const scripts: string[] = [];
  /** The text of the list item or table row a link sits in, without the link's own. */
  const walk = (n: Node, row?: Element) => {
    for (const c of children(n)) {
      if (!isElement(c)) continue;
      if (c.tagName === 'base' && attr(c, 'href')) base = resolve(attr(c, 'href'), url) ?? base;
      else if (c.tagName === 'title') title = squash(textOf(c));
      else if (c.tagName === 'script') scripts.push(children(c).map((t) => (t.nodeName === '#text' ? (t as T.TextNode).value : '')).join(''));
      else if (c.tagName === 'a') {
        const target = resolve(attr(c, 'href'), base);
        const text = squash(textOf(c));
        const titleAttr = squash(attr(c, 'title') ?? '');
        const date = row ? dateIn(textOf(row).replace(textOf(c), ' ')) : undefined;
        if (target) links.push({ url: target, text: titleAttr.length > text.replace(/[.…]+$/, '').length ? titleAttr : text, ...(date ? { date } : {}) });
      } else if (c.tagName === 'iframe' || c.tagName === 'embed' || c.tagName === 'object') {
        const target = resolve(attr(c, c.tagName === 'object' ? 'data' : 'src'), base);
        if (target) embeds.push(target);
      }
      walk(c, c.tagName === 'li' || c.tagName === 'tr' || c.tagName === 'dd' ? c : row);
    }
  };
  walk(doc);
  const body = children(doc).flatMap(children).find((c) => isElement(c) && c.tagName === 'body');
  return { url, title, text: squash(body ? textOf(body) : ''), links, embeds, scripts: scripts.join('\n') };
}

/** The first date in a text as an ISO date: 2022-01-20, 2022/1/20, 2022.01.20, 2022年1月20日. */
export function dateIn(text: string): string | undefined {
  const m = text.match(/(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The publication date an article page prints (发布时间：2022-01-20), if it does. */
export function publishedOn(page: Page): string | undefined {
  const m = page.text.match(/(发布时间|发布日期|发文日期|成文日期|公开日期)\s*[:：]?\s*(20\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/);
  return m ? dateIn(m[2]) : undefined;
}

/** A report's title: names 政府信息公开 and 年度报告 (or 年报), and a year. */
const REPORT_TITLE = /政府信息公开.{0,6}(年度报告|年报)|信息公开年报/;
/** Titles about a report that are not it: notices on compiling it, its explanation, its template. */
const NOT_THE_REPORT = /通知|编制|解读|图解|模板|样式|格式|说明会|征集|评议|考核/;
/** Issuers that are not the county government itself: departments, townships, subdistricts. */
const DEPARTMENT = /局|委员会|委|办公室|办|乡|镇|街道|中心|所|院|队|站|部|厅|公司|学校|集团|协会|管委会|园区|开发区/;

/** The year a title reports on: 「2021年」「2021年度」「（2021年）」; the first one named. */
export function yearOfTitle(title: string): number | undefined {
  const m = title.match(/(20\d{2})\s*年/);
  return m ? Number(m[1]) : undefined;
}

export interface ReportLink extends Link {
  year?: number;
}

export interface ReportLinks {
  reports: ReportLink[];
  /** Report titles of departments and townships, not collected (the county's own report is). */
  departments: Link[];
}

/** The links of a page whose titles are the county's annual reports. */
export function reportLinks(page: Page): ReportLinks {
  const reports: ReportLink[] = [];
  const departments: Link[] = [];
  const seen = new Set<string>();
  for (const link of page.links) {
    if (!REPORT_TITLE.test(link.text) || NOT_THE_REPORT.test(link.text) || seen.has(link.url)) continue;
    seen.add(link.url);
    const year = yearOfTitle(link.text);
    // The issuer is printed before the year (or before 政府信息公开 when the year comes last).
    const issuer = link.text.slice(0, link.text.search(/20\d{2}\s*年|政府信息公开/)).replace(/人民政府$|政府$/, '');
    // What follows the last 县/区/市/旗 names the body below the county (county names such as 安乡县
    // or 镇原县 hold the same characters).
    const below = issuer.slice(Math.max(...['县', '区', '市', '旗'].map((c) => issuer.lastIndexOf(c))) + 1);
    if (DEPARTMENT.test(below)) departments.push(link);
    else reports.push({ ...link, ...(year ? { year } : {}) });
  }
  return { reports, departments };
}

const DOCUMENT_PATH = /\.(pdf|docx?|wps)$/i;
const isDocumentUrl = (url: string) => DOCUMENT_PATH.test(new URL(url).pathname);

/**
 * The report file(s) an article page links: attachments or embedded viewers whose address ends in
 * .pdf/.doc/.docx/.wps. Where several are linked, those whose text is a report title; else all.
 */
export function attachmentLinks(page: Page): Link[] {
  const docs = [...page.links, ...page.embeds.map((url) => ({ url, text: '' }))].filter((l) => isDocumentUrl(l.url));
  const unique = [...new Map(docs.map((l) => [l.url, l])).values()];
  const titled = unique.filter((l) => REPORT_TITLE.test(l.text));
  return titled.length > 0 ? titled : unique;
}

/** Whether an article page holds a report's text itself: its title and one of its standard tables. */
export function holdsReport(page: Page): boolean {
  return REPORT_TITLE.test(page.title + page.text.slice(0, 2000)) && /主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议/.test(page.text);
}

/** Whether an HTML page is a server's error page (served with 200, as some sites do). */
export function isErrorPage(page: Page): boolean {
  return /404|403|500|not found|页面不存在|页面未找到|找不到|出错|错误|访问受限|禁止访问/i.test(page.title) && page.text.length < 2000;
}

const NEXT_TEXT = /^(下一页|下页|后一页|next|›|»|>|>>)$/i;

/**
 * Further pages of a listing: links titled 下一页 or with a page number in the same folder, and the
 * pages that the common `createPageHTML(total, current, "index", "html")` script writes
 * (index.html, index_1.html … index_{total-1}.html).
 */
export function paginationLinks(page: Page): string[] {
  const folder = page.url.replace(/[^/]*([?#].*)?$/, '');
  const out = new Set<string>();
  for (const link of page.links) {
    if (NEXT_TEXT.test(link.text) || (/^(\d{1,3}|尾页|末页|最后一页|首页)$/.test(link.text) && link.url.startsWith(folder))) out.add(link.url);
  }
  const script = page.scripts.match(/createPage(?:HTML)?\(\s*['"]?(\d+)['"]?\s*,\s*['"]?\d+['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/);
  if (script) {
    const [, total, name, ext] = script;
    for (let i = 0; i < Math.min(Number(total), 500); i++) out.add(new URL(i === 0 ? `${name}.${ext}` : `${name}_${i}.${ext}`, folder).href);
  }
  out.delete(page.url);
  return [...out];
}
