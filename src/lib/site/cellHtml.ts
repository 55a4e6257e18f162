// The cells of the standard tables as HTML strings. A report page has ~250 of them: as one Astro
// component each they were the largest part of a page's render time at national scale, so they
// are written here, in one place, with everything escaped. Markup as CellTd/LineCell had it.
import { formatCell } from './format.ts';
import type { CellView } from './tables.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

/** One printed cell: blank stays blank (read out as 空白), inferred and failing cells marked. */
export function cellHtml(cell: CellView): string {
  const cls = [cell.inferred ? 'inf' : '', cell.failing ? 'bad' : ''].filter(Boolean).join(' ');
  const value = cell.value === null ? '<span class="vh">空白</span>' : escapeHtml(formatCell(cell.value));
  const mark = cell.failing ? '<span class="mark" role="img" aria-label="勾稽不符">!</span>' : '';
  return `<td${cls ? ` class="${cls}"` : ''}>${value}${mark}</td>`;
}

/** The row's last cell: its source line and, where a rule placed its cells, the note number(s). */
export function lineHtml(line: number | undefined, path: string | undefined, cells: readonly CellView[] | null, notes: ReadonlyMap<string, number>): string {
  const keys = [...(path ? [path] : []), ...(cells ?? []).map((c) => c.key)];
  const numbers = [...new Set(keys.map((k) => notes.get(k)).filter((n) => n !== undefined))];
  const links = numbers.map((n) => ` <a href="#inf-${n}" aria-label="注${n}：本行有推定单元格">注${n}</a>`).join('');
  return `<td class="line">${line ? `第 ${line} 行` : ''}${links}</td>`;
}

/** A row's cells and its line cell; a row the report does not print spans its columns. */
export function rowCellsHtml(
  cells: readonly CellView[] | null,
  width: number,
  line: number | undefined,
  path: string | undefined,
  notes: ReadonlyMap<string, number>,
  missing = '报告未列出此行',
): string {
  const body = cells ? cells.map(cellHtml).join('') : `<td colspan="${width}" class="missing">${escapeHtml(missing)}</td>`;
  return body + lineHtml(line, path, cells, notes);
}
