// The cells of the standard tables as HTML strings. A report page has ~250 of them: as one Astro
// component each they were the largest part of a page's render time at national scale, so they
// are written here, in one place, with everything escaped. Markup as CellTd/LineCell had it.
import { anchorOf } from './citation.ts';
import { formatCell } from './format.ts';
import type { CellView } from './tables.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

/** 「未能读出」 with its reason on hover and for screen readers: never shown as a blank. */
export const unreadHtml = (why: string) => `<span class="unread" title="${escapeHtml(why)}">未能读出<span class="vh">：${escapeHtml(why)}</span></span>`;

/**
 * One printed cell: blank stays blank (read out as 空白), unread says so, inferred and failing cells
 * marked. Its id is its anchor (`#applications.granted-6`): the page's citation script finds the
 * figure by it, so no per-cell button is needed in the markup.
 */
export function cellHtml(cell: CellView): string {
  const cls = [cell.inferred ? 'inf' : '', cell.failing ? 'bad' : ''].filter(Boolean).join(' ');
  const value = cell.value === null ? (cell.unread ? unreadHtml(cell.unread) : '<span class="vh">空白</span>') : escapeHtml(formatCell(cell.value));
  const mark = cell.failing ? '<span class="mark" role="img" aria-label="勾稽不符">!</span>' : '';
  return `<td id="${anchorOf(cell.key)}"${cls ? ` class="${cls}"` : ''}>${value}${mark}</td>`;
}

/** Where a row was read: the page of a PDF (原文第 N 页), else the line of the source text. */
export interface RowSource {
  line?: number;
  page?: number;
}

const sourceText = (at: RowSource) => (at.page ? `原文第 ${at.page} 页` : at.line ? `第 ${at.line} 行` : '');

/** The row's last cell: where it was read and, where a rule placed its cells, the note number(s). */
export function lineHtml(at: RowSource, path: string | undefined, cells: readonly CellView[] | null, notes: ReadonlyMap<string, number>): string {
  const keys = [...(path ? [path] : []), ...(cells ?? []).map((c) => c.key)];
  const numbers = [...new Set(keys.map((k) => notes.get(k)).filter((n) => n !== undefined))];
  const links = numbers.map((n) => ` <a href="#inf-${n}" aria-label="注${n}：本行有推定单元格">注${n}</a>`).join('');
  // data-page: the PDF page for a figure's citation (…pdf#page=N).
  return `<td class="line"${at.page ? ` data-page="${at.page}"` : ''}>${sourceText(at)}${links}</td>`;
}

/** A row's cells and its line cell; a row the report does not print spans its columns. */
export function rowCellsHtml(
  cells: readonly CellView[] | null,
  width: number,
  at: RowSource,
  path: string | undefined,
  notes: ReadonlyMap<string, number>,
  unread = '本站在报告中未找到此行',
): string {
  const body = cells ? cells.map(cellHtml).join('') : `<td colspan="${width}" class="missing">${unreadHtml(unread)}</td>`;
  return body + lineHtml(at, path, cells, notes);
}
