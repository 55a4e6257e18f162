// The rows of a ranking table as one escaped HTML string. The national ranking pages list every
// county (2,850 rows each at national scale) and there are 1,600 ranking pages: as Astro elements
// these rows were a large share of the build; written here they are one string per table.
// Markup as RankingTable.astro had it.
import { escapeHtml } from './cellHtml.ts';
import { formatMetricBare } from './format.ts';
import { MARK_SHORT, type MarkReason } from '../data/marks.ts';
import type { Metric } from '../data/metrics.ts';
import { href, paths } from './paths.ts';
import type { RankedItem } from '../data/rank.ts';
import type { ReportSummary } from '../data/summary.ts';

/** Ranks shared by more than one county. */
export function tiedRanks(ranked: readonly RankedItem<unknown>[]): Set<number> {
  const tied = new Set<number>();
  for (let i = 1; i < ranked.length; i++) if (ranked[i].rank === ranked[i - 1].rank) tied.add(ranked[i].rank);
  return tied;
}

export interface RankingRowsOptions {
  /** On a province page: each county's rank among the collected counties of the country. */
  national?: (r: ReportSummary) => number | undefined;
  /** Why the county's figure is marked (marks.ts); empty when it is not. */
  marks?: (r: ReportSummary) => readonly MarkReason[];
  /** Its rank in the ranking without the marked reports (undefined for a marked one); the column is shown when given. */
  cleanRank?: (r: ReportSummary) => number | undefined;
}

/**
 * `<tr>` per ranked county: rank (and 并列), the county linking to its report with where it lies
 * beneath and its marks, the value as printed (third, so that a phone shows it without scrolling),
 * then its national rank on a province page and its rank without the marked reports.
 */
export function rankingRowsHtml(metric: Pick<Metric, 'kind'>, ranked: readonly RankedItem<ReportSummary>[], options: RankingRowsOptions = {}): string {
  const { national, marks, cleanRank } = options;
  const tied = tiedRanks(ranked);
  let out = '';
  for (const r of ranked) {
    const { region, year } = r.item;
    const where = national ? region.prefecture : `${region.province}${region.prefecture !== region.province ? ` ${region.prefecture}` : ''}`;
    const page = href(paths.report(region, year));
    const reasons = marks ? marks(r.item) : [];
    const mark = reasons.length ? ` <a class="mark" href="${escapeHtml(page)}#checks">⚑ ${escapeHtml(reasons.map((m) => MARK_SHORT[m]).join('，'))}</a>` : '';
    const n = national ? national(r.item) : undefined;
    const clean = cleanRank ? cleanRank(r.item) : undefined;
    out +=
      `<tr${reasons.length ? ' class="marked"' : ''}><td class="n">${r.rank}${tied.has(r.rank) ? '<span class="muted">（并列）</span>' : ''}</td>` +
      `<th scope="row"><a href="${escapeHtml(page)}">${escapeHtml(region.name)}</a>${mark}<span class="where">${escapeHtml(where)}</span></th>` +
      `<td class="n">${escapeHtml(formatMetricBare(metric, r.value))}</td>` +
      (national ? `<td class="n">${n ?? ''}</td>` : '') +
      (cleanRank ? `<td class="n">${clean ?? '<span class="muted">—</span>'}</td>` : '') +
      '</tr>';
  }
  return out;
}

/** `<li>` per county without the figure: the county linking to its report, its province. */
export function missingItemsHtml(reports: readonly ReportSummary[]): string {
  let out = '';
  for (const r of reports)
    out += `<li><a href="${escapeHtml(href(paths.report(r.region, r.year)))}">${escapeHtml(r.region.name)}</a> <span class="muted">${escapeHtml(r.region.province)}</span></li>`;
  return out;
}
