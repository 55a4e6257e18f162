import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'report-files-'));
process.env.INGEST_DIR = dir;
const { readReport } = await import('../../src/lib/site/data/reportFiles.ts');

describe('readReport', () => {
  mkdirSync(join(dir, 'reports'));
  const file = join(dir, 'reports', '630222-2021.json');

  it('reads a report again once its file has changed (the few kept in memory are checked against the file)', () => {
    writeFileSync(file, JSON.stringify({ issuer: '民和县人民政府' }));
    utimesSync(file, 1_000, 1_000);
    expect(readReport('630222-2021')).toMatchObject({ issuer: '民和县人民政府' });
    writeFileSync(file, JSON.stringify({ issuer: '民和回族土族自治县人民政府' }));
    utimesSync(file, 2_000, 2_000);
    expect(readReport('630222-2021')).toMatchObject({ issuer: '民和回族土族自治县人民政府' });
  });

  it('gives the pages of one report (its page, its chart embeds) the report read once', () => {
    const first = readReport('630222-2021');
    expect(readReport('630222-2021')).toBe(first);
  });

  it('names the file when it is missing', () => {
    expect(() => readReport('000000-2021')).toThrow(/000000-2021\.json/);
  });
});
