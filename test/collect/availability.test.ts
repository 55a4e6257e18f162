// The county pages' 「该年报告：已收录 / 原网址已失效 / 未找到」 from the collection log.
import { describe, expect, it } from 'vitest';
import { availability, AVAILABILITY_ZH } from '../../src/lib/collect/availability.ts';
import type { CollectedUrl, CollectionLog } from '../../src/lib/schema.ts';

const at = (s: number) => `2024-01-01T00:00:${String(s).padStart(2, '0')}.000Z`;
const version = (file: string) => ({ file, sha256: file.charCodeAt(0).toString(16).padStart(64, '0'), size: 1, finalUrl: 'http://a.gov.cn/x.pdf', retrieved: at(0) });
const entry = (url: string, over: Partial<CollectedUrl>): CollectedUrl => ({ url, role: 'file', region: '630222', status: 'saved', checked: at(1), attempts: 1, versions: [], ...over });

const log: CollectionLog = {
  updated: at(9),
  urls: [
    // 2021: held, and its address still answers
    entry('http://a.gov.cn/2021.pdf', { year: 2021, versions: [version('a.pdf')] }),
    // 2020: held, but its address answers 404 now
    entry('http://a.gov.cn/2020.pdf', { year: 2020, status: 'not-found', reason: 'HTTP 404', versions: [version('b.pdf')] }),
    // 2019: never held; its address is gone (404), and a second one serves an error page
    entry('http://a.gov.cn/2019.pdf', { year: 2019, status: 'not-found', reason: 'HTTP 404', checked: at(2) }),
    entry('http://a.gov.cn/2019b.pdf', { year: 2019, status: 'refused', reason: 'an HTML page where a PDF was expected', checked: at(3) }),
    // 2018: the server failed (5xx): not found, but not known to be gone
    entry('http://a.gov.cn/2018.pdf', { year: 2018, status: 'failed', reason: 'HTTP 500 (3 attempts)' }),
    // 2017: the article page led to an attachment held as a duplicate of another address's file
    entry('http://a.gov.cn/art/2017.html', { year: 2017, status: 'page', links: ['http://a.gov.cn/2017.pdf'] }),
    entry('http://a.gov.cn/2017.pdf', { year: 2017, status: 'duplicate', sameAs: 'c.pdf' }),
    // the county's listing page was read; another county's pages have no year
    entry('http://a.gov.cn/nb/', { role: 'listing', status: 'page', links: [] }),
    entry('http://b.gov.cn/x.pdf', { region: '110105', status: 'saved', versions: [version('d.pdf')] }),
  ],
};

describe('availability by county and year', () => {
  it('collected, collected with its source gone, source gone, not found', () => {
    const map = availability(log);
    expect([...map.keys()].sort()).toEqual(['630222-2017', '630222-2018', '630222-2019', '630222-2020', '630222-2021']);
    expect(map.get('630222-2021')).toEqual({ region: '630222', year: 2021, status: 'collected', sourceGone: false, files: ['a.pdf'], urls: ['http://a.gov.cn/2021.pdf'] });
    expect(map.get('630222-2020')).toMatchObject({ status: 'collected', sourceGone: true, files: ['b.pdf'] });
    expect(map.get('630222-2019')).toMatchObject({ status: 'source-gone', sourceGone: false, files: [], reason: 'an HTML page where a PDF was expected' });
    expect(map.get('630222-2018')).toMatchObject({ status: 'not-found', reason: 'HTTP 500 (3 attempts)' });
    expect(map.get('630222-2017')).toMatchObject({ status: 'collected', files: ['c.pdf'], urls: ['http://a.gov.cn/art/2017.html', 'http://a.gov.cn/2017.pdf'] });
    expect(AVAILABILITY_ZH[map.get('630222-2019')!.status]).toBe('原网址已失效');
  });

  it('years a read listing page showed no report of are not found; counties without a listing get none', () => {
    const map = availability(log, { years: [2021, 2022, 2023] });
    expect(map.get('630222-2022')).toMatchObject({ status: 'not-found', files: [], reason: 'no report of this year on the listing page' });
    expect(map.get('630222-2023')?.status).toBe('not-found');
    expect(map.get('630222-2021')?.status).toBe('collected');
    expect(map.has('110105-2022')).toBe(false);
  });

  it('files the list left without code or year are placed by the report id the ingest read from them', () => {
    const unplaced: CollectionLog = { updated: at(0), urls: [entry('http://c.gov.cn/x.pdf', { region: undefined, versions: [version('e.pdf')] })] };
    expect(availability(unplaced).size).toBe(0);
    const map = availability(unplaced, { reportIdOf: (file) => (file === 'e.pdf' ? '640424-2022' : undefined) });
    expect([...map.keys()]).toEqual(['640424-2022']);
    expect(map.get('640424-2022')).toMatchObject({ region: '640424', year: 2022, status: 'collected', files: ['e.pdf'] });
  });

  it('an empty log: nothing', () => {
    expect(availability({ updated: at(0), urls: [] }, { years: [2021] }).size).toBe(0);
  });
});
