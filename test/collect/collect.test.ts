// The collector against a local web server (127.0.0.1, started here; no other address is touched):
// redirects, 404, 500 then success, a timeout, an HTML error page served as a PDF, a listing with
// pagination and article pages, robots.txt, the same file twice, a changed file, the size limit,
// and politeness (one request at a time per host, the delay, the User-Agent).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collect, type CollectJob, type CollectOptions } from '../../src/lib/collect/collect.ts';
import { USER_AGENT_TOKEN } from '../../src/lib/collect/http.ts';
import { readLog } from '../../src/lib/collect/log.ts';
import { SourceInfo, type CollectedUrl } from '../../src/lib/schema.ts';
import { docBytes, docxBytes, htmlPage, pdfBytes, REPORT_TEXT } from './files.ts';
import { redirect, send, startServer, type Handler, type TestServer } from './server.ts';

let server: TestServer;
let work: string;
let reportsDir: string;
let logPath: string;

// Every address the collector asks for, to hold that no test touches anything but 127.0.0.1.
let asked: string[] = [];
const realFetch = globalThis.fetch;
beforeEach(async () => {
  asked = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    asked.push(String(input instanceof Request ? input.url : input));
    return realFetch(input, init);
  });
  server = await startServer();
  work = mkdtempSync(join(tmpdir(), 'collect-test-'));
  reportsDir = join(work, 'content', 'reports');
  logPath = join(work, 'content', 'collection-log.json');
});
afterEach(async () => {
  vi.restoreAllMocks();
  expect(asked.length).toBeGreaterThan(0);
  for (const url of asked) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

const FAST = { delayMs: 20, timeoutMs: 400, retries: 2, backoffMs: 10 };
const run = (jobs: CollectJob[], over: Partial<CollectOptions> = {}) =>
  collect(jobs, { reportsDir, logPath, tmpDir: join(work, 'content', '.collect-tmp'), client: FAST, ...over });
const file = (url: string, over: Partial<CollectJob> = {}): CollectJob => ({ url, role: 'file', ...over });
const logEntry = (url: string): CollectedUrl => {
  const e = readLog(logPath).urls.find((u) => u.url === url);
  if (!e) throw new Error(`${url} is not in the log`);
  return e;
};
const held = () => (existsSync(reportsDir) ? readdirSync(reportsDir).sort() : []);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('collecting one address', () => {
  it('follows redirects; keeps the file under a stable name with a sidecar of its provenance', async () => {
    const pdf = pdfBytes('minhe 2021');
    server.routes.set('/old/2021.pdf', redirect('/moved/2021.pdf', 301));
    server.routes.set('/moved/2021.pdf', redirect('/files/2021.pdf', 302));
    server.routes.set('/files/2021.pdf', send(pdf, 'application/pdf'));
    const url = server.url('/old/2021.pdf');
    const summary = await run([file(url, { region: '630222', year: 2021 })]);
    expect(summary.counts).toEqual({ saved: 1 });

    const name = `630222-2021-${sha(pdf).slice(0, 12)}.pdf`;
    expect(held()).toEqual([`630222-2021-${sha(pdf).slice(0, 12)}.meta.json`, name]);
    expect(readFileSync(join(reportsDir, name))).toEqual(pdf);
    const info = SourceInfo.parse(JSON.parse(readFileSync(join(reportsDir, name.replace('.pdf', '.meta.json')), 'utf8')));
    expect(info).toEqual({
      url,
      finalUrl: server.url('/files/2021.pdf'),
      retrieved: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      contentType: 'application/pdf',
      sha256: sha(pdf),
      size: pdf.length,
      region: '630222',
      year: 2021,
    });
    const entry = logEntry(url);
    expect(entry).toMatchObject({ status: 'saved', httpStatus: 200, attempts: 3, region: '630222', year: 2021 });
    expect(entry.versions).toEqual([expect.objectContaining({ file: name, sha256: sha(pdf), finalUrl: server.url('/files/2021.pdf') })]);
  });

  it('404: not found, asked once', async () => {
    const url = server.url('/gone/2019.pdf');
    await run([file(url, { region: '630222', year: 2019 })]);
    expect(logEntry(url)).toMatchObject({ status: 'not-found', httpStatus: 404, attempts: 1, reason: 'HTTP 404' });
    expect(server.hitsOf('/gone/2019.pdf')).toHaveLength(1);
    expect(held()).toEqual([]);
  });

  it('another 4xx (403) is not retried either', async () => {
    server.routes.set('/forbidden.pdf', send('no', 'text/plain', 403));
    await run([file(server.url('/forbidden.pdf'))]);
    expect(logEntry(server.url('/forbidden.pdf'))).toMatchObject({ status: 'failed', httpStatus: 403, attempts: 1 });
    expect(server.hitsOf('/forbidden.pdf')).toHaveLength(1);
  });

  it('500 then success: retried after a back-off, then saved', async () => {
    let calls = 0;
    const pdf = pdfBytes('flaky');
    server.routes.set('/flaky.pdf', (req, res) => (++calls === 1 ? send('busy', 'text/plain', 500)(req, res) : send(pdf, 'application/pdf')(req, res)));
    await run([file(server.url('/flaky.pdf'))]);
    expect(logEntry(server.url('/flaky.pdf'))).toMatchObject({ status: 'saved', attempts: 2 });
    const hits = server.hitsOf('/flaky.pdf');
    expect(hits).toHaveLength(2);
    expect(hits[1].start - hits[0].end).toBeGreaterThanOrEqual(FAST.backoffMs);
  });

  it('500 every time: failed after the retries, with the reason', async () => {
    server.routes.set('/down.pdf', send('busy', 'text/plain', 503));
    await run([file(server.url('/down.pdf'))]);
    expect(logEntry(server.url('/down.pdf'))).toMatchObject({ status: 'failed', httpStatus: 503, attempts: 3, reason: 'HTTP 503 (3 attempts)' });
    expect(server.hitsOf('/down.pdf')).toHaveLength(1 + FAST.retries);
  });

  it('a response slower than the timeout fails (retried as a network error), and nothing is kept', async () => {
    server.routes.set('/slow.pdf', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.write(pdfBytes().subarray(0, 10)); // headers and a little body, then nothing
    });
    await run([file(server.url('/slow.pdf'))], { client: { ...FAST, retries: 1 } });
    expect(logEntry(server.url('/slow.pdf'))).toMatchObject({ status: 'failed', attempts: 2, reason: expect.stringMatching(/timed out: nothing received for 0.4 s/) });
    expect(held()).toEqual([]);
  });

  it('a slow server still sending is waited for (up to the total limit): the timeout is for silence', async () => {
    const pdf = Buffer.concat([pdfBytes(), Buffer.alloc(600, 0x20)]);
    const trickle: Handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length });
      let sent = 0;
      const tick = setInterval(() => {
        res.write(pdf.subarray(sent, sent + 100));
        sent += 100;
        if (sent >= pdf.length) {
          clearInterval(tick);
          res.end();
        }
      }, 150); // 150 ms between parts, 7 parts: over 1 s in all, never 0.4 s silent
      res.on('close', () => clearInterval(tick));
    };
    server.routes.set('/trickle.pdf', trickle);
    await run([file(server.url('/trickle.pdf'))], { client: { ...FAST, retries: 0 } });
    expect(logEntry(server.url('/trickle.pdf'))).toMatchObject({ status: 'saved', attempts: 1 });
    server.routes.set('/trickle2.pdf', trickle);
    await run([file(server.url('/trickle2.pdf'))], { client: { ...FAST, retries: 0, totalTimeoutMs: 500 } });
    expect(logEntry(server.url('/trickle2.pdf'))).toMatchObject({ status: 'failed', reason: expect.stringMatching(/timed out: not complete after 0.5 s/) });
  });

  it('an HTML error page served as a PDF is refused, not saved', async () => {
    server.routes.set('/nb/2021.pdf', send(htmlPage('系统提示', '<p>文件已删除</p>'), 'application/pdf'));
    await run([file(server.url('/nb/2021.pdf'), { region: '630222', year: 2021 })]);
    expect(logEntry(server.url('/nb/2021.pdf'))).toMatchObject({ status: 'refused', httpStatus: 200, reason: expect.stringMatching(/HTML page where a PDF was expected/) });
    expect(held()).toEqual([]);
  });

  it('over the size limit: refused, whether the length is declared or not', async () => {
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(4096, 0x20)]);
    server.routes.set('/declared.pdf', send(big, 'application/pdf'));
    server.routes.set('/chunked.pdf', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' }); // no Content-Length: chunked
      res.end(big);
    });
    await run([file(server.url('/declared.pdf')), file(server.url('/chunked.pdf'))], { client: { ...FAST, maxBytes: 1024 } });
    expect(logEntry(server.url('/declared.pdf'))).toMatchObject({ status: 'refused', reason: expect.stringMatching(/larger than the limit of 1024 bytes \(Content-Length 4\d{3}\)/) });
    expect(logEntry(server.url('/chunked.pdf'))).toMatchObject({ status: 'refused', reason: expect.stringMatching(/larger than the limit of 1024 bytes \(stopped reading\)/) });
    expect(held()).toEqual([]);
  });

  it('the extension comes from the bytes: docx and doc served as octet-stream, a report published as a web page', async () => {
    server.routes.set('/download?id=1', send(docxBytes(), 'application/octet-stream'));
    server.routes.set('/download?id=2', send(docBytes(), 'application/octet-stream'));
    server.routes.set('/art/2021.html', send(htmlPage('民和县2021年政府信息公开工作年度报告', `<div>${REPORT_TEXT}</div>`), 'text/html; charset=utf-8'));
    await run([file(server.url('/download?id=1'), { year: 2021 }), file(server.url('/download?id=2'), { year: 2020 }), file(server.url('/art/2021.html'), { region: '630222', year: 2021 })]);
    const names = held().filter((f) => !f.endsWith('.meta.json'));
    expect(names).toHaveLength(3);
    expect(names.map((n) => n.replace(/-[0-9a-f]{12}/, ''))).toEqual(['630222-2021.html', 'unknown-2020.doc', 'unknown-2021.docx']);
  });

  it('a bad address among good ones does not stop them (an unreachable host fails with the reason)', async () => {
    server.routes.set('/ok.pdf', send(pdfBytes(), 'application/pdf'));
    // A port on 127.0.0.1 that nothing listens on: the server's own, after it is closed.
    const closed = await startServer();
    const dead = closed.url('/x.pdf');
    await closed.close();
    await run([file(dead), file(server.url('/ok.pdf'))], { client: { ...FAST, retries: 1 } });
    // robots.txt unanswered: nothing is fetched from that host (RFC 9309), and the address is tried again next run
    expect(logEntry(dead)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/robots\.txt could not be fetched \(ECONNREFUSED/) });
    expect(logEntry(server.url('/ok.pdf')).status).toBe('saved');
  });
});

