// A reading-order fixture (test/fixtures/DIR/NAME.txt and its truth NAME.json) parsed, with the parse's time.
import { readFileSync } from 'node:fs';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { Report } from '../../src/lib/schema.ts';

export function loadFixture(dir: string, name: string): { report: Report; truth: any; ms: number } {
  const url = (ext: string) => new URL(`../fixtures/${dir}/${name}.${ext}`, import.meta.url);
  const started = performance.now();
  const result = parseReport(readFileSync(url('txt'), 'utf8'), { source: `${name}.txt` });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(result.error);
  return { report: result.report, truth: JSON.parse(readFileSync(url('json'), 'utf8')), ms };
}

/** The warning a reading-order rule leaves on table 三 as a whole, its message matching `rule`. */
export function tableWarning(report: Report, rule: RegExp) {
  return report.findings.find((f) => f.code === 'cells-inferred' && f.path === 'applications' && rule.test(f.message));
}
