import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import { renderPlainProse, renderProse, renderProseWithRemark } from '../../src/lib/site/view/prose.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('renderProse (untrusted report text)', () => {
  it('shows a script tag as text and never emits one', () => {
    const html = renderProse('请看 <script>alert(1)</script> 这里');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });

  it('keeps block HTML as a paragraph of text, with no event handlers', () => {
    const html = renderProse('<div onclick="steal()">hi</div>');
    expect(html).toMatch(/^<p>&#x3C;div onclick="steal\(\)">hi&#x3C;\/div><\/p>$/);
    expect(html).not.toMatch(/<div/);
  });

  it('drops javascript: links and loads no images from other hosts', () => {
    const html = renderProse('[点我](javascript:alert(1)) ![图](https://evil.example/x.png)');
    expect(html).not.toMatch(/javascript:/);
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('［图片：图］');
  });

  it('renders ordinary Markdown and turns headings into bold paragraphs', () => {
    expect(renderProse('# 标题\n\n1. 一\n2. **二**')).toBe('<p><strong>标题</strong></p>\n<ol>\n<li>一</li>\n<li><strong>二</strong></li>\n</ol>');
  });
});

describe('renderProse: the short path for plain prose', () => {
  // Report prose as the parser writes it (content/reports parsed here), and strings built from the
  // characters Markdown cares about: the short path must write exactly what remark writes.
  const samples = readdirSync(join(ROOT, 'content/reports'))
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => {
      const r = parseReport(readFileSync(join(ROOT, 'content/reports', f), 'utf8'), { source: f });
      return r.ok ? r.report.prose.map((p) => p.markdown) : [];
    });

  it('writes what remark writes for every section of the sample reports, and takes the short path for most', () => {
    expect(samples.length).toBeGreaterThan(10);
    for (const md of samples) expect(renderProse(md)).toBe(renderProseWithRemark(md));
    expect(samples.filter((md) => renderPlainProse(md) !== undefined).length).toBeGreaterThan(samples.length / 2);
  });

  it('writes what remark writes for any text (generated from Markdown’s special characters)', () => {
    const token = fc.constantFrom(
      '政府', '信息公开', '。', '，', '（', '）', '“', '”', '\u3000', '\u00a0', '2021', '1', '.', ')', '(', '-', '+', '#', '>', '<', '&', '*', '_', '`',
      '[', ']', '!', '\\', ' ', '  ', '\n', '\n\n', '\t', 'a', '=', '|', '~', '"', "'", ':', '%', '/', '?', '{', '}', 'amp;', '#x3C;', '\r', '\u0000',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        const md = tokens.join('');
        expect(renderProse(md)).toBe(renderProseWithRemark(md));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes what remark writes for mostly plain text (where the short path applies)', () => {
    const token = fc.constantFrom('政府', '信息公开', '。', '（', '）', '\u3000', '2021', '1', '.', ')', '(', '-', '+', ' ', '\n', '\n\n', ':', '%', '\\<', '\\.', '\\\\', '\\a', '\\', '!', '#');
    let short = 0;
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const md = tokens.join('');
        if (renderPlainProse(md) !== undefined) short++;
        expect(renderProse(md)).toBe(renderProseWithRemark(md));
      }),
      { numRuns: 3000 },
    );
    expect(short).toBeGreaterThan(300);
  });

  it('takes the short path for plain paragraphs, escapes included', () => {
    expect(renderPlainProse('本年度共受理申请 12 件。\n其中予以公开 10 件（83.3%）。\n\n第二段\\<script\\>')).toBe(
      '<p>本年度共受理申请 12 件。\n其中予以公开 10 件（83.3%）。</p>\n<p>第二段&#x3C;script></p>',
    );
    expect(renderPlainProse('1. 列表')).toBeUndefined();
    expect(renderPlainProse('<b>x</b>')).toBeUndefined();
  });
});
