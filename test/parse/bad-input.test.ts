// Bad input gives a clear error or a partial result with findings; never a crash or a hang.
// (How long each takes is printed by `npm run bench:parse`; here a generous timeout catches hangs.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/lib/ingest/read.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import { parseWithin } from './bounded.ts';

const sample = (name: string) => readFileSync(new URL(`../../content/reports/${name}`, import.meta.url), 'utf8');
const HANG = { timeout: 10_000 };

describe('input that is not a report', () => {
  it('an empty file', () => {
    expect(parseReport('', { source: 'x.txt' })).toEqual({ ok: false, error: 'the file is empty', zh: '文件为空' });
    expect(parseReport(' \n\t\n', { source: 'x.txt' })).toEqual({ ok: false, error: 'the file is empty', zh: '文件为空' });
  });

  it('a binary file that is no document', async () => {
    const bytes = Buffer.from('\u0000\u0001\u0002\u00ff'.repeat(2000), 'latin1');
    const result = await parseBytes(bytes, 'x.bin');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/binary/);
  });

  it('Chinese text that is not an annual report', () => {
    const text = '关于做好春节期间安全生产工作的通知\n各乡镇人民政府：\n为切实做好春节期间安全生产工作，现将有关事项通知如下。\n';
    const result = parseReport(text, { source: 'x.txt' });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/not an annual report/), zh: expect.stringMatching(/不是政府信息公开年度报告/) });
  });

  it('a report whose issuing body names no county: an error that says so, never a wrong county', () => {
    const text = sample('002_6806acdd043dfc21.txt').replace(/泾源县/g, '某某县');
    const result = parseReport(text, { source: 'x.txt' });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/no county, district or city name/), zh: expect.stringMatching(/无法确定发布机关/) });
  });

  it('a name several counties share, with nothing to tell them apart, is an error listing them', () => {
    const text = sample('002_6806acdd043dfc21.txt').replace(/泾源县/g, '朝阳区').replace(/区市|固原|宁夏/g, '');
    const result = parseReport(text, { source: 'x.txt' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/ambiguous.*110105.*220104/);
  });

  it('a name several counties share is told apart by the prefecture the report mentions', () => {
    const text = sample('002_6806acdd043dfc21.txt').replace(/泾源县/g, '朝阳区').replace(/区市政务公开部门/, '长春市政务公开部门');
    const result = parseReport(text, { source: 'x.txt' });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.region).toMatchObject({ code: '220104', prefecture: '长春市' });
  });

  it('a 50 MB file', HANG, async () => {
    const bytes = Buffer.alloc(50 * 1024 * 1024, '政务公开 0 1 2\n');
    const result = await parseBytes(bytes, 'big.txt');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/too large.*52\.4 MB/), zh: expect.stringMatching(/文件过大/) });
  });

  // Runs of spaces between words are what made the edge-trimming regex quadratic (60,000 took 12 s);
  // in a worker, so that a regression fails here instead of hanging the run. (Every class of
  // character at 10^6: long-lines.test.ts.)
  it('a 100,000-character line of words and long runs of spaces inside a report', { timeout: 40_000 }, async () => {
    const line = `信息公开 12${' \u3000\u00a0'.repeat(33_330)}公开 3`;
    expect(line.length).toBeGreaterThanOrEqual(100_000);
    const text = sample('002_6806acdd043dfc21.txt').replace('一、总体情况', `一、总体情况\n${line}`);
    const run = await parseWithin(text, 20_000);
    expect(run.done).toBe(true);
    if (!run.done || !run.result.ok) throw new Error('not parsed');
    expect(run.result.report.applications?.received).toEqual([3, 0, 0, 0, 0, 0, 3]);
  });

  it('a 100,000-character line with no line breaks at all', HANG, () => {
    const result = parseReport('年度报告'.repeat(25_000), { source: 'x.txt' });
    expect(result.ok).toBe(false);
  });
});

describe('a report cut off halfway through its applications table', () => {
  const full = sample('002_6806acdd043dfc21.txt');
  const cut = full.slice(0, full.indexOf('（四）无'));
  const result = parseReport(cut, { source: 'cut.txt' });

  it('is a partial result, not an error', () => {
    expect(result.ok).toBe(true);
  });
  if (!result.ok) return;
  const { report } = result;

  it('keeps what it could read', () => {
    expect(report.active?.licensing).toBe(153);
    expect(report.applications?.received).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(report.applications?.granted).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('leaves the missing rows and table null, with findings, not zeros', () => {
    expect(report.applications?.unavailable.notHeld).toBeNull();
    expect(report.applications?.total).toBeNull();
    expect(report.review).toBeNull();
    const codes = report.findings.map((f) => `${f.code} ${f.path}`);
    expect(codes).toContain('row-missing applications.unavailable.notHeld');
    expect(codes).toContain('row-missing applications.total');
    expect(codes).toContain('table-missing review');
  });
});
