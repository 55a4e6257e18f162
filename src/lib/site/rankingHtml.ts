// The rows of a ranking table as one escaped HTML string. The national ranking pages list every
// county (2,850 rows each at national scale) and there are 1,600 ranking pages: as Astro elements
// these rows were a large share of the build; written here they are one string per table.
// Markup as RankingTable.astro had it.
import { escapeHtml } from './cellHtml.ts';
import { formatMetricBare } from './format.ts';
import type { Metric } from './metrics.ts';
import { href, paths } from './paths.ts';
import type { RankedItem } from './rank.ts';
import type { ReportSummary } from './summary.ts';

/** Ranks shared by more than one county. */
export function tiedRanks(ranked: readonly RankedItem<unknown>[]): Set<number> {
  const tied = new Set<number>();
  for (let i = 1; i < ranked.length; i++) if (ranked[i].rank === ranked[i - 1].rank) tied.add(ranked[i].rank);
  return tied;
}

/**
 * `<tr>` per ranked county: rank (and 并列), its national rank on a province page, the county
 * linking to its report, where it lies, the value as printed.
 */
export function rankingRowsHtml(metric: Pick<Metric, 'kind'>, ranked: readonly RankedItem<ReportSummary>[], national?: (r: ReportSummary) => number | undefined): string {
  const tied = tiedRanks(ranked);
  let out = '';
  for (const r of ranked) {
    const { region, year } = r.item;
    const where = national ? region.prefecture : `${region.province}${region.prefecture !== region.province ? ` ${region.prefecture}` : ''}`;
    const n = national ? national(r.item) : undefined;
    out +=
      `<tr><td class="n">${r.rank}${tied.has(r.rank) ? '<span class="muted">（并列）</span>' : ''}</td>` +
      (national ? `<td class="n">${n ?? ''}</td>` : '') +
      `<th scope="row"><a href="${escapeHtml(href(paths.report(region, year)))}">${escapeHtml(region.name)}</a></th>` +
      `<td class="l">${escapeHtml(where)}</td><td class="n">${escapeHtml(formatMetricBare(metric, r.value))}</td></tr>`;
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
