// What decides the region: a sidecar's code, the title, a sourced alias, or the closing signature;
// the choice is recorded in the report JSON, and the signature's date is read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';

const jingyuan = readFileSync(new URL('../../content/reports/002_6806acdd043dfc21.txt', import.meta.url), 'utf8');
/** The sample with its title naming no body, so that only other evidence can place it. */
const untitled = jingyuan.replace(/泾源县/g, '本县');
const ok = (text: string, options: Parameters<typeof parseReport>[1] = { source: 'x.txt' }) => {
  const result = parseReport(text, options);
  if (!result.ok) throw new Error(result.error);
  return result.report;
};

describe('region', () => {
  it('from the title, and said so', () => {
    expect(ok(jingyuan).regionFrom).toEqual({ by: 'title', text: '泾源县人民政府' });
  });

  it('a body of the alias list (平潭综合实验区 administers 平潭县)', () => {
    const report = ok(untitled.replace('本县', '平潭综合实验区'));
    expect(report.region).toMatchObject({ code: '350128', name: '平潭县', province: '福建省' });
    expect(report.regionFrom?.by).toBe('alias');
  });

  it('from the closing signature when the title names no body; its date too', () => {
    const report = ok(`${untitled}\n\n固原市泾源县人民政府办公室\n2022年1月20日\n`);
    expect(report.region.code).toBe('640424');
    expect(report.regionFrom).toEqual({ by: 'signature', text: '固原市泾源县人民政府办公室' });
    expect(report.signed).toBe('2022-01-20');
  });

  it('a sidecar code places a body nothing else can, and decides over the title', () => {
    expect(parseReport(untitled, { source: 'x.txt' }).ok).toBe(false);
    const report = ok(untitled, { source: 'x.txt', region: '640424' });
    expect(report.region).toMatchObject({ code: '640424', name: '泾源县' });
    expect(report.regionFrom).toEqual({ by: 'sidecar', text: '640424' });
  });

  it('a sidecar code that is no division is an error naming the code', () => {
    const result = parseReport(jingyuan, { source: 'x.txt', region: '999999' });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/999999/) });
  });
});
