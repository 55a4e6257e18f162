// Honest coverage on the built site: a page for every county-level division of the list, with what
// is known of each year's report; totals, ranks and rankings that say what they are over; reports
// whose arithmetic fails (or with unread figures) marked in every ranking row they enter.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counties, countySlug } from '../../src/lib/region.ts';
import { attr, elements, listFiles, loadDocument, textOf, type Element } from './dom.ts';
import { DIST, loadBuildInfo } from './paths.ts';
import { reportPages } from './reports.ts';

const info = loadBuildInfo();
const reports = reportPages(info);
const countyDir = join(DIST, 'counties');
const countyPage = (slug: string) => join(countyDir, slug, 'index.html');
const text = (file: string) => textOf(loadDocument(file)).replace(/\s+/g, ' ');
const byClass = (file: string, tag: string, cls: string) => elements(loadDocument(file), tag).filter((e) => (attr(e, 'class') ?? '').split(' ').includes(cls));

/** Report JSON by `code-year`, from the pages' own downloads. */
const reportData = new Map(reports.filter((r) => r.json).map((r) => [`${r.code}-${r.year}`, r.json!.data as { consistent: boolean; findings: { unread?: boolean }[] }]));
/** Every table row of a page as its cells' texts. */
const cellRows = (file: string) => elements(loadDocument(file), 'tr').map((tr) => elements(tr, 'th', 'td').map((c) => textOf(c).trim()));
const rowLabelled = (file: string, label: string) => cellRows(file).find((r) => r[0]?.startsWith(label));
const isMarkedReport = (id: string) => {
  const d = reportData.get(id)!;
  return !d.consistent || d.findings.some((f) => f.unread === true);
};

describe('county pages', () => {
  const dirs = readdirSync(countyDir).filter((d) => existsSync(countyPage(d)));

  it('exist for every county-level division of the list (2,854), and for the prefecture-level bodies with reports', () => {
    expect(counties.length).toBe(2854);
    const missing = counties.filter((c) => !existsSync(countyPage(countySlug(c)))).map((c) => `${c.code} ${c.name}`);
    expect(missing).toEqual([]);
    const codes = new Set(dirs.map((d) => d.slice(0, 6)));
    const divisionCodes = new Set(counties.map((c) => c.code));
    const others = [...codes].filter((c) => !divisionCodes.has(c));
    // 淮安市 (320800), the PDF sample: a prefecture-level city, with its page and its report page.
    expect(others).toEqual(['320800']);
    expect(dirs.length).toBe(counties.length + others.length);
    expect(reports.some((r) => r.code === '320800')).toBe(true);
    expect(text(countyPage(dirs.find((d) => d.startsWith('320800-'))!))).toMatch(/淮安市.*已收录 2024 年/);
  });

  it('of a county without reports are small: no chart, no script, and say that no report is held', () => {
    const withReports = new Set(reports.map((r) => r.code));
    const bare = dirs.filter((d) => !withReports.has(d.slice(0, 6)));
    expect(bare.length).toBeGreaterThan(2800);
    const sizes = bare.map((d) => statSync(countyPage(d)).size);
    expect(Math.max(...sizes)).toBeLessThan(8 * 1024);
    for (const d of bare.slice(0, 200)) {
      const doc = loadDocument(countyPage(d));
      expect(elements(doc, 'script'), d).toEqual([]);
      expect(elements(doc, 'figure'), d).toEqual([]);
      expect(text(countyPage(d)), d).toContain('尚未收录报告');
    }
  });

  it('say for each year whether the report is held, not found, gone or unknown, from the collection log', () => {
    const years = (slug: string) => cellRows(countyPage(slug)).filter((cells) => /^\d{4} 年$/.test(cells[0] ?? ''));
    // 海淀区: nothing known.
    expect(years(countySlug({ code: '110108', name: '海淀区' }))).toEqual([
      ['2021 年', '未知'],
      ['2022 年', '未知'],
      ['2023 年', '未知'],
      ['2024 年', '未知'],
    ]);
    // 朝阳区: its 2021 address answers 404.
    expect(years(countySlug({ code: '110105', name: '朝阳区' }))[0]).toEqual(['2021 年', '原网址已失效']);
    // 刚察县: its listing page was read; the years it holds no report of are 未找到.
    expect(rowLabelled(countyPage(countySlug({ code: '632224', name: '刚察县' })), '该年报告')).toEqual(['该年报告', '已收录', '未找到', '未找到', '未找到']);
    // 民和: held in 2021 and 2022, nothing known of 2023 and 2024.
    expect(rowLabelled(countyPage(countySlug({ code: '630222', name: '民和回族土族自治县' })), '该年报告')).toEqual(['该年报告', '已收录', '已收录', '未知', '未知']);
  });

  it('show the table format of each year held, and every figure over the years', () => {
    const minhe = countyPage(countySlug({ code: '630222', name: '民和回族土族自治县' }));
    expect(rowLabelled(minhe, '表格格式')).toEqual(['表格格式', '2021 格式', '2021 格式', '', '']);
    expect(rowLabelled(minhe, '行政许可')).toEqual(['行政许可（件）', '6,469', '64', '未知', '未知']);
    expect(rowLabelled(minhe, '规范性文件：现行有效')).toEqual(['规范性文件：现行有效（件）', '1', '5', '未知', '未知']);
    expect(rowLabelled(countyPage(countySlug({ code: '632224', name: '刚察县' })), '表格格式')?.[1]).toBe('2019 格式');
  });
});

