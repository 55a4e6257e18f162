// html-validate (rules in .htmlvalidate.json) reports no errors on any page of the built site.
import { FileSystemConfigLoader, HtmlValidate, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { attr, elements, listFiles, loadDocument, urlPathOf } from './dom.ts';
import { DIST, ROOT, loadBuildInfo } from './paths.ts';

const info = loadBuildInfo();
const pages = listFiles(DIST, ['.html']);
/** The split build's pages on its downloads site (the chart embed pages, with their addresses there). */
const downloadsPages = listFiles(info.split.downloadsOut, ['.html']);
const validator = new HtmlValidate(new FileSystemConfigLoader());

const show = (m: Message) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`;

describe('html-validate', () => {
  it('finds the config and the pages', async () => {
    // The project's .htmlvalidate.json, not the defaults: it narrows require-sri to other hosts.
    const rules = (await validator.getConfigFor(`${ROOT}/dist/index.html`)).getRules();
    expect(rules.get('require-sri')).toEqual([2, { target: 'crossorigin' }]);
    expect(rules.get('no-dup-id')?.[0]).toBe(2);
    expect(pages.length).toBeGreaterThan(1);
  });

  it('every page is in Chinese: <html lang="zh-CN">', () => {
    const other = pages.filter((f) => attr(elements(loadDocument(f), 'html')[0], 'lang') !== 'zh-CN');
    expect(other.map((f) => urlPathOf(DIST, f, info.base))).toEqual([]);
  });

  it('the split build has pages on its downloads site to check', () => {
    expect(downloadsPages.length).toBeGreaterThan(0);
  });

  it.each([...pages.map((f) => [urlPathOf(DIST, f, info.base), f]), ...downloadsPages.map((f) => [urlPathOf(info.split.downloadsOut, f, info.split.downloadsSite), f])])('%s has no errors', async (_url, file) => {
    const report = await validator.validateFile(file);
    const errors = report.results.flatMap((r) => r.messages).filter((m) => m.severity === 2);
    expect(errors.map(show)).toEqual([]);
  });
});
