// What the report pages say about where a report came from: the sidecar's address as a link only
// when it is http(s); another version of the same report named, linked to its source text, and, when
// the site cannot tell which version is right, said so; table 二 checked against other reports.
import { readFileSync } from 'node:fs';
import { publishedSource } from '../../src/lib/site/build/downloads.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attr, elements, listFiles, loadDocument, textOf } from './dom.ts';
import { DIST, loadBuildInfo, shownReports } from './paths.ts';
import { pageOfSource, reportPages } from './reports.ts';
import { resolveUrl } from './resolve.ts';

const info = loadBuildInfo();
const pages = reportPages(info);
const pageOf = (file: string) => {
  const page = pageOfSource(pages, file);
  if (!page) throw new Error(`no report page for ${file}`);
  return page;
};
const hrefs = (file: string) => elements(loadDocument(file), 'a').map((a) => attr(a, 'href') ?? '');

describe('sidecar addresses', () => {
  const good = info.inputs.filter((i) => i.kind === 'sidecar' && i.of?.startsWith('000_'));
  const bad = info.inputs.filter((i) => i.badUrl);

  it('an http(s) address is the report page’s link to the original', () => {
    expect(good).toHaveLength(1);
    const url = JSON.parse(readFileSync(join(info.reportsDir, good[0].file), 'utf8')).url;
    expect(hrefs(pageOf(good[0].of!).file)).toContain(url);
  });

  it.each(bad)('$badUrl is no link on $of’s page, nor anywhere on the site', ({ of, badUrl }) => {
    expect(hrefs(pageOf(of!).file).filter((h) => h.startsWith(badUrl!.slice(0, 5)))).toEqual([]);
    expect(textOf(loadDocument(pageOf(of!).file))).toContain('本站没有该报告的原文网址');
  });

  it('no page of the site links to a javascript:, data:, vbscript: or file: address', () => {
    const html = listFiles(DIST, ['.html']);
    expect(html.length).toBeGreaterThan(10);
    const unsafe = html.flatMap((f) => hrefs(f).filter((h) => /^\s*(javascript|data|vbscript|file):/i.test(h)).map((h) => `${f}: ${h}`));
    expect(unsafe).toEqual([]);
  });
});

describe('another version of the same report', () => {
  const superseded = info.inputs.filter((i) => i.kind === 'superseded');

  it.each(superseded)('$shownAs’s page says it has another version, $file, and links to its text', ({ file, shownAs, undecided }) => {
    const page = pageOf(shownAs!);
    const doc = loadDocument(page.file);
    const text = textOf(doc);
    expect(text).toContain('本报告另有一版');
    expect(text).toContain(file);
    if (undecided) expect(text).toContain('无法判断哪一版为准');
    else expect(text).not.toContain('无法判断哪一版为准');
    const links = elements(doc, 'a').filter((a) => textOf(a).includes('另一版原文文本'));
    expect(links).toHaveLength(1);
    const target = resolveUrl(attr(links[0], 'href')!, page.url, { dist: DIST, base: info.base, site: info.site });
    expect(target.kind).toBe('file');
    if (target.kind !== 'file') return;
    // The other version's text as published: UTF-8 with a BOM (downloads.ts, publishedSource).
    expect(readFileSync(target.file)).toEqual(Buffer.from(publishedSource(readFileSync(join(info.reportsDir, file))).bytes));
  });

  it('no page of a report without another version says it has one', () => {
    const single = shownReports(info).filter((i) => !superseded.some((s) => s.shownAs === i.file));
    expect(single.length).toBeGreaterThan(0);
    for (const i of single) expect(textOf(loadDocument(pageOf(i.file).file))).not.toContain('本报告另有一版');
  });
});

