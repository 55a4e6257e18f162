// The collector's pure pieces: the list, sniffing, link discovery, robots.txt rules, names, the log.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from '../../src/lib/collect/files.ts';
import { parseCollectList } from '../../src/lib/collect/list.ts';
import { checkContent, sniff } from '../../src/lib/collect/sniff.ts';
import { attachmentLinks, dateIn, holdsReport, isErrorPage, paginationLinks, publishedOn, readPage, reportLinks, yearOfTitle } from '../../src/lib/collect/discover.ts';
import { robotsRules } from '../../src/lib/collect/robots.ts';
import { reportFileName, sidecarName } from '../../src/lib/collect/naming.ts';
import { emptyLog, isSettled, recordFate, supersededFiles } from '../../src/lib/collect/log.ts';
import { CollectionLog, SourceInfo, type CollectedUrl } from '../../src/lib/schema.ts';
import { docBytes, docxBytes, htmlPage, pdfBytes, REPORT_TEXT, zipStored } from './files.ts';

describe('the collection list', () => {
  it('reads code, year, url and kind; code or year may be empty; a header and comments are skipped', () => {
    const text = '\uFEFFcode,year,url\n# 青海\n630222,2021,http://www.minhe.gov.cn/a/2021.pdf\n,2020,https://x.gov.cn/b.docx\n630222,,http://www.minhe.gov.cn/zfxxgk/nb/index.html,listing\n\n';
    const { entries, errors } = parseCollectList(text, 'list.csv');
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { url: 'http://www.minhe.gov.cn/a/2021.pdf', region: '630222', year: 2021, kind: 'report', line: 3 },
      { url: 'https://x.gov.cn/b.docx', year: 2020, kind: 'report', line: 4 },
      { url: 'http://www.minhe.gov.cn/zfxxgk/nb/index.html', region: '630222', kind: 'listing', line: 5 },
    ]);
  });

  it('a bad line is reported with the file and line, and the other lines still count', () => {
    const text = '63022,2021,http://a.gov.cn/1.pdf\n630222,21,http://a.gov.cn/2.pdf\n630222,2021,ftp://a.gov.cn/3.pdf\n630222,2021\n630222,2021,http://a.gov.cn/4.pdf,page\n630222,2021,http://a.gov.cn/ok.pdf\n';
    const { entries, errors } = parseCollectList(text, 'list.csv');
    expect(entries.map((e) => e.url)).toEqual(['http://a.gov.cn/ok.pdf']);
    expect(errors).toEqual([
      'list.csv:1: the county code "63022" is not six digits (GB/T 2260)',
      'list.csv:2: the year "21" is not a year',
      'list.csv:3: "ftp://a.gov.cn/3.pdf" is not an http(s) address',
      'list.csv:4: expected code,year,url, got 2 field(s)',
      'list.csv:5: the kind "page" is neither report nor listing',
    ]);
  });

  it('an unreadable CSV (an unclosed quote) is one message naming the file', () => {
    const { entries, errors } = parseCollectList('630222,2021,"http://a.gov.cn/1.pdf\n', 'list.csv');
    expect(entries).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^list\.csv: not a readable CSV/);
  });
});

