import { describe, expect, it } from 'vitest';
import { Report } from '../../src/lib/schema.ts';
import { BOM, FIELDS, csvCell, fieldsToCsv, manifestToCsv, reportToJson, reportsToCsv } from '../../src/lib/site/build/export.ts';
import { parseCsv } from './csv.ts';
import { fixtureReport, makeReport } from './factory.ts';

describe('reportsToCsv', () => {
  const minhe = fixtureReport('000_abd24a0acb5d3937');
  const gangcha = fixtureReport('001_b4c68211845cc32f');
  const csv = reportsToCsv([minhe, gangcha]);
  const rows = parseCsv(csv.slice(1));
  const col = (key: string) => rows[0].indexOf(key);

  it('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
  });

  it('has one header row of field keys and one row per report, every row as wide as the header', () => {
    expect(rows[0]).toEqual(FIELDS.map((f) => f.key));
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r).toHaveLength(FIELDS.length);
    expect(new Set(rows[0]).size).toBe(rows[0].length);
  });

  it('writes each figure as the report prints it', () => {
    expect(rows[1][col('region.name')]).toBe('民和回族土族自治县');
    expect(rows[1][col('active.licensing')]).toBe('6469');
    expect(rows[1][col('litigationDirect.total')]).toBe('2');
    expect(rows[2][col('active.fees')]).toBe('18.085682');
    expect(rows[2][col('applications.denied.enforcementRecords.naturalPersons')]).toBe('1');
    expect(rows[2][col('active.regulations.publicTotal')]).toBe('31');
    expect(rows[2][col('consistent')]).toBe('false');
  });

  it('leaves blank cells and missing rows empty, distinct from 0', () => {
    const apps = structuredClone(minhe.applications)!;
    apps.granted = [null, 0, 0, 0, 0, 0, 0];
    const r = Report.parse({ ...minhe, applications: apps, review: null });
    const [, line] = parseCsv(reportsToCsv([r]).slice(1));
    const at = (k: string) => line[rows[0].indexOf(k)];
    expect(at('applications.granted.naturalPersons')).toBe('');
    expect(at('applications.granted.businesses')).toBe('0');
    expect(at('review.total')).toBe('');
    expect(at('review.upheld')).toBe('');
  });

  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const r = makeReport({ code: '630222' }, { title: '报告,"甲"\n乙', issuer: '=HYPERLINK("x")' });
    const [, line] = parseCsv(reportsToCsv([r]).slice(1));
    expect(line[rows[0].indexOf('title')]).toBe('报告,"甲"\n乙');
    expect(line[rows[0].indexOf('issuer')]).toBe(`'=HYPERLINK("x")`);
    expect(csvCell(-3)).toBe('-3'); // numbers are numbers, not formulas
    expect(csvCell(null)).toBe('');
    expect(csvCell(0)).toBe('0');
  });

  it('adds the derived rates as computed values, empty where not computable', () => {
    const [, line] = parseCsv(reportsToCsv([minhe]).slice(1));
    expect(line[rows[0].indexOf('derived.disclosure-rate')]).toBe(''); // 0 handled: no rate
    expect(line[rows[0].indexOf('derived.litigation')]).toBe('2');
  });
});

describe('field dictionary', () => {
  it('labels every CSV column in Chinese', () => {
    const rows = parseCsv(fieldsToCsv().slice(1));
    expect(fieldsToCsv().startsWith(BOM)).toBe(true);
    expect(rows[0]).toEqual(['字段', '分组', '说明']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(FIELDS.map((f) => f.key));
    for (const r of rows.slice(1)) expect(r[2]).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('JSON export', () => {
  const r = fixtureReport('002_6806acdd043dfc21');

  it('writes the report as validated, without a BOM, and reads back equal', () => {
    const json = reportToJson(r);
    expect(json.charCodeAt(0)).toBe('{'.charCodeAt(0));
    expect(Report.parse(JSON.parse(json))).toEqual(r);
  });
});

describe('manifest CSV', () => {
  it('lists every file with status and reason', () => {
    const csv = manifestToCsv({
      generated: 'g',
      files: [
        { file: 'a.txt', sha256: 'aa', status: 'parsed', reportId: '630222-2021', findings: 0 },
        { file: 'b, c.txt', sha256: 'bb', status: 'rejected', reason: 'no region', reasonZh: '找不到地区', findings: 0 },
      ],
      summary: { files: 2, reports: 1, findings: 0, rejected: 1, superseded: 0, ignored: 0 },
    }, new Map([['a.txt', 'counties/630222-minhe/2021/source.txt']]));
    expect(csv.startsWith(BOM)).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([
      ['file', 'status', 'reportId', 'findings', 'reason', 'reasonZh', 'sha256', 'published'],
      ['a.txt', 'parsed', '630222-2021', '0', '', '', 'aa', 'counties/630222-minhe/2021/source.txt'],
      ['b, c.txt', 'rejected', '', '0', 'no region', '找不到地区', 'bb', ''],
    ]);
  });
});

describe('Chinese-headed bulk CSV', () => {
  it('heads every column with a unique Chinese label, no English field name, BOM and CRLF', async () => {
    const { FIELDS, reportsToCsv, zhHeader } = await import('../../src/lib/site/build/export.ts');
    const heads = FIELDS.map(zhHeader);
    expect(heads.length).toBeGreaterThan(100);
    expect(new Set(heads).size).toBe(heads.length);
    expect(heads.filter((h) => /[A-Za-z]{3,}/.test(h))).toEqual([]);
    const csv = reportsToCsv([], FIELDS, 'zh');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')[0].split(',').slice(0, 3)).toEqual(['记录编号（区划代码-年度）', '行政区划代码（GB/T 2260）', '县级行政区名称']);
  });
});
