// The collector's sidecar read by the ingest: every provenance field reaches the report's sourceInfo.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { readReportFile } from '../../src/lib/ingest/read.ts';

it('a collected report’s sidecar reaches the report JSON whole; a bad field is a finding naming the sidecar', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'collect-sidecar-'));
  try {
    const file = join(dir, '630222-2021-abcdefabcdef.txt');
    copyFileSync(fileURLToPath(new URL('../../content/reports/000_abd24a0acb5d3937.txt', import.meta.url)), file);
    const info = {
      url: 'http://www.example.gov.cn/nb/2021.txt',
      finalUrl: 'https://www.example.gov.cn/files/2021.txt',
      retrieved: '2024-05-01T10:00:00.000Z',
      contentType: 'text/plain; charset=utf-8',
      sha256: 'ab'.repeat(32),
      size: 12345,
      region: '630222',
      year: 2021,
      title: '民和县2021年政府信息公开工作年度报告',
      foundOn: 'http://www.example.gov.cn/nb/index.html',
    };
    writeFileSync(join(dir, '630222-2021-abcdefabcdef.meta.json'), JSON.stringify(info));
    const result = await readReportFile(file);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.report.sourceInfo).toEqual(info);

    writeFileSync(join(dir, '630222-2021-abcdefabcdef.meta.json'), JSON.stringify({ ...info, size: -1 }));
    const bad = await readReportFile(file);
    expect(bad.ok).toBe(true);
    if (bad.ok) {
      expect(bad.report.sourceInfo).toBeUndefined();
      expect(bad.report.findings).toContainEqual(expect.objectContaining({ code: 'sidecar-invalid', message: expect.stringMatching(/^630222-2021-abcdefabcdef\.meta\.json: size/) }));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