describe('politeness', () => {
  it('robots.txt is read once per host and obeyed: a disallowed path is never requested', async () => {
    server.routes.set('/robots.txt', send('User-agent: *\nDisallow: /private/\n', 'text/plain'));
    server.routes.set('/private/2021.pdf', send(pdfBytes(), 'application/pdf'));
    server.routes.set('/public/2021.pdf', send(pdfBytes('public'), 'application/pdf'));
    server.routes.set('/to-private.pdf', redirect('/private/2021.pdf'));
    await run([file(server.url('/private/2021.pdf')), file(server.url('/public/2021.pdf')), file(server.url('/to-private.pdf'))]);
    expect(logEntry(server.url('/private/2021.pdf'))).toMatchObject({ status: 'disallowed', attempts: 0, reason: expect.stringMatching(/robots\.txt .* disallows \/private\/2021\.pdf/) });
    // a redirect into a disallowed path is not followed
    expect(logEntry(server.url('/to-private.pdf'))).toMatchObject({ status: 'disallowed' });
    expect(logEntry(server.url('/public/2021.pdf')).status).toBe('saved');
    expect(server.hitsOf('/private/2021.pdf')).toHaveLength(0);
    expect(server.hitsOf('/robots.txt')).toHaveLength(1);
  });

  it('one request at a time per host, the delay between them, and a User-Agent naming the project', async () => {
    for (let i = 0; i < 5; i++) {
      server.routes.set(`/r${i}.pdf`, async (req, res) => {
        await new Promise((r) => setTimeout(r, 15));
        send(pdfBytes(`r${i}`), 'application/pdf')(req, res);
      });
    }
    const jobs = Array.from({ length: 5 }, (_, i) => file(server.url(`/r${i}.pdf`)));
    await run(jobs, { client: { ...FAST, delayMs: 60 }, hosts: 4 });
    const hits = [...server.hits].sort((a, b) => a.start - b.start);
    expect(hits).toHaveLength(6); // robots.txt and five files
    expect(server.maxInFlight).toBe(1);
    for (let i = 1; i < hits.length; i++) expect(hits[i].start - hits[i - 1].end, `gap before ${hits[i].path}`).toBeGreaterThanOrEqual(55);
    for (const hit of hits) expect(hit.userAgent).toContain(USER_AGENT_TOKEN);
  });

  it('a Crawl-delay in robots.txt lengthens the delay', async () => {
    server.routes.set('/robots.txt', send('User-agent: *\nCrawl-delay: 0.3\n', 'text/plain'));
    server.routes.set('/a.pdf', send(pdfBytes('a'), 'application/pdf'));
    server.routes.set('/b.pdf', send(pdfBytes('b'), 'application/pdf'));
    await run([file(server.url('/a.pdf')), file(server.url('/b.pdf'))]);
    const [a, b] = [server.hitsOf('/a.pdf')[0], server.hitsOf('/b.pdf')[0]];
    expect(b.start - a.end).toBeGreaterThanOrEqual(290);
  });
});

