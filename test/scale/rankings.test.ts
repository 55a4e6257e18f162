// Correct at scale, without building pages: a 200-county corpus (2019–2023, 1,000 reports in varied
// layouts) is parsed, and the site's ranking and province modules are held to what the corpus truth
// says, computed independently (scripts/synth/expected.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { countyReports, pickCounties } from '../../scripts/corpus.ts';
import { expectedRanking, provinceOf } from '../../scripts/synth/expected.ts';
import { compareWithTruth, createRng, describeMismatches, type Truth } from '../../scripts/synth/index.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import { counties as allCounties } from '../../src/lib/region.ts';
import type { Report } from '../../src/lib/schema.ts';
import { METRICS } from '../../src/lib/site/data/metrics.ts';
import { buildSiteIndex, type SiteIndex } from '../../src/lib/site/data/siteIndex.ts';

const SEED = 'scale-200';
const YEARS = [2019, 2020, 2021, 2022, 2023];

const picked = pickCounties(createRng(`${SEED}:counties`), 200);
const entries = picked.flatMap((c) => countyReports(SEED, c, YEARS));
const truths: Truth[] = entries.map((e) => e.truth);

let reports: Report[] = [];
let site: SiteIndex;

beforeAll(() => {
  reports = entries.map((e) => {
    const r = parseReport(e.text, { source: `${e.file}.txt` });
    if (!r.ok) throw new Error(`${e.file}: ${r.error}`);
    return r.report;
  });
  site = buildSiteIndex(reports);
});

describe('a 200-county corpus, five years', () => {
  it('spreads its counties over every province and has one report per county and year', () => {
    expect(new Set(picked.map((c) => c.province)).size).toBe(31);
    expect(entries).toHaveLength(1000);
    expect(site.reports).toHaveLength(1000);
    expect(site.years).toEqual(YEARS);
  });

  it('is read exactly by the parser (every cell, year, region, consistency flag)', () => {
    const wrong = entries
      .map((e, i) => ({ file: e.file, mismatches: compareWithTruth(e.truth, reports[i]) }))
      .filter((w) => w.mismatches.length > 0)
      .map((w) => `${w.file}:\n${describeMismatches(w.mismatches, 4)}`);
    expect(wrong, wrong.slice(0, 3).join('\n')).toEqual([]);
  });

  it('ranks every figure of every year nationally as the truth does (competition ranks, blanks apart)', () => {
    for (const metric of METRICS) {
      for (const year of YEARS) {
        const expected = expectedRanking(truths, metric.id, year);
        const ranking = site.ranking(metric.id, year);
        const got = ranking.ranked.map((r) => ({ code: r.item.region.code, value: r.value, rank: r.rank }));
        expect(got, `${metric.id} ${year}`).toEqual(expected.ranked.map(({ code, value, rank }) => ({ code, value, rank })));
        expect(ranking.missing.map((m) => m.item.region.code).sort(), `${metric.id} ${year} missing`).toEqual(expected.missing);
      }
    }
  });

  it('gives every report its national and within-province position as the truth does', () => {
    for (const metric of METRICS) {
      for (const year of YEARS) {
        const expected = new Map(expectedRanking(truths, metric.id, year).ranked.map((r) => [r.code, r]));
        for (const report of site.reportsOfYear(year)) {
          const got = site.rankOf(metric.id, report);
          const want = expected.get(report.region.code);
          if (!want) expect(got.value, `${metric.id} ${year} ${report.region.code}`).toBeNull();
          else
            expect(got, `${metric.id} ${year} ${report.region.code}`).toEqual({
              value: want.value,
              national: { rank: want.rank, of: want.of },
              province: { rank: want.provinceRank, of: want.provinceOf },
            });
        }
      }
    }
  });

  it('ranks within a province as the truth does (the province ranking pages)', () => {
    const provinces = [...new Set(picked.map((c) => provinceOf(c.code)))];
    for (const metric of METRICS.slice(0, 4)) {
      for (const province of provinces) {
        const expected = expectedRanking(truths, metric.id, 2022).ranked.filter((r) => provinceOf(r.code) === province);
        const got = site.provinceRanking(metric.id, 2022, province).ranked.map((r) => ({ code: r.item.region.code, rank: r.rank }));
        expect(got, `${metric.id} ${province}`).toEqual(expected.map((r) => ({ code: r.code, rank: r.provinceRank })));
      }
    }
  });

  it('lists in each province exactly its corpus counties, their reports, and the counties without one', () => {
    for (const p of site.provinces) {
      const inCorpus = picked.filter((c) => provinceOf(c.code) === p.code);
      expect(p.counties.map((c) => c.code).sort(), p.name).toEqual(inCorpus.map((c) => c.code).sort());
      expect(p.reportCount, p.name).toBe(inCorpus.length * YEARS.length);
      for (const c of p.counties) expect(c.reports.map((r) => r.year), c.code).toEqual(YEARS);
      const without = allCounties.filter((c) => provinceOf(c.code) === p.code && !inCorpus.some((x) => x.code === c.code));
      expect(p.without.map((c) => c.code).sort(), `${p.name} without`).toEqual(without.map((c) => c.code).sort());
    }
  });
});
