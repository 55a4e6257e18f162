import { describe, expect, it } from 'vitest';
import { renderProse } from '../../src/lib/site/prose.ts';

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