describe('province pages', () => {
  it('show a county × year grid of every county-level division, and every year’s figures', () => {
    const file = join(DIST, 'provinces/630000/index.html');
    const grid = elements(loadDocument(file), 'table').find((t) => (attr(t, 'class') ?? '').includes('grid'))!;
    expect(grid).toBeDefined();
    const rows = elements(grid, 'tbody')[0] ? elements(elements(grid, 'tbody')[0], 'tr') : [];
    expect(rows.length).toBe(counties.filter((c) => c.code.startsWith('63')).length);
    expect(textOf(grid)).toContain('已收录');
    const years = byClass(file, 'details', 'year-figures').map((d) => textOf(elements(d, 'summary')[0]).trim().slice(0, 4));
    expect(years).toEqual(['2022', '2021']);
  });
});

describe('totals and rankings say what they are over', () => {
  const rankingFiles = listFiles(join(DIST, 'rankings'), ['index.html']).filter((f) => /rankings\/[^/]+\/\d{4}\//.test(f));

  it('ranking pages never say 全国 with five reports, and state their coverage', () => {
    expect(rankingFiles.length).toBeGreaterThan(20);
    for (const f of rankingFiles) {
      const h1 = textOf(elements(loadDocument(f), 'h1')[0]);
      expect(h1, f).toMatch(/收录的 \d+ 个(县|地级市)/);
      expect(h1, f).not.toContain('全国');
      const coverage = byClass(f, 'p', 'coverage').map((p) => textOf(p)).join(' ');
      expect(coverage, f).toMatch(/\d+ 个县（(全国 2,854|[^ ]+ \d+) 个县级行政区的 [^）]+%）/);
    }
  });

  it('the home page’s totals say how many counties they are over', () => {
    const home = join(DIST, 'index.html');
    const h2 = elements(loadDocument(home), 'h2').map((h) => textOf(h));
    expect(h2.some((h) => /合计/.test(h))).toBe(true);
    expect(h2.filter((h) => /全国合计/.test(h))).toEqual([]);
    expect(text(home)).toMatch(/收录的 \d+ 个(县|县、市|地级市)合计/);
    expect(text(home)).toMatch(/全国 2,854 个县级行政区的/);
  });

  it('report pages rank among the collected counties, not 全国', () => {
    expect(reports.length).toBeGreaterThan(4);
    for (const r of reports) {
      const ranks = byClass(r.file, 'dd', 'rank').map((d) => textOf(d));
      expect(ranks.length, r.url).toBeGreaterThan(0);
      expect(ranks.join(' '), r.url).not.toMatch(/全国第/);
      expect(ranks.join(' '), r.url).toMatch(/收录(并列出该项)?的 \d+ 个(县|县、市|地级市)中第 \d+/);
    }
  });
});

describe('marked reports', () => {
  const national = listFiles(join(DIST, 'rankings'), ['index.html']).filter((f) => /rankings\/[^/]+\/\d{4}\/index\.html$/.test(f));
  const rowsOf = (file: string): { id: string; marked: boolean; row: Element }[] =>
    byClass(file, 'table', 'ranking').flatMap((t) =>
      elements(elements(t, 'tbody')[0], 'tr').map((row) => {
        const link = elements(row, 'a').map((a) => attr(a, 'href') ?? '').find((h) => /\/counties\/\d{6}-[^/]+\/\d{4}\/$/.test(h))!;
        const [, code, year] = link.match(/\/counties\/(\d{6})-[^/]+\/(\d{4})\/$/)!;
        return { id: `${code}-${year}`, marked: (attr(row, 'class') ?? '').includes('marked'), row };
      }),
    );

  it('are marked in every ranking row they enter, with a link to their checks', () => {
    const inconsistent = [...reportData.keys()].filter(isMarkedReport);
    // 祁连 and 刚察 2021 print totals their own rows do not add up to.
    expect(inconsistent.sort()).toEqual(['632222-2021', '632224-2021']);
    let seen = 0;
    for (const f of national) {
      for (const r of rowsOf(f)) {
        if (!isMarkedReport(r.id)) continue;
        seen++;
        expect(r.marked, `${f}: ${r.id}`).toBe(true);
        expect(elements(r.row, 'a').some((a) => (attr(a, 'href') ?? '').endsWith('#checks') && textOf(a).includes('自身数字不符')), `${f}: ${r.id}`).toBe(true);
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('leave the reports that add up unmarked, and every ranking with marks can be read without them', () => {
    const f = join(DIST, 'rankings/punishment/2021/index.html');
    const rows = rowsOf(f);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.filter((r) => r.marked).map((r) => r.id).sort()).toEqual(['632222-2021', '632224-2021']);
    // The column of ranks without them, and the checkbox that hides their rows.
    expect(elements(loadDocument(f), 'th').map((t) => textOf(t))).toContain('除去标记后');
    const clean = rows.filter((r) => !r.marked).map((r) => textOf(elements(r.row, 'td').at(-1)!).trim());
    expect(clean).toEqual(clean.map((_, i) => clean[i]).filter((x) => /^\d+$/.test(x)));
    expect(clean[0]).toBe('1');
    expect(elements(loadDocument(f), 'input').filter((i) => attr(i, 'type') === 'checkbox').length).toBe(1);
  });
});

it('the build leaves no county page unreadable', () => {
  const bad = readdirSync(countyDir).filter((d) => existsSync(countyPage(d)) && !readFileSync(countyPage(d), 'utf8').includes('data-pagefind-body'));
  expect(bad).toEqual([]);
});
