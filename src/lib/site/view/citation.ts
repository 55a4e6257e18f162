// A citation of one figure of a report page (the 「引用」 action), and the figure's anchor. Pure: the
// page's script builds the text in the browser (it knows the access date and the page's address),
// the unit tests build it here.

/**
 * The anchor of a cell, from its JSON path: `applications.granted[6]` → `applications-granted-6`.
 * Letters, digits, dashes only (a strict HTML id, and nothing to escape in a URL or a selector);
 * JSON paths have no dashes of their own, so the anchor maps back to one path.
 */
export const anchorOf = (key: string): string => key.replace(/\[(\d+)\]/g, '-$1').replace(/[^A-Za-z0-9-]/g, '-');

/** ISO-like date in Chinese, from the reader's clock: 2026 年 11 月 30 日. */
export const accessDate = (d: Date): string => `${d.getFullYear()} 年 ${d.getMonth() + 1} 月 ${d.getDate()} 日`;

/**
 * The address of the source document at the figure's page: browsers' PDF viewers open `…pdf#page=N`
 * at page N. Other formats (web pages, Word, text) have no page to point at.
 */
export function sourceAt(url: string, page: number | undefined, pdf: boolean): string {
  if (!pdf || !page) return url;
  return `${url.replace(/#.*$/, '')}#page=${page}`;
}

export interface FigureCitation {
  /** 民和回族土族自治县 */
  county: string;
  year: number;
  /** The table as the report heads it: 三、收到和处理政府信息公开申请情况 */
  table: string;
  /** The row as printed: （一）予以公开 */
  row: string;
  /** The column as printed: 总计 (none for a figure that stands alone) */
  column?: string;
  /** The value as the page shows it (空白 for a blank cell). */
  value: string;
  unit?: string;
  /** 民和回族土族自治县人民政府 */
  issuer: string;
  /** The report's printed title. */
  title: string;
  /** The source document's address (sidecar url), where the site has it. */
  sourceUrl?: string;
  /**
   * The site's published copy of the source (…/source.pdf, absolute): cited where the sidecar gives
   * no original address, so that a PDF figure still points at its page.
   */
  sourceCopy?: string;
  /** The page of a PDF the figure's row was read from. */
  page?: number;
  pdf: boolean;
  /** This page's address with the figure's anchor. */
  permalink: string;
  siteName: string;
  accessed: Date;
}

/**
 * One paragraph a journalist can paste under a quote: what the figure is (county, year, table, row,
 * column as printed), its value, where the report prints it, where the site shows it, and when.
 */
export function citationText(c: FigureCitation): string {
  const where = [c.table, `“${c.row}”${c.column ? `行“${c.column}”栏` : ''}`].join('，');
  const value = c.unit && c.value !== '空白' && !c.value.endsWith(c.unit) ? `${c.value} ${c.unit}` : c.value;
  const pageText = c.page ? `原文第 ${c.page} 页` : '';
  const at = c.sourceUrl ? sourceAt(c.sourceUrl, c.page, c.pdf) : c.sourceCopy ? `本站存档原文：${sourceAt(c.sourceCopy, c.page, c.pdf)}` : '本站无原文网址';
  const source = [pageText, at].filter(Boolean).join('，');
  return (
    `${c.county}${c.year} 年政府信息公开工作年度报告，${where}：${value}。` +
    `来源：${c.issuer}《${c.title}》，${source}。` +
    `转引自${c.siteName}，${c.permalink}，访问日期：${accessDate(c.accessed)}。`
  );
}
