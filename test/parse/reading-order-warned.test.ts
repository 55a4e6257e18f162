// Text in reading order may be read wrong; a wrong figure must never reach a page unmarked. Every figure
// of the reading-order fixture sets is compared with the truth, and each one read wrong must carry a
// warning on its row as the site marks rows (touchesRow). test/fixtures/reading-order-warned/ holds
// reports (fresh sets, seed 7401) whose wrong figures once showed unmarked: a 结转下年度 row holding
// the 总计 row's figures, 复议后起诉 figures in other columns, a blank 规章 row holding its neighbour's;
// and two from later sets: a 规章 row holding the 规范性文件 figures printed between the two labels
// (seed 7901), a 结转下年度 row holding the 总计 figures printed after it, the table read as layout
// text because its labels stand in table order (seed 8701). reading-order-viewer/ (text copied out of
// PDF viewers) once showed a 行政强制 row's one figure as its decisions with no warning.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreFixture } from '../../scripts/fixtures/reading-order-score.ts';

describe('reading-order text: no wrong figure without a warning on its row', () => {
  it.each(['reading-order', 'reading-order-heldout', 'reading-order-warned', 'reading-order-viewer', 'reading-order-viewer-heldout'])('test/fixtures/%s', (set) => {
    const dir = new URL(`../fixtures/${set}/`, import.meta.url);
    let wrong = 0;
    const silent: string[] = [];
    const names = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const score = scoreFixture(text, readFileSync(new URL(name.replace(/\.txt$/, '.json'), dir), 'utf8'), name);
      wrong += score.wrong.length;
      for (const w of score.wrong) if (!w.warned) silent.push(`${name} ${w.path}: read ${String(w.read)}, printed ${String(w.truth)}`);
    }
    console.log(`${set}: ${wrong} figures read wrong, ${silent.length} of them without a warning on their row`);
    expect(silent).toEqual([]);
  });
});