describe('sniffing the bytes', () => {
  it('tells PDF, docx, doc, HTML and text apart; a zip without word/document.xml is unknown', () => {
    expect(sniff(pdfBytes())).toBe('pdf');
    expect(sniff(docxBytes())).toBe('docx');
    expect(sniff(zipStored({ 'xl/workbook.xml': '<workbook/>' }))).toBe('unknown');
    expect(sniff(docBytes())).toBe('doc');
    expect(sniff(Buffer.from('\uFEFF  <!DOCTYPE html><html><body>x</body></html>'))).toBe('html');
    expect(sniff(Buffer.from('<html lang="zh"><head>'))).toBe('html');
    expect(sniff(Buffer.from('民和县2021年政府信息公开工作年度报告\n一、总体情况\n'))).toBe('text');
    expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]))).toBe('unknown');
  });

  it('an HTML page where the address or the Content-Type promised a PDF is refused', () => {
    const error = Buffer.from(htmlPage('404', '<p>页面不存在</p>'));
    const asPdf = checkContent(error, 'http://a.gov.cn/nb/2021.pdf', 'http://a.gov.cn/nb/2021.pdf', 'text/html');
    expect(asPdf).toEqual({ ok: false, reason: expect.stringMatching(/HTML page where a PDF was expected/) });
    const byType = checkContent(error, 'http://a.gov.cn/download?id=3', 'http://a.gov.cn/download?id=3', 'application/pdf');
    expect(byType).toEqual({ ok: false, reason: expect.stringMatching(/HTML page where a PDF was expected.*application\/pdf/) });
    // after a redirect to an error page, the first address's promise still holds
    expect(checkContent(error, 'http://a.gov.cn/2021.docx', 'http://a.gov.cn/error.html', 'text/html').ok).toBe(false);
    // an HTML page asked for as a page is fine
    expect(checkContent(error, 'http://a.gov.cn/art/1.html', 'http://a.gov.cn/art/1.html', 'text/html')).toEqual({ ok: true, kind: 'html' });
  });

  it('the bytes decide the kind whatever the Content-Type says; empty and unknown bytes are refused', () => {
    expect(checkContent(docxBytes(), 'http://a.gov.cn/f?id=1', 'http://a.gov.cn/f?id=1', 'application/octet-stream')).toEqual({ ok: true, kind: 'docx' });
    expect(checkContent(pdfBytes(), 'http://a.gov.cn/2021.doc', 'http://a.gov.cn/2021.doc', 'application/msword')).toEqual({ ok: true, kind: 'pdf' });
    expect(checkContent(Buffer.alloc(0), 'http://a.gov.cn/1.pdf', 'http://a.gov.cn/1.pdf', 'application/pdf')).toEqual({ ok: false, reason: 'empty response' });
    expect(checkContent(zipStored({ 'a.txt': 'x' }), 'http://a.gov.cn/1.zip', 'http://a.gov.cn/1.zip', 'application/zip').ok).toBe(false);
    // plain text: kept when it reads as a report, refused when it is a server's message
    expect(checkContent(Buffer.from('民和县2021年政府信息公开工作年度报告\n'), 'http://a.gov.cn/f?id=2', 'http://a.gov.cn/f?id=2', 'text/plain')).toEqual({ ok: true, kind: 'text' });
    expect(checkContent(Buffer.from('File not found'), 'http://a.gov.cn/f?id=3', 'http://a.gov.cn/f?id=3', 'text/plain')).toEqual({ ok: false, reason: expect.stringMatching(/does not mention 政府信息公开.*File not found/) });
  });
});

