// The .doc (Word 97-2003) front stage: the WordDocument stream's table marks and row definitions onto
// the grid, and .doc files that are encrypted, damaged or no report refused saying so. The fixtures are
// synthetic reports saved as .doc by LibreOffice (scripts/fixtures/doc-fixtures.ts); the LibreOffice
// corpus test is test/browser/doc-documents.test.ts.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentOptions, Truth } from '../../scripts/synth/index.ts';
import { parseBytes } from '../../src/lib/ingest/read.ts';
import { documentLines, paragraphLines, parseSprms, tableMark, type DocParagraph, type RowCell } from '../../src/lib/read/doc.ts';
import { readDocument } from '../../src/lib/read/index.ts';
import { sniff } from '../../src/lib/read/sniff.ts';
import { expectDocExact } from './doc-exact.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/documents/doc/${name}`, import.meta.url)));

describe('.doc files saved by LibreOffice', () => {
  for (const name of ['synthetic-2021', 'synthetic-2019']) {
    it(`${name}.doc reads back exactly, as the same report's .docx does`, async () => {
      const { truth, options } = JSON.parse(readFileSync(new URL(`../fixtures/documents/doc/${name}.json`, import.meta.url), 'utf8')) as { truth: Truth; options: DocumentOptions };
      const bytes = fixture(`${name}.doc`);
      expect(sniff(bytes)).toBe('doc');
      await expectDocExact(truth, options, bytes, `${name}.doc`);
    });
  }

  it('table 三\'s header spans land on the grid: 申请人情况 over all, 法人或其他组织 over five columns', async () => {
    const result = await readDocument(fixture('synthetic-2021.doc'));
    if (!result.ok) throw new Error(result.error);
    const lines = result.source.text.split('\n');
    const header = lines.findIndex((l) => l.includes('\t自然人\t'));
    expect(header).toBeGreaterThan(0);
    expect(lines[header]!.split('\t')).toHaveLength(4); // label, 自然人, 法人或其他组织 (spans 5), 总计
    expect(lines[header + 1]!.split('\t')).toEqual(['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
    const received = lines.find((l) => l.startsWith('（一）本年新收') || l.startsWith('一、本年新收'));
    expect(received?.split('\t')).toHaveLength(8);
    expect(result.source.origins[header]).toMatchObject({ table: expect.any(Number), row: expect.any(Number) });
  });

  it('merged cells (across a row, over columns, down rows) land on the grid; a nested table is text in its outer cell', async () => {
    const result = await readDocument(fixture('merges.doc'));
    if (!result.ok) throw new Error(result.error);
    expect(result.source.text.split('\n')).toEqual(['某县2021年政府信息公开工作年度报告', '标题', '左第二行\t中\tx\ty', '\ta\tb\tc\td\te', '行政许可\t外甲 1乙 2\t3\t4\t5', '合 计\t7', '尾']);
    expect(result.source.origins).toEqual([undefined, ...[1, 2, 3, 4, 5].map((row) => ({ table: 1, row })), undefined]);
  });

  it('a Word file with no report in it is refused as such', async () => {
    expect(await parseBytes(fixture('notice.doc'), 'notice.doc')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Word file with no annual report'),
      zh: expect.stringContaining('Word 文件中没有年度报告'),
    });
  });

  it('an encrypted .doc (saved with a password by LibreOffice: fEncrypted, RC4) is refused, saying it needs a password', async () => {
    const locked = fixture('locked.doc');
    expect(sniff(locked)).toBe('doc');
    expect(await parseBytes(locked, 'locked.doc')).toMatchObject({ ok: false, error: expect.stringContaining('encrypted'), zh: expect.stringContaining('Word 文件已加密') });
  });

  it('a Word 6/95 file (nFib below Word 97\'s) is refused as too old, saying to save it as .docx', async () => {
    const bytes = fixture('synthetic-2019.doc').slice();
    const fib = findFib(bytes);
    bytes[fib + 2] = 0x65; // nFib 0x0065: Word 6.0
    bytes[fib + 3] = 0x00;
    expect(await readDocument(bytes)).toMatchObject({ ok: false, error: expect.stringContaining('Word 6.0/95'), zh: expect.stringContaining('另存为 .docx') });
  });

  it('a damaged .doc (cut short, or its FIB broken) is refused as damaged, naming what is wrong', async () => {
    const whole = fixture('synthetic-2019.doc');
    // Cut after the Word stream's first sector: a .doc by its FIB; before it, only an Office file.
    expect(await readDocument(whole.subarray(0, Math.floor(whole.length * 0.5)))).toMatchObject({ ok: false, error: expect.stringMatching(/Word file \(\.doc\) is damaged.*cut short/u) });
    expect(await readDocument(whole.subarray(0, Math.floor(whole.length * 0.2)))).toMatchObject({ ok: false, error: expect.stringMatching(/Office file .* is damaged.*cut short/u), zh: expect.stringContaining('已损坏') });
    const broken = whole.slice();
    broken[findFib(broken)] = 0;
    expect(await readDocument(broken)).toMatchObject({ ok: false, error: expect.stringMatching(/damaged.*FIB/u) });
  });

  it('a .doc with bytes changed anywhere after its header is read or refused with a reason, never throws', async () => {
    const whole = fixture('synthetic-2021.doc');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 512, max: whole.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 40 }), async (changes) => {
        const bytes = whole.slice();
        for (const [at, value] of changes) bytes[at] = value;
        const result = await readDocument(bytes);
        if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
        else expect(result.source.format).toBe('doc');
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

/** Where the FIB (wIdent 0xA5EC, nFib ≥ 0xC1) sits in the file: the WordDocument stream's first sector. */
function findFib(bytes: Uint8Array): number {
  for (let i = 512; i < bytes.length - 4; i += 512) if (bytes[i] === 0xec && bytes[i + 1] === 0xa5 && bytes[i + 2]! + bytes[i + 3]! * 256 >= 0xc1) return i;
  throw new Error('no FIB');
}

const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];

/** A sprmTDefTable operand: cell edges (twips) and each cell's TC80 flags. */
function defTable(edges: number[], flags: number[]): number[] {
  const body = [flags.length, ...edges.flatMap(le16), ...flags.flatMap((f) => [...le16(f), ...Array(18).fill(0)])];
  return [...le16(0xd608), ...le16(body.length + 1), ...body];
}

describe('property lists (grpprl)', () => {
  it('reads the table definition\'s 2-byte size, so sprms after a wide row definition are not lost', () => {
    // 12 cells: the operand is 1 + 13×2 + 12×20 = 267 bytes, more than a 1-byte size can say.
    const edges = Array.from({ length: 13 }, (_, i) => i * 700);
    const grpprl = new Uint8Array([0x16, 0x24, 1, 0x17, 0x24, 1, ...defTable(edges, Array(12).fill(0)), 0x2b, 0xd6, 2, 3, 1]);
    const sprms = parseSprms(grpprl);
    expect(sprms.map((s) => s.code)).toEqual([0x2416, 0x2417, 0xd608, 0xd62b]);
    const mark = tableMark(sprms);
    expect(mark).toMatchObject({ depth: 1, rowEnd: true });
    expect(mark.cells).toHaveLength(12);
    expect(mark.cells![3]).toEqual({ left: 2100, right: 2800, mergedLeft: false, mergedAbove: true });
  });

  it('takes merges from the cells\' TC80 flags: horizontal (first/merged) and vertical (continue)', () => {
    const cells = tableMark(parseSprms(new Uint8Array(defTable([0, 100, 200, 300], [1, 2, 1 << 5])))).cells!;
    expect(cells.map((c) => [c.mergedLeft, c.mergedAbove])).toEqual([
      [false, false],
      [true, false],
      [false, true],
    ]);
  });
});

describe('paragraph text', () => {
  it('keeps a field\'s result and drops its code, breaks lines at 0x0B, drops pictures', () => {
    expect(paragraphLines('共\u0013 PAGE \u0014３\u0015件\u000b第二行\u0001\t末', ' ')).toEqual(['共３件', '第二行 末']);
    expect(paragraphLines('\u0013 IF \u0013 PAGE \u00141\u0015 = 1 "x" \u0014结果\u0015', '\t')).toEqual(['结果']);
  });
});

describe('table paragraphs onto the grid', () => {
  const body = (chars: string): DocParagraph => ({ chars, mark: '\r', table: { depth: 0, rowEnd: false, innerCellEnd: false } });
  const cell = (chars: string, depth = 1): DocParagraph => ({ chars, mark: '\u0007', table: { depth, rowEnd: false, innerCellEnd: false } });
  const rowEnd = (cells: RowCell[]): DocParagraph => ({ chars: '', mark: '\u0007', table: { depth: 1, rowEnd: true, innerCellEnd: false, cells } });
  const at = (left: number, right: number, merge: Partial<RowCell> = {}): RowCell => ({ left, right, mergedLeft: false, mergedAbove: false, ...merge });

  it('spans a wide cell over the grid columns between its edges, leaves vertical continue cells empty, skips leading columns', () => {
    const lines = documentLines([
      body('某县2021年政府信息公开工作年度报告'),
      cell('三、本年度办理结果'),
      cell('（一）予以公开'),
      cell('5'),
      rowEnd([at(0, 100), at(100, 300), at(300, 400)]),
      cell('隐藏'), // a continue cell's own text is hidden in Word: the merged cell's text is in its first cell
      { chars: '（二）部分公开（区分处理的，', mark: '\r', table: { depth: 1, rowEnd: false, innerCellEnd: false } },
      cell('只计这一情形）'),
      cell(''),
      cell('1'),
      rowEnd([at(0, 100, { mergedAbove: true }), at(100, 200), at(200, 300, { mergedLeft: true }), at(300, 400)]),
      cell('a'),
      cell('7\u000b万元'),
      rowEnd([at(200, 300), at(300, 400)]),
      body('二、其他'),
    ]);
    expect(lines).toEqual([
      { text: '某县2021年政府信息公开工作年度报告' },
      { text: '三、本年度办理结果\t（一）予以公开\t5', origin: { table: 1, row: 1 } },
      { text: '\t（二）部分公开（区分处理的，只计这一情形）\t1', origin: { table: 1, row: 2 } },
      { text: '\ta\t7万元', origin: { table: 1, row: 3 } }, // the two skipped columns as one empty field, as in .docx
      { text: '二、其他' },
    ]);
  });

  it('keeps the cells of a row with no row end (a damaged table) as a row of their own', () => {
    expect(documentLines([cell('行政许可'), cell('5'), rowEnd([at(0, 100), at(100, 200)]), cell('行政处罚'), cell('3'), body('二、其他')])).toEqual([
      { text: '行政许可\t5', origin: { table: 1, row: 1 } },
      { text: '行政处罚\t3', origin: { table: 1, row: 2 } },
      { text: '二、其他' },
    ]);
  });

  it('reads a nested table as text inside its outer cell, one line per inner row', () => {
    const inner = (chars: string, end: 'cell' | 'row'): DocParagraph => ({ chars, mark: '\r', table: { depth: 2, rowEnd: end === 'row', innerCellEnd: end === 'cell' } });
    const lines = documentLines([cell('行政许可'), inner('甲', 'cell'), inner('1', 'cell'), inner('', 'row'), inner('乙', 'cell'), inner('2', 'cell'), inner('', 'row'), cell(''), rowEnd([at(0, 100), at(100, 200)])]);
    expect(lines).toEqual([{ text: '行政许可\t甲 1乙 2', origin: { table: 1, row: 1 } }]);
  });
});
