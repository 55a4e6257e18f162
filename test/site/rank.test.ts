import { describe, expect, it } from 'vitest';
import { competitionRank, filterRanking } from '../../src/lib/site/data/rank.ts';

type Item = { id: string; v: number | null; p: string };
const value = (i: Item) => (i.v === null ? { value: null, reason: 'blank' as const } : { value: i.v });
const byId = (a: Item, b: Item) => a.id.localeCompare(b.id);

describe('competitionRank', () => {
  it('gives equal values the same rank and skips the next ranks (1, 2, 2, 4)', () => {
    const items: Item[] = [
      { id: 'a', v: 10, p: 'x' },
      { id: 'b', v: 7, p: 'y' },
      { id: 'c', v: 7, p: 'x' },
      { id: 'd', v: 3, p: 'y' },
    ];
    const r = competitionRank(items, value, byId);
    expect(r.ranked.map((x) => [x.item.id, x.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('handles a three-way tie at the top and a tie at the bottom', () => {
    const items: Item[] = [5, 5, 5, 1, 1, 0].map((v, i) => ({ id: `k${i}`, v, p: 'x' }));
    expect(competitionRank(items, value, byId).ranked.map((x) => x.rank)).toEqual([1, 1, 1, 4, 4, 6]);
  });

  it('lists items without the figure apart instead of ranking them as 0', () => {
    const items: Item[] = [
      { id: 'a', v: null, p: 'x' },
      { id: 'b', v: 0, p: 'x' },
      { id: 'c', v: 2, p: 'x' },
    ];
    const r = competitionRank(items, value, byId);
    expect(r.ranked.map((x) => [x.item.id, x.rank])).toEqual([
      ['c', 1],
      ['b', 2],
    ]);
    expect(r.missing).toEqual([{ item: items[0], reason: 'blank' }]);
  });

  it('does not let the display order of ties change a rank', () => {
    const items: Item[] = [
      { id: 'z', v: 4, p: 'x' },
      { id: 'a', v: 4, p: 'x' },
    ];
    const r = competitionRank(items, value, byId);
    expect(r.ranked.map((x) => x.item.id)).toEqual(['a', 'z']);
    expect(r.ranked.map((x) => x.rank)).toEqual([1, 1]);
  });

  it('refuses a non-finite value rather than ranking it', () => {
    expect(() => competitionRank([{ id: 'a', v: Number.NaN, p: 'x' }], value)).toThrow(/non-finite/);
  });
});

describe('filterRanking (province filter)', () => {
  it('re-ranks the kept items among themselves, keeping ties', () => {
    const items: Item[] = [
      { id: 'a', v: 9, p: 'x' },
      { id: 'b', v: 8, p: 'y' },
      { id: 'c', v: 6, p: 'x' },
      { id: 'd', v: 6, p: 'x' },
      { id: 'e', v: 1, p: 'x' },
      { id: 'f', v: null, p: 'x' },
      { id: 'g', v: null, p: 'y' },
    ];
    const r = filterRanking(competitionRank(items, value, byId), (i) => i.p === 'x');
    expect(r.ranked.map((x) => [x.item.id, x.rank])).toEqual([
      ['a', 1],
      ['c', 2],
      ['d', 2],
      ['e', 4],
    ]);
    expect(r.missing.map((m) => m.item.id)).toEqual(['f']);
  });
});
