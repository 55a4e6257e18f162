import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addressNotes, correctionHref } from '../../src/lib/site/build/address.ts';

describe('addresses from the environment', () => {
  it('says at the start of a build what it lacks, and nothing when it has both', () => {
    expect(addressNotes(undefined, undefined).join('\n')).toMatch(/SITE is not set: building with relative links only[\s\S]*GITHUB_REPOSITORY is not set/);
    expect(addressNotes('https://o.github.io', 'o/r')).toEqual([]);
  });

  it('prefills the correction form by its field ids, and gives no link without a repository', () => {
    const href = correctionHref({ title: '[纠错] 民和 2021', page: 'https://o.github.io/r/counties/630222-minhe/2021/#applications-granted-6', figure: '（一）予以公开 · 总计', shown: '12' }, 'o/r')!;
    const u = new URL(href);
    expect(u.origin + u.pathname).toBe('https://github.com/o/r/issues/new');
    expect(Object.fromEntries(u.searchParams)).toEqual({
      template: 'correction.yml',
      title: '[纠错] 民和 2021',
      page: 'https://o.github.io/r/counties/630222-minhe/2021/#applications-granted-6',
      figure: '（一）予以公开 · 总计',
      shown: '12',
    });
    expect(correctionHref({ title: 't', page: 'p' }, undefined)).toBeUndefined();
  });
});

describe('the correction form', () => {
  it('has the fields the links prefill', () => {
    const form = readFileSync(new URL('../../.github/ISSUE_TEMPLATE/correction.yml', import.meta.url), 'utf8');
    const ids = [...form.matchAll(/^\s+id: (\S+)$/gm)].map((m) => m[1]);
    expect(ids).toEqual(expect.arrayContaining(['page', 'figure', 'shown', 'wrong']));
  });
});
