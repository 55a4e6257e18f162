// Report text is untrusted. The crafted report test/built/fixtures/900_script_prose.txt carries
// `<script>alert(3)</script>` inside a paragraph, `<img src=x onerror=alert(2)>` and a line
// `<script>alert(1)</script>` in its prose: its page shows them as text and runs none of them.
import { describe, expect, it } from 'vitest';
import { attr, elements, loadDocument, textOf } from './dom.ts';
import { loadBuildInfo } from './paths.ts';
import { pageOfSource, reportPages } from './reports.ts';

const info = loadBuildInfo();
const crafted = info.inputs.find((i) => i.kind === 'script-prose')!;
const page = pageOfSource(reportPages(info), crafted.file);
const INJECTED = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '<script>alert(3)</script>'];

describe(`prose with HTML in it (${crafted.file})`, () => {
  it('has a report page', () => {
    expect(page, `no report page offers a JSON with source "${crafted.file}"`).toBeDefined();
  });

  it('shows the markup as text', () => {
    const text = textOf(loadDocument(page!.file));
    expect(INJECTED.filter((s) => !text.includes(s))).toEqual([]);
  });

  it('has no element made from it: no script with alert, no event handler attribute, no img src=x', () => {
    const els = elements(loadDocument(page!.file));
    const scriptText = (e: (typeof els)[number]) => e.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
    const scripts = els.filter((e) => e.tagName === 'script' && scriptText(e).includes('alert('));
    const handlers = els.flatMap((e) => e.attrs.filter((a) => /^on/i.test(a.name)).map((a) => `<${e.tagName} ${a.name}>`));
    const imgs = els.filter((e) => e.tagName === 'img' && attr(e, 'src') === 'x');
    expect({ scripts: scripts.length, handlers, imgs: imgs.length }).toEqual({ scripts: 0, handlers: [], imgs: 0 });
  });
});
