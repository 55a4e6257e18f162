import { describe, expect, it } from 'vitest';
import { embedHref, ogImageHref, paths, reportFileHref } from '../../src/lib/site/view/paths.ts';

describe('report download addresses', () => {
  const minhe = { code: '630222', name: '民和回族土族自治县' };

  it('sit beside the report page by default', () => {
    expect(reportFileHref(minhe, 2021, 'report.csv', undefined)).toBe(`/${paths.report(minhe, 2021)}report.csv`);
  });

  it('point at the downloads site when there is one, under its path', () => {
    expect(reportFileHref(minhe, 2021, 'report.json', 'https://owner.github.io/portal-downloads')).toBe('https://owner.github.io/portal-downloads/counties/630222-minhe/2021/report.json');
    expect(reportFileHref(minhe, 2021, 'source.txt', 'https://owner.github.io/portal-downloads/')).toBe('https://owner.github.io/portal-downloads/counties/630222-minhe/2021/source.txt');
  });
});

describe('share image addresses', () => {
  it('sit on this site by default', () => {
    expect(ogImageHref('630222', undefined)).toBe(`/${paths.ogImage('630222')}`);
  });

  it('point at the downloads site when there is one (split build), at the same path', () => {
    expect(ogImageHref('630222', 'https://owner.github.io/portal-downloads')).toBe('https://owner.github.io/portal-downloads/og/630222.png');
    expect(ogImageHref('630222', 'https://downloads.example.org/')).toBe('https://downloads.example.org/og/630222.png');
  });
});

describe('chart embed page addresses', () => {
  const minhe = { code: '630222', name: '民和回族土族自治县' };
  it('are on this site without a downloads site, and on the downloads site with one', () => {
    expect(embedHref(minhe, 2021, 'outcomes', undefined)).toBe('/counties/630222-minhe/2021/embed/outcomes/');
    expect(embedHref(minhe, 2021, 'outcomes', 'https://owner.github.io/portal-downloads')).toBe('https://owner.github.io/portal-downloads/counties/630222-minhe/2021/embed/outcomes/');
  });
});