describe('listing pages', () => {
  const listing = (links: string, pager: string) => htmlPage('政府信息公开年报', `<ul>${links}</ul><div class="pager">${pager}</div>`);

  it('finds the reports by their titles across the pages, through article pages, with county and year', async () => {
    const pdf2021 = pdfBytes('2021');
    server.routes.set(
      '/nb/index.html',
      send(
        listing(
          `<li><a href="/art/2022/1/20/art_1.html" title="民和县2021年政府信息公开工作年度报告">民和县2021年政府信息公开工作…</a></li>
           <li><a href="/jyj/2021.pdf">民和县教育局2021年政府信息公开工作年度报告</a> <span>2022-01-25</span></li>
           <li><a href="/news/1.html">民和县召开春季农业生产会议</a></li>`,
          '<a href="index_1.html">下一页</a>',
        ),
        'text/html; charset=utf-8',
      ),
    );
    server.routes.set('/nb/index_1.html', send(listing('<li><a href="/files/2020.docx">民和县2020年度政府信息公开工作年度报告</a><span class="date">2021-01-28</span></li>', '<a href="index.html">上一页</a><a href="index_2.html">下一页</a>'), 'text/html; charset=utf-8'));
    server.routes.set('/nb/index_2.html', send(listing('<li><a href="/art/2019.html">民和县2019年政府信息公开工作年度报告</a></li>', '<a href="index_1.html">上一页</a>'), 'text/html; charset=utf-8'));
    server.routes.set('/art/2022/1/20/art_1.html', send(htmlPage('民和县2021年政府信息公开工作年度报告', '<p>发布时间：2022-01-20</p><p>详见附件。</p><a href="/u/2021nb.pdf">民和县2021年政府信息公开工作年度报告.pdf</a>'), 'text/html'));
    server.routes.set('/u/2021nb.pdf', send(pdf2021, 'application/pdf'));
    server.routes.set('/files/2020.docx', send(docxBytes('2020'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
    server.routes.set('/art/2019.html', send(htmlPage('民和县2019年政府信息公开工作年度报告', `<div>${REPORT_TEXT.replace('2021', '2019')}</div>`), 'text/html'));

    await run([{ url: server.url('/nb/index.html'), role: 'listing', region: '630222' }]);
    const names = held().filter((f) => !f.endsWith('.meta.json'));
    expect(names.map((n) => n.replace(/-[0-9a-f]{12}/, ''))).toEqual(['630222-2019.html', '630222-2020.docx', '630222-2021.pdf']);

    expect(logEntry(server.url('/nb/index.html'))).toMatchObject({ role: 'listing', status: 'page', reason: '1 report link(s), 1 further page(s); 1 department or township report(s) not collected' });
    expect(logEntry(server.url('/nb/index_2.html'))).toMatchObject({ role: 'listing', status: 'page', region: '630222', foundOn: server.url('/nb/index_1.html') });
    expect(logEntry(server.url('/art/2022/1/20/art_1.html'))).toMatchObject({ status: 'page', year: 2021, links: [server.url('/u/2021nb.pdf')] });
    const attachment = logEntry(server.url('/u/2021nb.pdf'));
    expect(attachment).toMatchObject({ status: 'saved', region: '630222', year: 2021, title: '民和县2021年政府信息公开工作年度报告', foundOn: server.url('/art/2022/1/20/art_1.html') });
    const sidecar = SourceInfo.parse(JSON.parse(readFileSync(join(reportsDir, attachment.versions[0].file.replace('.pdf', '.meta.json')), 'utf8')));
    expect(sidecar).toMatchObject({ region: '630222', year: 2021, published: '2022-01-20', title: '民和县2021年政府信息公开工作年度报告', foundOn: server.url('/art/2022/1/20/art_1.html') });
    const docx = logEntry(server.url('/files/2020.docx')).versions[0].file;
    expect(SourceInfo.parse(JSON.parse(readFileSync(join(reportsDir, docx.replace('.docx', '.meta.json')), 'utf8'))).published).toBe('2021-01-28');
    // the department's report and the news item were not fetched; each listing page once
    expect(server.hitsOf('/jyj/2021.pdf')).toHaveLength(0);
    expect(server.hitsOf('/news/1.html')).toHaveLength(0);
    expect(server.hitsOf('/nb/index.html')).toHaveLength(1);
    expect(server.hitsOf('/nb/index_1.html')).toHaveLength(1);
  });

  it('a listing in GBK, declared by <meta charset> only, is read in its encoding', async () => {
    // 「民和县2021年政府信息公开工作年度报告」 in GBK
    const title = Buffer.from('c3f1bacdcfd832303231c4ead5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e6', 'hex');
    const page = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><a href="/gbk/2021.pdf">'), title, Buffer.from('</a></body></html>')]);
    server.routes.set('/gbk/', send(page, 'text/html'));
    server.routes.set('/gbk/2021.pdf', send(pdfBytes(), 'application/pdf'));
    await run([{ url: server.url('/gbk/'), role: 'listing', region: '630222' }]);
    expect(logEntry(server.url('/gbk/2021.pdf'))).toMatchObject({ status: 'saved', year: 2021, title: '民和县2021年政府信息公开工作年度报告' });
  });

  it('pagination stops at maxPages', async () => {
    for (let i = 0; i < 5; i++) {
      const name = i === 0 ? 'index.html' : `index_${i}.html`;
      server.routes.set(`/nb/${name}`, send(listing('', `<a href="index_${i + 1}.html">下一页</a>`), 'text/html'));
    }
    await run([{ url: server.url('/nb/index.html'), role: 'listing' }], { maxPages: 3 });
    expect(server.hits.filter((h) => h.path.startsWith('/nb/')).map((h) => h.path)).toEqual(['/nb/index.html', '/nb/index_1.html', '/nb/index_2.html']);
  });

  it('an article page with neither the report nor a file is refused with the reason', async () => {
    server.routes.set('/art/x.html', send(htmlPage('通知', '<p>无关内容</p>'), 'text/html'));
    await run([file(server.url('/art/x.html'))]);
    expect(logEntry(server.url('/art/x.html'))).toMatchObject({ status: 'refused', reason: 'an HTML page that neither holds a report nor links a PDF or Word file' });
  });
});

describe('the same file twice, and a changed file', () => {
  it('the same address twice in one run is fetched once; a second run skips what it holds', async () => {
    server.routes.set('/2021.pdf', send(pdfBytes(), 'application/pdf'));
    const job = file(server.url('/2021.pdf'), { region: '630222', year: 2021 });
    await run([job, job]);
    expect(server.hitsOf('/2021.pdf')).toHaveLength(1);
    const second = await run([job]);
    expect(second.counts).toEqual({ skipped: 1 });
    expect(server.hitsOf('/2021.pdf')).toHaveLength(1);
    expect(held()).toHaveLength(2);
  });

  it('two addresses serving the same bytes: one file, the second address recorded as its duplicate', async () => {
    const pdf = pdfBytes('same');
    server.routes.set('/a/2021.pdf', send(pdf, 'application/pdf'));
    server.routes.set('/b/2021.pdf', send(pdf, 'application/pdf'));
    await run([file(server.url('/a/2021.pdf'), { region: '630222', year: 2021 }), file(server.url('/b/2021.pdf'), { region: '630222', year: 2021 })]);
    const first = logEntry(server.url('/a/2021.pdf'));
    expect(first.status).toBe('saved');
    expect(logEntry(server.url('/b/2021.pdf'))).toMatchObject({ status: 'duplicate', sameAs: first.versions[0].file, versions: [] });
    expect(held()).toHaveLength(2); // one file and its sidecar
  });

  it('rechecked: the same bytes are unchanged (304 when the server knows); changed bytes are kept beside the old file', async () => {
    let body = pdfBytes('first edition');
    let etag = '"v1"';
    server.routes.set('/2021.pdf', (req, res) => {
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304);
        return void res.end();
      }
      send(body, 'application/pdf', 200, { etag })(req, res);
    });
    const job = file(server.url('/2021.pdf'), { region: '630222', year: 2021 });
    await run([job]);
    const firstFile = logEntry(job.url).versions[0].file;

    await run([job], { recheck: true });
    expect(logEntry(job.url)).toMatchObject({ status: 'unchanged', httpStatus: 304 });
    expect(server.hitsOf('/2021.pdf').at(-1)!.headers['if-none-match']).toBe('"v1"');

    // a server without validators: the digest tells the same bytes
    etag = '"never"';
    await run([job], { recheck: true });
    expect(logEntry(job.url)).toMatchObject({ status: 'unchanged', httpStatus: 200 });

    body = pdfBytes('corrected edition');
    etag = '"v2"';
    await run([job], { recheck: true });
    const entry = logEntry(job.url);
    expect(entry.status).toBe('changed');
    expect(entry.versions).toHaveLength(2);
    expect(entry.versions[0].file).toBe(firstFile);
    expect(entry.versions[1]).toMatchObject({ sha256: sha(body), etag: '"v2"' });
    expect(held()).toEqual([firstFile, firstFile.replace('.pdf', '.meta.json'), entry.versions[1].file, entry.versions[1].file.replace('.pdf', '.meta.json')].sort());
    expect(readFileSync(join(reportsDir, firstFile))).toEqual(pdfBytes('first edition'));

    // the address vanishes: the files stay, the log says so
    server.routes.delete('/2021.pdf');
    await run([job], { recheck: true });
    expect(logEntry(job.url)).toMatchObject({ status: 'not-found', versions: [{ file: firstFile }, { file: entry.versions[1].file }] });
  });

  it('a held file deleted by hand is fetched again', async () => {
    server.routes.set('/2021.pdf', send(pdfBytes(), 'application/pdf'));
    const job = file(server.url('/2021.pdf'));
    await run([job]);
    const name = logEntry(job.url).versions[0].file;
    rmSync(join(reportsDir, name));
    await run([job]);
    expect(server.hitsOf('/2021.pdf')).toHaveLength(2);
    expect(existsSync(join(reportsDir, name))).toBe(true);
    expect(logEntry(job.url)).toMatchObject({ status: 'saved', versions: [{ file: name }] });
  });
});

describe('the log', () => {
  it('every address given or found has an entry, and a damaged log stops the run before anything is fetched', async () => {
    server.routes.set('/ok.pdf', send(pdfBytes(), 'application/pdf'));
    await run([file(server.url('/ok.pdf')), file(server.url('/missing.pdf'))]);
    expect(readLog(logPath).urls.map((u) => u.status)).toEqual(['not-found', 'saved']);
    const hits = server.hits.length;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(logPath, '{"updated": 1');
    await expect(run([file(server.url('/ok.pdf'))])).rejects.toThrow(/collection-log\.json: not valid JSON/);
    expect(server.hits.length).toBe(hits);
  });
});
