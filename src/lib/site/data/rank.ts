// Competition ranking ("1, 2, 2, 4"): equal values share a rank, the next rank skips.
// Items without a value are never ranked as 0; they come back apart.

export interface RankedItem<T> {
  item: T;
  value: number;
  /** 1-based competition rank, highest value first. */
  rank: number;
}

export interface Ranking<T, M = unknown> {
  ranked: RankedItem<T>[];
  /** Items without the figure, with the reason, in input order. */
  missing: { item: T; reason: M }[];
}

/**
 * Rank `items` by `value`, highest first. `tieOrder` only orders equal values for display
 * (e.g. by county code) so the output is stable; it never changes a rank.
 */
export function competitionRank<T, M>(
  items: readonly T[],
  value: (item: T) => { value: number } | { value: null; reason: M },
  tieOrder: (a: T, b: T) => number = () => 0,
): Ranking<T, M> {
  const withValue: { item: T; value: number }[] = [];
  const missing: { item: T; reason: M }[] = [];
  for (const item of items) {
    const v = value(item);
    if (v.value === null) missing.push({ item, reason: (v as { reason: M }).reason });
    else if (!Number.isFinite(v.value)) throw new Error(`non-finite value ${v.value}`);
    else withValue.push({ item, value: v.value });
  }
  withValue.sort((a, b) => b.value - a.value || tieOrder(a.item, b.item));
  const ranked: RankedItem<T>[] = [];
  for (let i = 0; i < withValue.length; i++) {
    const { item, value: v } = withValue[i];
    const rank = i > 0 && withValue[i - 1].value === v ? ranked[i - 1].rank : i + 1;
    ranked.push({ item, value: v, rank });
  }
  return { ranked, missing };
}

/** The same ranking restricted to the items `keep` accepts, re-ranked among themselves. */
export function filterRanking<T, M>(ranking: Ranking<T, M>, keep: (item: T) => boolean): Ranking<T, M> {
  const ranked: RankedItem<T>[] = [];
  let previous: RankedItem<T> | undefined;
  for (const r of ranking.ranked) {
    if (!keep(r.item)) continue;
    const rank = previous && previous.value === r.value ? previous.rank : ranked.length + 1;
    previous = { item: r.item, value: r.value, rank };
    ranked.push(previous);
  }
  return { ranked, missing: ranking.missing.filter((m) => keep(m.item)) };
}