describe('finding reports on pages', () => {
  const base = 'http://www.minhe.gov.cn/zfxxgk/nb/index.html';
  const listing = htmlPage(
    '政府信息公开年报',
    `<ul>
      <li><a href="./202201/t20220120_1.html" title="民和县2021年政府信息公开工作年度报告">民和县2021年政府信息公开工作…</a></li>
      <li><a href="/files/2020nb.pdf">民和回族土族自治县人民政府2020年度政府信息公开工作年度报告</a></li>
      <li><a href="../../x/2019.docx">2019年政府信息公开工作年度报告</a></li>
      <li><a href="/jyj/2021.html">民和县教育局2021年政府信息公开工作年度报告</a></li>
      <li><a href="/zgz/2021.html">民和县川口镇人民政府2021年政府信息公开工作年度报告</a></li>
      <li><a href="/tz.html">关于做好2021年政府信息公开工作年度报告编制工作的通知</a></li>
      <li><a href="/jd.html">《2021年政府信息公开工作年度报告》解读</a></li>
      <li><a href="/news.html">民和县召开2021年工作会议</a></li>
      <li><a href="javascript:void(0)">2018年政府信息公开工作年度报告</a></li>
    </ul>
    <div class="page"><a href="index.html">首页</a><a href="index_1.html">下一页</a><a href="index_3.html">尾页</a><a href="http://other.gov.cn/2">2</a></div>`,
  );

  it('report links by their titles, with the year; the full title from the title attribute; departments and townships apart', () => {
    const { reports, departments } = reportLinks(readPage(listing, base));
    expect(reports).toEqual([
      { url: 'http://www.minhe.gov.cn/zfxxgk/nb/202201/t20220120_1.html', text: '民和县2021年政府信息公开工作年度报告', year: 2021 },
      { url: 'http://www.minhe.gov.cn/files/2020nb.pdf', text: '民和回族土族自治县人民政府2020年度政府信息公开工作年度报告', year: 2020 },
      { url: 'http://www.minhe.gov.cn/x/2019.docx', text: '2019年政府信息公开工作年度报告', year: 2019 },
    ]);
    expect(departments.map((d) => d.url)).toEqual(['http://www.minhe.gov.cn/jyj/2021.html', 'http://www.minhe.gov.cn/zgz/2021.html']);
  });

  it('county names holding 乡 or 镇 are counties, not townships', () => {
    const page = readPage(htmlPage('年报', '<a href="/a.pdf">安乡县2021年政府信息公开工作年度报告</a><a href="/b.pdf">镇原县人民政府2020年政府信息公开工作年度报告</a>'), 'http://x.gov.cn/');
    expect(reportLinks(page).reports.map((r) => r.year)).toEqual([2021, 2020]);
  });

  it('pagination: 下一页, page numbers and 尾页 in the same folder, not elsewhere', () => {
    expect(paginationLinks(readPage(listing, base)).sort()).toEqual(['http://www.minhe.gov.cn/zfxxgk/nb/index_1.html', 'http://www.minhe.gov.cn/zfxxgk/nb/index_3.html']);
  });

  it('pagination written by the createPageHTML script', () => {
    const page = readPage(htmlPage('年报', '<script>createPageHTML(3, 0, "index", "html");</script>'), base);
    expect(paginationLinks(page).sort()).toEqual(['http://www.minhe.gov.cn/zfxxgk/nb/index_1.html', 'http://www.minhe.gov.cn/zfxxgk/nb/index_2.html']);
  });

  it('an article page: its attached file, or its own text when it holds the report', () => {
    const article = readPage(
      htmlPage('民和县2021年政府信息公开工作年度报告', '<p>全文见附件</p><a href="/u/2021nb.pdf">附件：民和县2021年政府信息公开工作年度报告.pdf</a><a href="/u/logo.png">x</a><iframe src="/u/2021nb.pdf"></iframe>'),
      'http://www.minhe.gov.cn/art/1.html',
    );
    expect(attachmentLinks(article).map((l) => l.url)).toEqual(['http://www.minhe.gov.cn/u/2021nb.pdf']);
    expect(holdsReport(article)).toBe(false);
    const full = readPage(htmlPage('民和县2021年政府信息公开工作年度报告', `<div>${REPORT_TEXT}</div>`), 'http://www.minhe.gov.cn/art/2.html');
    expect(attachmentLinks(full)).toEqual([]);
    expect(holdsReport(full)).toBe(true);
  });

  it('an error page served with 200 is told by its title', () => {
    expect(isErrorPage(readPage(htmlPage('404 页面不存在', '<p>您访问的页面不存在</p>'), 'http://x.gov.cn/a.html'))).toBe(true);
    expect(isErrorPage(readPage(listing, base))).toBe(false);
  });

  it('publication dates: beside the link in its row, or printed on the article page', () => {
    const page = readPage(
      htmlPage('年报', '<ul><li><a href="/a.pdf">民和县2021年政府信息公开工作年度报告</a><span>2022-01-20</span></li><li><a href="/b.pdf">民和县2020年政府信息公开工作年度报告</a></li></ul><table><tr><td><a href="/c.pdf">2019年政府信息公开工作年度报告</a></td><td>2020年1月9日</td></tr></table>'),
      'http://x.gov.cn/',
    );
    expect(reportLinks(page).reports.map((r) => [r.year, r.date])).toEqual([
      [2021, '2022-01-20'],
      [2020, undefined],
      [2019, '2020-01-09'],
    ]);
    expect(publishedOn(readPage(htmlPage('x', '<p>来源：县政府办 发布时间：2022/1/20 10:30 浏览次数：12</p>'), 'http://x.gov.cn/'))).toBe('2022-01-20');
    expect(publishedOn(readPage(htmlPage('x', '<p>2021年政府信息公开工作年度报告</p>'), 'http://x.gov.cn/'))).toBeUndefined();
    expect(dateIn('2022.13.01')).toBeUndefined();
    expect(dateIn('更新于 2023年 2月 3日')).toBe('2023-02-03');
  });

  it('the year of a title', () => {
    expect(yearOfTitle('政府信息公开工作年度报告（2022年）')).toBe(2022);
    expect(yearOfTitle('2019年度政府信息公开工作年度报告')).toBe(2019);
    expect(yearOfTitle('政府信息公开工作年度报告')).toBeUndefined();
  });
});