describe('数字核对: table 二 against other reports', () => {
  const crafted = info.inputs.filter((i) => i.crossChecked);
  const sectionOf = (file: string) => {
    const text = textOf(loadDocument(pageOf(file).file)).replace(/\s+/g, ' ');
    const start = text.indexOf('与本县其他年度、本省其他县核对');
    return text.slice(start, text.indexOf('报告正文', start));
  };

  it('flags 收费 printed in 元, and notes 现行有效件数 and a hundredfold change, on the crafted report’s page', () => {
    expect(crafted).toHaveLength(1);
    const section = sectionOf(crafted[0].file);
    expect(section).toMatch(/请人工核对.*行政事业性收费（本年收费金额） 14,860,000 万元.*“元”/);
    expect(section).toMatch(/提示.*行政许可（本年处理决定数量） 64 件.*分之一/);
    expect(section).toMatch(/提示.*规范性文件“现行有效件数” 5 件.*为 3 件，相差 \+2 件/);
    expect(section).toMatch(/相符.*规章“现行有效件数” 1 件/);
  });

  it('notes on the other year’s page that its 收费 is a ten-thousandth of the crafted one’s', () => {
    expect(sectionOf('000_abd24a0acb5d3937.txt')).toMatch(/提示.*行政事业性收费（本年收费金额） 1,486 万元.*分之一/);
  });

  it.each(shownReports(info))('$file’s page has the section, with a result or the reason there is none', ({ file }) => {
    const text = textOf(loadDocument(pageOf(file).file));
    expect(text).toContain('与本县其他年度、本省其他县核对');
    expect(text).toMatch(/相符|提示|请人工核对|未作此项核对/);
  });
});

describe('each report’s source, published under its own type', () => {
  const shown = reportPages(info).filter((p) => p.json);
  const linkTo = (page: (typeof shown)[number], name: RegExp) =>
    elements(loadDocument(page.file), 'a')
      .map((a) => attr(a, 'href') ?? '')
      .map((h) => resolveUrl(h, page.url, { dist: DIST, base: info.base, site: info.site }))
      .flatMap((t) => (t.kind === 'file' && name.test(t.file) ? [t.file] : []));

  it('a PDF as source.pdf, byte for byte, linked from its page; no source.txt beside it', () => {
    const pdfs = shown.filter((p) => p.json!.data.format === 'pdf');
    expect(pdfs.length).toBeGreaterThanOrEqual(1);
    for (const page of pdfs) {
      const files = [...new Set(linkTo(page, /\/source\.pdf$/))];
      expect(files, page.url).toHaveLength(1);
      expect(readFileSync(files[0])).toEqual(readFileSync(join(info.reportsDir, page.json!.data.source as string)));
      expect(listFiles(join(files[0], '..'), ['source.txt', 'source.docx'])).toEqual([]);
      expect(textOf(loadDocument(page.file))).toContain('原文 PDF');
    }
  });

  it('a text as source.txt, UTF-8 with a BOM; nothing named .txt holds a PDF', () => {
    const texts = shown.filter((p) => p.json!.data.format === 'txt');
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const page of texts) {
      const files = [...new Set(linkTo(page, /\/source\.txt$/))];
      expect(files, page.url).toHaveLength(1);
      expect([...readFileSync(files[0]).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const all = listFiles(join(DIST, 'counties'), ['.txt']);
    expect(all.length).toBeGreaterThanOrEqual(texts.length);
    expect(all.filter((f) => readFileSync(f).subarray(0, 5).toString('latin1') === '%PDF-')).toEqual([]);
  });

  it('the bulk manifest names where each shown report’s source is published', () => {
    const csv = readFileSync(join(DIST, 'data/manifest.csv'), 'utf8');
    const pdfs = shown.filter((p) => p.json!.data.format === 'pdf');
    expect(pdfs.length).toBeGreaterThanOrEqual(1);
    for (const page of pdfs) expect(csv).toMatch(new RegExp(`^${page.json!.data.source}\\b.*,counties/[^,]+/source\\.pdf\r$`, 'm'));
  });
});
