// A file holding more than one report, or one report's tables twice, is refused with the reason,
// never read as a mix of both (issue 8, item 1: 000 + 002 gave 民和 2021 with 泾源's 行政许可).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';

const dir = new URL('../../content/reports/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const sample = (i: number) => readFileSync(new URL(names[i]!, dir), 'utf8');
const lines = (text: string, from: number, to: number) => text.split('\n').slice(from - 1, to).join('\n');
const refused = (text: string) => {
  const result = parseReport(text, { source: 'x.txt' });
  if (result.ok) throw new Error(`read as one report: ${result.report.region.name} ${result.report.year}, 行政许可 ${result.report.active?.licensing}`);
  return result;
};

describe('more than one report in one file', () => {
  it('the five samples are read', () => {
    expect(names).toHaveLength(5);
    for (let i = 0; i < 5; i++) expect(parseReport(sample(i), { source: names[i]! }).ok).toBe(true);
  });

  // Every ordered pair of samples, and each sample twice.
  for (let a = 0; a < 5; a++) {
    for (let b = 0; b < 5; b++) {
      it(`${names[a]} followed by ${names[b]} is refused, and says why`, () => {
        const first = sample(a);
        const result = refused(`${first}\n${sample(b)}`);
        expect(result.error).toMatch(/more than one report|printed twice/);
        expect(result.zh).toMatch(/不止一份报告|重复/);
        // The reason points into the second report.
        const at = [...result.error.matchAll(/line (\d+)/g)].map((m) => Number(m[1]));
        expect(at.length).toBeGreaterThan(0);
        expect(Math.max(...at)).toBeGreaterThan(first.split('\n').length);
      });
    }
  }

  it('a second report whose tables are not recognised: its title and 一、总体情况 after the first report’s tables', () => {
    const result = refused(`${sample(0)}\n${lines(sample(2), 1, 60)}`);
    expect(result.error).toMatch(/a second title at line 54\d.*2021年政府信息公开工作年度报告.*its own sections at line 5\d\d/);
  });

  it('one table printed twice (003 table 三 repeated) is refused', () => {
    const text = sample(3);
    const doubled = `${lines(text, 1, 100)}\n${lines(text, 72, 100)}\n${lines(text, 101, 200)}`;
    expect(refused(doubled).error).toMatch(/printed twice.*line 75.*line 1\d\d/);
  });

  it('table 二 printed twice (002, 第二十条 repeated) is refused', () => {
    const text = sample(2);
    const doubled = `${lines(text, 1, 201)}\n${lines(text, 170, 201)}\n${lines(text, 202, 1000)}`;
    expect(refused(doubled).error).toMatch(/printed twice/);
  });

  it('table 四 printed twice (002, its header and cells repeated) is refused', () => {
    const text = sample(2);
    const at = text.split('\n').findIndex((l) => l.startsWith('四、政府信息公开行政复议')) + 1;
    expect(at).toBeGreaterThan(300);
    const doubled = `${lines(text, 1, at + 80)}\n${lines(text, at + 1, at + 80)}\n${lines(text, at + 81, 2000)}`;
    expect(refused(doubled).error).toMatch(/table 四.*printed twice/);
  });

  it('the title repeated at the top of each page (a running head) is not a second report', () => {
    const text = sample(2);
    const head = '2021年政府信息公开工作年度报告';
    const withHeads = text.split('\n').flatMap((l, i) => (i > 0 && i % 40 === 0 ? [head, l] : [l])).join('\n');
    const result = parseReport(withHeads, { source: 'x.txt' });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.active?.licensing).toBe(153);
  });

  it('prose that restates the table’s row names is not a second table', () => {
    const text = sample(2).replace('一、总体情况', '一、总体情况\n本年新收政府信息公开申请数量3件，上年结转政府信息公开申请数量0件，结转下年度继续办理0件。\n本年新收申请3件，\n结转下年度继续办理0件。');
    const result = parseReport(text, { source: 'x.txt' });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.active?.fees).toBe(381);
  });
});
