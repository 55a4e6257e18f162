import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctionWhere, readCorrections } from '../../src/lib/site/data/corrections.ts';

const dir = mkdtempSync(join(tmpdir(), 'corrections-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('corrections log', () => {
  it('reads an empty log and a missing file as no corrections', () => {
    expect(readCorrections(file('empty.json', '{"corrections":[]}'))).toEqual([]);
    expect(readCorrections(join(dir, 'absent.json'))).toEqual([]);
  });

  it('lists corrections newest first with the figure in Chinese', () => {
    const list = readCorrections(
      file(
        'two.json',
        JSON.stringify({
          corrections: [
            { date: '2025-01-02', report: '630222-2021', path: 'applications.granted[6]', before: 5, after: 6, reason: '解析错位' },
            { date: '2025-03-01', report: '630222-2022', reason: '报告发布更正版' },
          ],
        }),
      ),
    );
    expect(list.map((c) => c.date)).toEqual(['2025-03-01', '2025-01-02']);
    expect(correctionWhere(list[1])).toBe('申请情况表 （一）予以公开，“总计”栏');
    expect(correctionWhere(list[0])).toBe('整份报告');
  });

  it('refuses a malformed entry naming the file and the field', () => {
    const bad = file('bad.json', JSON.stringify({ corrections: [{ date: '2025/1/2', report: '630222-2021', reason: '' }] }));
    expect(() => readCorrections(bad)).toThrow(/bad\.json: corrections\.0\.date: an ISO date.*corrections\.0\.reason/);
    expect(() => readCorrections(file('broken.json', '{'))).toThrow(/broken\.json: not valid JSON/);
  });
});
