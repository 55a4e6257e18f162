// Every regular expression the parser runs on input must be linear: a line of 10^6 characters of any
// class, in the title block, in the prose or inside a table, parses in a few seconds at most. The time
// of each is printed; the bound (a worker terminated after LIMIT) only catches backtracking, which
// takes hours at this length.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWithin } from './bounded.ts';

const sample = readFileSync(new URL('../../content/reports/002_6806acdd043dfc21.txt', import.meta.url), 'utf8');
const N = 1_000_000;
const LIMIT = 60_000;

const fill = (unit: string) => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
/** One line of each class of character a converter can leave in a run. */
const CLASSES: Record<string, string> = {
  spaces: fill(' '),
  'full-width spaces': fill('\u3000'),
  'no-break spaces': fill('\u00a0'),
  tabs: fill('\t'),
  digits: fill('1234567890'),
  'digits with commas': fill('123,'),
  CJK: fill('政务公开'),
  punctuation: fill('，。；：、-—/.'),
  'spaces then a word': `${' '.repeat(N - 2)}公开`,
  'a word then spaces': `公开${' '.repeat(N - 2)}`,
  'digits then spaces then digits': `12${' '.repeat(N - 4)}34`,
  mixed: fill('公开 12\t3，  —4 \u3000 5.6 无 / '),
  'table 二 words and figures (the prose checks)': fill('全年共办理行政许可 6469件，行政事业性收费 1,486.5 万元、制发规范性文件'),
  'a label then 10^6 digits': `行政许可${'1'.repeat(N - 4)}`,
};
/** Where the line goes: after the title, in the prose of 总体情况, between two rows of table 三. */
const PLACES: Record<string, (line: string) => string> = {
  'title block': (line) => sample.replace('2021年政府信息公开工作年度报告', `2021年政府信息公开工作年度报告\n${line}`),
  prose: (line) => sample.replace('一、总体情况', `一、总体情况\n${line}`),
  'table 三': (line) => sample.replace(/(\n二、上年结转)/, `\n${line}$1`),
};

describe('lines of 10^6 characters parse in linear time', () => {
  expect(sample).toContain('2021年政府信息公开工作年度报告');
  expect(sample).toMatch(/\n二、上年结转/);
  for (const [cls, line] of Object.entries(CLASSES)) {
    for (const [place, insert] of Object.entries(PLACES)) {
      it(`${cls} in the ${place}`, { timeout: LIMIT + 10_000 }, async () => {
        expect(line.length).toBeGreaterThanOrEqual(N - 2);
        const text = insert(line);
        expect(text.length).toBeGreaterThan(sample.length + N - 10);
        const run = await parseWithin(text, LIMIT);
        console.log(`${cls} in the ${place}: ${run.done ? `${Math.round(run.ms)} ms` : `not done after ${LIMIT} ms`}`);
        expect(run.done).toBe(true);
        if (!run.done) return;
        // A result, not a crash: either the report (the tables still read) or a reason.
        if (run.result.ok) expect(run.result.report.region.code).toBe('640424');
        else expect(run.result.error).toMatch(/\S/);
      });
    }
  }
});
