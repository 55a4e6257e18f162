// The HTML front stage on its own: the article found among a page's navigation and footers, the
// charset honoured or detected, and pages without a report rejected saying why.
import { describe, expect, it } from 'vitest';
import { encodeHtml } from '../../scripts/synth/html.ts';
import { parseBytes } from '../../src/lib/ingest/read.ts';
import { decodeHtml, htmlLines, readHtml } from '../../src/lib/read/html.ts';
import { readDocument } from '../../src/lib/read/index.ts';

const TABLE = '<table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>23</td></tr></table>';

const page = (article: string, head = '<meta charset="utf-8"><title>某县2021年政府信息公开工作年度报告_某县人民政府</title>') =>
  `<!DOCTYPE html><html><head>${head}<style>td{color:red}</style><script>var menu = "首页";</script></head><body>
<nav><a href="/">首页</a><a href="/gk">政务公开</a></nav><div class="crumb">当前位置：首页 &gt; 政务公开</div>
<div class="main"><h1>某县2021年政府信息公开工作年度报告</h1><div class="content">${article}</div></div>
<aside><table><tr><td><a href="#">热点新闻</a></td><td>2022-01-01</td></tr></table></aside>
<footer>主办：某县人民政府办公室 版权所有</footer></body></html>`;

describe('the article of a web page', () => {
  it('is the element holding the report tables: no nav, scripts, styles, sidebars or footer; the title from the page heading', () => {
    const { lines } = htmlLines(page(`<p>一、总体情况</p><p>全年公开信息<b>12</b>条。</p>${TABLE}`));
    expect(lines.map((l) => l.text)).toEqual(['某县2021年政府信息公开工作年度报告', '一、总体情况', '全年公开信息12条。', '信息内容\t本年处理决定数量', '行政许可\t23']);
    expect(lines[4]!.origin).toEqual({ table: 1, row: 2 });
  });

  it('reads through an old portal\'s nested layout tables to the data tables inside', () => {
    const html = `<html><body><table><tr><td><a href="#">首页</a></td></tr><tr><td><table><tr><td><h2>某县2021年政府信息公开工作年度报告</h2>${TABLE}</td></tr></table></td></tr><tr><td>版权所有</td></tr></table></body></html>`;
    const texts = htmlLines(html).lines.map((l) => l.text);
    expect(texts).toContain('行政许可\t23');
    expect(texts).not.toContain('首页');
    expect(texts).not.toContain('版权所有');
  });

  it('skips hidden parts and joins a cell\'s <br> and <p> lines inside the cell', () => {
    const html = page(`<div style="display:none">隐藏的菜单</div><table><tr><td>（二）部分公开（区分处理的，<br>只计这一情形）</td><td><p>3</p></td></tr><tr><td>信息内容</td><td>x</td></tr></table>`);
    const texts = htmlLines(html).lines.map((l) => l.text);
    expect(texts).toContain('（二）部分公开（区分处理的，只计这一情形）\t3');
    expect(texts.join('\n')).not.toContain('隐藏');
  });
});

describe('the page\'s charset', () => {
  const body = page(`<p>依申请公开情况</p>${TABLE}`, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>某县2021年政府信息公开工作年度报告</title>');

  it('is the one the page declares (GB2312 read as GB18030)', () => {
    expect(decodeHtml(encodeHtml(body, 'gbk'))).toContain('依申请公开情况');
  });

  it('is detected when the declaration is wrong (a UTF-8 page that says gb2312) or missing', () => {
    expect(decodeHtml(new TextEncoder().encode(body))).toContain('依申请公开情况');
    expect(decodeHtml(encodeHtml(body.replace(/<meta http-equiv[^>]*>/u, ''), 'gbk'))).toContain('依申请公开情况');
  });
});

describe('web pages without a report', () => {
  it('a page that only links the report as an attachment is rejected, saying to download it', () => {
    const result = readHtml(new TextEncoder().encode(page('<p>现将报告发布如下：</p><p><a href="/files/P0202201.pdf">2021年年度报告.pdf</a></p>')));
    expect(result).toMatchObject({ ok: false, zh: expect.stringContaining('附件') });
  });

  it('a page with the tables as pictures is rejected, saying to use the PDF or Word file', () => {
    const result = readHtml(new TextEncoder().encode(page('<p>一、总体情况</p><p>全年公开信息12条。</p><p><img src="t1.png"></p>')));
    expect(result).toMatchObject({ ok: false, zh: expect.stringContaining('图片') });
  });

  it('a page of prose without the tables is rejected as a web page without the report', async () => {
    const result = await parseBytes(new TextEncoder().encode(page('<p>关于做好政务公开工作的通知</p><p>各乡镇人民政府：现将有关事项通知如下。</p>')), 'notice.html');
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('web page without the report') });
  });

  it('is told from text by its markup, whatever its name', async () => {
    const read = await readDocument(new TextEncoder().encode(page(TABLE)));
    expect(read.ok && read.source.format).toBe('html');
  });
});
