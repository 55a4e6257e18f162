// Reading the built pages: files of dist/, their URLs under the base, and a parse5 DOM with the few
// helpers the checks need (elements, attributes, text, table rows).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';

export type Element = T.Element;
type Node = T.Node;

/** Every file below dir with one of the extensions, sorted, as absolute paths. */
export function listFiles(dir: string, exts: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && exts.some((e) => entry.name.endsWith(e))) out.push(join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/** The URL path a file of dist/ is served at: dist/a/b/index.html → {base}a/b/. */
export function urlPathOf(dist: string, file: string, base: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  return base + (rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
}

const docs = new Map<string, T.Document>();
export function loadDocument(file: string): T.Document {
  let doc = docs.get(file);
  if (!doc) {
    doc = parse(readFileSync(file, 'utf8'));
    docs.set(file, doc);
  }
  return doc;
}

const isElement = (n: Node): n is Element => 'tagName' in n;
const childrenOf = (n: Node): Node[] => {
  if (isElement(n) && n.tagName === 'template') return (n as T.Template).content.childNodes;
  return 'childNodes' in n ? n.childNodes : [];
};

/** All elements below node (document order), optionally only those with one of the tag names. */
export function elements(node: Node, ...tags: string[]): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    for (const c of childrenOf(n)) {
      if (!isElement(c)) continue;
      if (tags.length === 0 || tags.includes(c.tagName)) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

/** A footnote marker inside a cell: <sup>, or an in-page link whose text is not a number (注1, *). */
const isMarker = (el: Element): boolean =>
  el.tagName === 'sup' || (el.tagName === 'a' && (attr(el, 'href') ?? '').startsWith('#') && !/^\s*[\d,.]+\s*$/.test(textOf(el)));

/** The text a reader sees, roughly: text nodes, without <script>, <style>, <template> and, if asked, footnote markers. */
export function textOf(node: Node, opts: { skipMarkers?: boolean } = {}): string {
  let s = '';
  const walk = (n: Node) => {
    if (n.nodeName === '#text') {
      s += (n as T.TextNode).value;
      return;
    }
    if (isElement(n)) {
      if (n.tagName === 'script' || n.tagName === 'style' || n.tagName === 'template') return;
      if (opts.skipMarkers && isMarker(n)) return;
      if (n.tagName === 'br') s += '\n';
    }
    for (const c of 'childNodes' in n ? n.childNodes : []) walk(c);
  };
  walk(node);
  return s;
}

/** Squeeze white space out and fold full-width punctuation, for matching labels. */
export const squeeze = (s: string): string =>
  s
    .replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[．、]/g, '.');

/**
 * What a table cell shows (footnote markers left out): `null` when blank (no digit at all), the number
 * when the cell starts with one (possibly followed by a mark such as ※, ! or （推断）), `undefined` for
 * any other text: labels like `1. 属于国家秘密`, ranks like `3/12` or `第3名`, percentages.
 */
export function cellValue(text: string): number | null | undefined {
  const t = text.replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, '').replace(/(\d)[,，](?=\d{3}(?:\D|$))/g, '$1');
  if (!/\d/.test(t)) return null;
  const m = t.match(/^([-−+]?\d+(?:\.\d+)?)(.*)$/);
  if (!m) return undefined;
  const rest = m[2];
  if (/^[.．、%％/]/.test(rest)) return undefined;
  return Number(m[1].replace('−', '-'));
}

export interface Row {
  /** The row's whole text, squeezed. */
  label: string;
  /** What each cell shows, in order (see cellValue); undefined for header cells. */
  values: (number | null | undefined)[];
  /** Its cells' raw text, for messages. */
  cells: string[];
}

/** Every table row of the page. */
export function tableRows(doc: T.Document): Row[] {
  return elements(doc, 'tr').map((tr) => {
    const cells = elements(tr, 'td', 'th').filter((c) => !elements(c, 'td', 'th').length);
    return {
      label: squeeze(textOf(tr, { skipMarkers: true })),
      // A header cell is a label even when it holds no text; only data cells are figures or blanks.
      values: cells.map((c) => (c.tagName === 'th' ? undefined : cellValue(textOf(c, { skipMarkers: true })))),
      cells: cells.map((c) => textOf(c).trim().replace(/\s+/g, ' ')),
    };
  });
}

/** Whether values holds expected as a run of adjacent cells (null: a blank cell), starting where `at` allows. */
export function hasRun(values: Row['values'], expected: (number | null)[], at?: number): boolean {
  const starts = at === undefined ? values.map((_, i) => i) : [at];
  return starts.some((s) => s + expected.length <= values.length && expected.every((e, i) => values[s + i] === e));
}
