// LibreOffice's text of a table 三 over several pages prints each page as a run of labels followed by
// a run of figures: the first page's rows in the pieces LibreOffice prints with the header words, each
// later page's rows row by row after all that page's labels, except the table's last rows, printed
// column by column. Fixtures: test/fixtures/reading-order-runs/ (seed 8701).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';

const load = (name: string) => {
  const url = (ext: string) => new URL(`../fixtures/reading-order-runs/${name}.${ext}`, import.meta.url);
  const started = performance.now();
  const result = parseReport(readFileSync(url('txt'), 'utf8'), { source: `${name}.txt` });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(result.error);
  return { report: result.report, truth: JSON.parse(readFileSync(url('json'), 'utf8')), ms };
};

describe('table 三 printed as runs of labels each followed by its rows\' figures', () => {
  it.each(['probe-8701-0-libreoffice', 'probe-8701-6-libreoffice'])('reads %s whole, with a warning, in well under a second', (name) => {
    const { report, truth, ms } = load(name);
    expect(report.applications).toEqual(truth.applications);
    const warning = report.findings.find((f) => f.code === 'cells-inferred' && f.path === 'applications' && /runs of labels/.test(f.message));
    expect(warning?.severity).toBe('warning');
    expect(ms).toBeLessThan(1000);
  });
});
