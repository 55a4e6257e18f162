// What the site should show for a corpus, computed from the truth alone and independently of the
// site's own modules: each ranked figure as the methodology defines it, and competition ranks
// (1, 2, 2, 4) nationally and within each province. The scale tests hold the site to these.
import type { Truth } from './truth.ts';

const TOTAL = 6;
const OUTCOME_TOTAL = 4;

type Value = number | null;
const cellAt = (row: readonly (number | null)[] | null | undefined, i: number): Value => (row ? (row[i] ?? null) : null);

/** Each ranked figure by its URL id, from the documented definitions (methodology page). */
export const EXPECTED_METRICS: Record<string, (t: Truth) => Value> = {
  licensing: (t) => t.active?.licensing ?? null,
  punishment: (t) => t.active?.punishment ?? null,
  coercion: (t) => t.active?.coercion ?? null,
  fees: (t) => t.active?.fees ?? null,
  received: (t) => cellAt(t.applications?.received, TOTAL),
  'disclosure-rate': (t) => {
    const a = t.applications;
    const granted = cellAt(a?.granted, TOTAL);
    const partly = cellAt(a?.partlyGranted, TOTAL);
    const total = cellAt(a?.total, TOTAL);
    return granted === null || partly === null || total === null || total === 0 ? null : (granted + partly) / total;
  },
  review: (t) => cellAt(t.review, OUTCOME_TOTAL),
  litigation: (t) => {
    const direct = cellAt(t.litigationDirect, OUTCOME_TOTAL);
    const after = cellAt(t.litigationAfterReview, OUTCOME_TOTAL);
    return direct === null || after === null ? null : direct + after;
  },
  'review-correction-rate': (t) => {
    const corrected = cellAt(t.review, 1);
    const total = cellAt(t.review, OUTCOME_TOTAL);
    return corrected === null || total === null || total === 0 ? null : corrected / total;
  },
  denied: (t) => {
    const rows = t.applications ? Object.values(t.applications.denied) : [];
    if (rows.length === 0) return null;
    let sum = 0;
    for (const row of rows) {
      const v = cellAt(row, TOTAL);
      if (v === null) return null;
      sum += v;
    }
    return sum;
  },
};

export interface ExpectedRank {
  code: string;
  value: number;
  rank: number; // national
  of: number;
  provinceRank: number;
  provinceOf: number;
}

export const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;

/** Competition ranks of one figure in one year, highest first; counties without it apart. */
export function expectedRanking(truths: readonly Truth[], metric: string, year: number): { ranked: ExpectedRank[]; missing: string[] } {
  const value = EXPECTED_METRICS[metric];
  if (!value) throw new Error(`no expected definition for metric ${metric}: add it to scripts/synth/expected.ts`);
  const withValue: { code: string; value: number }[] = [];
  const missing: string[] = [];
  for (const t of truths) {
    if (t.year !== year) continue;
    const v = value(t);
    if (v === null) missing.push(t.region.code);
    else withValue.push({ code: t.region.code, value: v });
  }
  // Rank = 1 + how many have a strictly higher value (ties share a rank, the next one skips).
  const higher = (v: number, among: typeof withValue) => among.filter((x) => x.value > v).length;
  const byProvince = new Map<string, typeof withValue>();
  for (const x of withValue) byProvince.set(provinceOf(x.code), [...(byProvince.get(provinceOf(x.code)) ?? []), x]);
  const ranked = withValue
    .map((x) => {
      const prov = byProvince.get(provinceOf(x.code))!;
      return { code: x.code, value: x.value, rank: 1 + higher(x.value, withValue), of: withValue.length, provinceRank: 1 + higher(x.value, prov), provinceOf: prov.length };
    })
    .sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
  return { ranked, missing: missing.sort() };
}