describe('robots.txt rules', () => {
  const UA = 'county-transparency-portal-collector';
  it('a Disallow for all agents or for ours is obeyed; other agents’ rules are not ours', () => {
    const rules = robotsRules('http://a.gov.cn/x', { status: 200, body: 'User-agent: *\nDisallow: /private/\nCrawl-delay: 5\n\nUser-agent: BadBot\nDisallow: /\n' }, UA);
    expect(rules.isAllowed('http://a.gov.cn/private/2021.pdf')).toBe(false);
    expect(rules.isAllowed('http://a.gov.cn/public/2021.pdf')).toBe(true);
    expect(rules.crawlDelay).toBe(5);
    const ours = robotsRules('http://a.gov.cn/x', { status: 200, body: `User-agent: ${UA}\nDisallow: /\n` }, UA);
    expect(ours.isAllowed('http://a.gov.cn/public/2021.pdf')).toBe(false);
  });

  it('no robots.txt (4xx) allows all; a 5xx or no answer allows nothing (RFC 9309)', () => {
    expect(robotsRules('http://a.gov.cn/', { status: 404, body: '' }, UA).isAllowed('http://a.gov.cn/a.pdf')).toBe(true);
    const down = robotsRules('http://a.gov.cn/', { status: 503, body: '' }, UA);
    expect(down.isAllowed('http://a.gov.cn/a.pdf')).toBe(false);
    expect(down.note).toMatch(/503/);
    expect(down.unreachable).toBe(true);
    expect(robotsRules('http://a.gov.cn/', { error: 'ECONNRESET' }, UA).isAllowed('http://a.gov.cn/a.pdf')).toBe(false);
  });
});

