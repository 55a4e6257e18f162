import { describe, expect, it } from 'vitest';
import { getMetric } from '../../src/lib/site/data/metrics.ts';
import { competitionRank } from '../../src/lib/site/data/rank.ts';
import { missingItemsHtml, rankingRowsHtml } from '../../src/lib/site/view/rankingHtml.ts';
import { summarise } from '../../src/lib/site/data/summary.ts';
import { makeReport } from './factory.ts';

describe('ranking rows as HTML', () => {
  const reports = [
    makeReport({ code: '630222', name: '民和回族土族自治县', licensing: 30 }),
    makeReport({ code: '632224', name: '刚察县', licensing: 30 }),
    makeReport({ code: '411421', name: '民权县<b>', licensing: 1234 }),
  ].map((r) => summarise(r));
  const metric = getMetric('licensing');
  const { ranked } = competitionRank(reports, (r) => r.values.licensing, (a, b) => a.region.code.localeCompare(b.region.code));

  it('writes one row per county: rank with ties marked, the county linking to its report, place and value', () => {
    const html = rankingRowsHtml(metric, ranked);
    const rows = html.split('</tr>').filter(Boolean);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<td class="n">1</td>');
    expect(rows[0]).toContain('民权县&lt;b&gt;');
    expect(rows[0]).toContain('<td class="n">1,234</td>');
    expect(rows[1]).toMatch(/<td class="n">2<span class="muted">（并列）<\/span><\/td>/);
    expect(rows[1]).toMatch(/href="\/counties\/630222-minhe\/2021\/"/);
    expect(html).not.toContain('<b>');
  });

  it('puts the value right after the county, then the national rank on a province page', () => {
    const html = rankingRowsHtml(metric, ranked, { national: (r) => (r.region.code === '630222' ? 7 : undefined) });
    expect(html).toMatch(/<a href="\/counties\/630222-minhe\/2021\/">民和回族土族自治县<\/a><span class="where">某市<\/span><\/th><td class="n">30<\/td><td class="n">7<\/td><\/tr>/);
    expect(html).toMatch(/632224-gangcha\/2021\/">刚察县<\/a><span class="where">某市<\/span><\/th><td class="n">30<\/td><td class="n"><\/td><\/tr>/);
  });

  it('marks a marked county’s row, links the mark to its checks and gives the rank without the marked', () => {
    const html = rankingRowsHtml(metric, ranked, {
      marks: (r) => (r.region.code === '411421' ? ['inconsistent'] : []),
      cleanRank: (r) => (r.region.code === '411421' ? undefined : 1),
    });
    const rows = html.split('</tr>').filter(Boolean);
    expect(rows[0]).toMatch(/^<tr class="marked">/);
    expect(rows[0]).toContain('<a class="mark" href="/counties/411421-');
    expect(rows[0]).toContain('#checks">⚑ 自身数字不符</a>');
    expect(rows[0]).toMatch(/<span class="muted">—<\/span><\/td>$/);
    expect(rows[1]).toMatch(/^<tr><td/);
    expect(rows[1]).not.toContain('⚑');
    expect(rows[1]).toMatch(/<td class="n">1<\/td>$/);
  });

  it('lists counties without the figure, escaped', () => {
    expect(missingItemsHtml([reports[2]])).toMatch(/^<li><a href="\/counties\/411421-[a-z]+\/2021\/">民权县&lt;b&gt;<\/a> <span class="muted">河南省<\/span><\/li>$/);
  });
});
