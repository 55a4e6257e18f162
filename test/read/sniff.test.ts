// What a file is, by its bytes: the PDF header where the spec allows it (within the first 1,024
// bytes), web pages by their markup (also in UTF-16), text otherwise.
import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/lib/read/sniff.ts';

const bytes = (...parts: (string | Uint8Array)[]) => new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));

describe('sniff', () => {
  it('a PDF by its header, also after up to 1,024 bytes of junk, not after more', () => {
    expect(sniff(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(sniff(bytes(' '.repeat(1023), '%PDF-1.4\n'))).toBe('pdf');
    expect(sniff(bytes(' '.repeat(1024), '%PDF-1.4\n'))).toBe('txt');
    expect(sniff(bytes('%PDF'))).toBe('txt');
  });

  it('a web page by its markup after a BOM, comments or in UTF-16; text otherwise', () => {
    expect(sniff(bytes('\ufeff<!-- saved -->\n<!DOCTYPE html><html><body>报告</body></html>'))).toBe('html');
    expect(sniff(new Uint8Array(Buffer.from('\ufeff<html><body><p>报告</p></body></html>', 'utf16le')))).toBe('html');
    expect(sniff(bytes('<p>政府信息公开</p> <table><tr><td>1</td></tr></table>'))).toBe('html');
    expect(sniff(bytes('政府信息公开工作年度报告\n一、总体情况\n'))).toBe('txt');
  });
});