describe('names and the log', () => {
  it('a name from the county, the year and the content digest; unknown parts say so', () => {
    const sha = 'ab'.repeat(32);
    expect(reportFileName({ region: '630222', year: 2021, sha256: sha, kind: 'pdf' })).toBe('630222-2021-abababababab.pdf');
    expect(reportFileName({ sha256: sha, kind: 'docx' })).toBe('unknown-unknown-abababababab.docx');
    expect(reportFileName({ region: '630222', year: 2021, sha256: 'cd'.repeat(32), kind: 'pdf' })).not.toBe('630222-2021-abababababab.pdf');
    expect(sidecarName('630222-2021-abababababab.pdf')).toBe('630222-2021-abababababab.meta.json');
  });

  const entry = (url: string, over: Partial<CollectedUrl> = {}): CollectedUrl => ({ url, role: 'file', status: 'saved', checked: '2024-01-01T00:00:00.000Z', attempts: 1, versions: [], ...over });

  it('recordFate replaces an address’s entry and keeps the addresses in order; the result is a valid log', () => {
    let log = emptyLog();
    log = recordFate(log, entry('http://b.gov.cn/1.pdf', { status: 'failed', reason: 'HTTP 500' }), '2024-01-01T00:00:01.000Z');
    log = recordFate(log, entry('http://a.gov.cn/1.pdf', { status: 'not-found' }), '2024-01-01T00:00:02.000Z');
    log = recordFate(log, entry('http://b.gov.cn/1.pdf', { status: 'refused' }), '2024-01-01T00:00:03.000Z');
    expect(log.urls.map((u) => [u.url, u.status])).toEqual([
      ['http://a.gov.cn/1.pdf', 'not-found'],
      ['http://b.gov.cn/1.pdf', 'refused'],
    ]);
    expect(log.updated).toBe('2024-01-01T00:00:03.000Z');
    expect(CollectionLog.safeParse(log).success).toBe(true);
  });

  it('settled: answered for good with its files still there; failed and listings never', () => {
    const version = { file: 'f.pdf', sha256: 'a'.repeat(64), size: 1, finalUrl: 'http://a.gov.cn/1.pdf', retrieved: '2024-01-01T00:00:00.000Z' };
    const all = () => true;
    expect(isSettled(undefined, all)).toBe(false);
    expect(isSettled(entry('http://a.gov.cn/1.pdf', { versions: [version] }), all)).toBe(true);
    expect(isSettled(entry('http://a.gov.cn/1.pdf', { versions: [version] }), () => false)).toBe(false);
    expect(isSettled(entry('http://a.gov.cn/1.pdf', { status: 'failed' }), all)).toBe(false);
    expect(isSettled(entry('http://a.gov.cn/1.pdf', { status: 'not-found' }), all)).toBe(true);
    expect(isSettled(entry('http://a.gov.cn/', { role: 'listing', status: 'page' }), all)).toBe(false);
  });

  it('superseded files: earlier versions of an address, unless another address holds them as current', () => {
    const v = (file: string) => ({ file, sha256: file.charCodeAt(0).toString(16).padStart(64, '0'), size: 1, finalUrl: 'http://a.gov.cn/1.pdf', retrieved: '2024-01-01T00:00:00.000Z' });
    const log = {
      updated: '2024-01-01T00:00:00.000Z',
      urls: [entry('http://a.gov.cn/1.pdf', { status: 'changed', versions: [v('old.pdf'), v('new.pdf')] }), entry('http://a.gov.cn/2.pdf', { versions: [v('two.pdf')] }), entry('http://b.gov.cn/x.pdf', { status: 'changed', versions: [v('two.pdf'), v('x.pdf')] })],
    };
    expect([...supersededFiles(log)]).toEqual(['old.pdf']);
  });

  it('the sidecar schema takes the old hand-written fields and the collector’s provenance', () => {
    expect(SourceInfo.safeParse({ url: 'http://a.gov.cn/1.pdf', published: '2022-01-20' }).success).toBe(true);
    const full = { url: 'http://a.gov.cn/1.pdf', finalUrl: 'http://a.gov.cn/2.pdf', retrieved: '2024-05-01T10:00:00.000Z', contentType: 'application/pdf', sha256: 'f'.repeat(64), size: 10, region: '630222', year: 2021 };
    expect(SourceInfo.parse(full)).toEqual(full);
    expect(SourceInfo.safeParse({ ...full, region: '63022' }).success).toBe(false);
    expect(SourceInfo.safeParse({ ...full, sha256: 'xyz' }).success).toBe(false);
  });
});

describe('atomic writes', () => {
  it('the file appears whole by rename; a failed write leaves neither a partial file nor a temporary one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'collect-atomic-'));
    try {
      const tmp = join(dir, '.tmp');
      writeAtomic(join(dir, 'reports', 'a.pdf'), Buffer.from('%PDF-1.4 whole'), tmp);
      expect(readFileSync(join(dir, 'reports', 'a.pdf'), 'latin1')).toBe('%PDF-1.4 whole');
      expect(readdirSync(tmp)).toEqual([]);
      // A target that cannot be replaced (a folder holding a file): the write fails and says so.
      mkdirSync(join(dir, 'reports', 'b.pdf'));
      writeFileSync(join(dir, 'reports', 'b.pdf', 'x'), 'x');
      expect(() => writeAtomic(join(dir, 'reports', 'b.pdf'), Buffer.from('%PDF'), tmp)).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
      expect(readdirSync(tmp)).toEqual([]);
      expect(readdirSync(join(dir, 'reports')).sort()).toEqual(['a.pdf', 'b.pdf']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
