// The checks themselves: the figure matcher and the URL resolver catch what they are meant to catch.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { cellValue, tableRows } from './dom.ts';
import { expectedRows, missingRows } from './figures.ts';
import { resolveUrl } from './resolve.ts';

const row7 = (label: string, cells: (number | null)[]) =>
  `<tr><th scope="row">${label}</th>${cells.map((c) => `<td>${c ?? ''}</td>`).join('')}</tr>`;
const page = (body: string) => parse(`<!doctype html><html><body><table>${body}</table></body></html>`);
const report = {
  active: { regulations: { issued: 1, repealed: null, inForce: 1 }, normativeDocuments: null, licensing: 6469, punishment: null, coercion: 130, fees: 18.085682 },
  applications: { received: [1, 0, 0, 0, 0, null, 1], otherHandling: { total: [0, 0, 0, 0, 0, 0, 0] }, total: [2, 0, 0, 0, 0, 0, 2] },
  review: [0, 1, 0, 0, 1],
  litigationDirect: [0, 0, 2, 0, 2],
  litigationAfterReview: null,
};
const good = [
  '<tr><th>规章</th><td>1</td><td></td><td>1</td></tr>',
  '<tr><th>行政许可</th><td>6,469</td></tr>',
  '<tr><th>行政强制</th><td>130<sup>1</sup></td></tr>',
  '<tr><th>行政事业性收费</th><td>18.085682</td></tr>',
  row7('一、本年新收政府信息公开申请数量', [1, 0, 0, 0, 0, null, 1]),
  row7('（六）其他处理', [0, 0, 0, 0, 0, 0, 0]),
  row7('（七）总计', [2, 0, 0, 0, 0, 0, 2]),
];

describe('figure matcher', () => {
  it('reads cells: blanks, separators, markers; labels and ranks are not figures', () => {
    expect([cellValue(''), cellValue(' — '), cellValue('6,469'), cellValue('3※'), cellValue('18.5（推断）')]).toEqual([null, null, 6469, 3, 18.5]);
    expect([cellValue('1. 属于国家秘密'), cellValue('3/12'), cellValue('45%'), cellValue('第3名')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('leaves footnote markers out of a cell: <sup>, in-page links that are not numbers', () => {
    const [row] = tableRows(
      page(
        '<tr><th>x</th><td>9<a href="#n1">注1</a></td><td><span class="vh">空白</span><a href="#n1">注1</a></td>' +
          '<td>130<sup>2</sup></td><td><a href="#line-78">6</a></td><td>7<a href="/elsewhere/">注</a></td></tr>',
      ),
    );
    expect(row.values).toEqual([undefined, 9, null, 130, 6, 7]);
  });

  it('passes a page that prints every row, in either layout of section 四', () => {
    const threeRows = [row7('行政复议', [0, 1, 0, 0, 1]), row7('行政诉讼 未经复议直接起诉', [0, 0, 2, 0, 2])];
    const oneRow = `<tr>${[0, 1, 0, 0, 1, 0, 0, 2, 0, 2, '', '', '', '', ''].map((c) => `<td>${c}</td>`).join('')}</tr>`;
    expect(missingRows(expectedRows(report), tableRows(page([...good, ...threeRows].join(''))))).toEqual([]);
    expect(missingRows(expectedRows(report), tableRows(page([...good, oneRow].join(''))))).toEqual([]);
  });

  it('fails a blank shown as 0, a changed figure, swapped columns, a row under the wrong label', () => {
    const outcome = [row7('行政复议', [0, 1, 0, 0, 1]), row7('未经复议直接起诉', [0, 0, 2, 0, 2])];
    const variants: [number, string][] = [
      [4, row7('一、本年新收', [1, 0, 0, 0, 0, 0, 1])], // blank printed as 0
      [3, '<tr><th>行政事业性收费</th><td>18.09</td></tr>'], // rounded
      [6, row7('（七）总计', [0, 2, 0, 0, 0, 0, 2])], // columns swapped
      [0, '<tr><th>规范性文件</th><td>1</td><td></td><td>1</td></tr>'], // wrong label
    ];
    for (const [i, replacement] of variants) {
      const rows = [...good];
      rows[i] = replacement;
      expect(missingRows(expectedRows(report), tableRows(page([...rows, ...outcome].join(''))))).toHaveLength(1);
    }
  });
});

describe('URL resolver', () => {
  const dist = mkdtempSync(join(tmpdir(), 'dist-'));
  mkdirSync(join(dist, 'a'));
  writeFileSync(join(dist, 'a/index.html'), '');
  writeFileSync(join(dist, 'x.json'), '{}');
  const opts = { dist, base: '/b/', site: 'https://s.example' };

  it('resolves under the base and flags the rest', () => {
    const kind = (u: string, from = '/b/a/') => {
      const r = resolveUrl(u, from, opts);
      return r.kind === 'broken' ? r.reason : r.kind;
    };
    expect([kind('/b/a/'), kind('../x.json'), kind('https://s.example/b/a/#t'), kind('https://other.example/'), kind('mailto:a@b.c')]).toEqual([
      'file',
      'file',
      'file',
      'external',
      'external',
    ]);
    expect([kind('/a/'), kind('/b/a'), kind('/b/missing/'), kind('#'), kind('javascript:void 0')]).toEqual([
      'outside the base /b/',
      'page linked without its trailing slash',
      'no such page',
      'empty fragment "#"',
      'javascript: URL',
    ]);
  });
});
