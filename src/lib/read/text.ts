// The text front stage: bytes of a text file into a string, whatever encoding a Chinese user's file
// comes in. Detected from the bytes, never guessed from the name: UTF-8 with or without BOM, UTF-16
// with or without BOM, else GB18030 (a superset of GBK and GB2312, what Windows' Notepad writes as ANSI).
import { fromLines, type SourceText } from './document.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** UTF-16 without a BOM: ASCII and CJK text alike leave zero bytes on one side far more than the other. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // Line breaks and ASCII digits put a zero in the high byte; CJK text has few zeros at all, so test
  // the zero bytes' side and, for CJK, the decoded text's share of CJK characters.
  if (oddZeros > pairs * 0.2 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.2 && oddZeros < pairs * 0.05) return 'utf-16be';
  for (const order of ['utf-16le', 'utf-16be'] as const) {
    const sample = new TextDecoder(order).decode(bytes.subarray(0, n));
    const cjk = sample.match(/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/gu)?.length ?? 0;
    if (cjk > sample.length * 0.5 && !/[\ud800-\udfff]/u.test(sample) && !sample.includes('\ufffd')) return order;
  }
  return null;
}

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Valid UTF-8, but zero bytes in every other place are UTF-16 that happens to be valid.
    return utf16Order(bytes) ?? 'utf-8';
  } catch {
    return utf16Order(bytes) ?? 'gb18030';
  }
}

/** Decodes a text file; the BOM, if any, is not part of the text. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(bytes);
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/** Plain text: each line is its own origin (the line number), so no origins are recorded. */
export function readText(bytes: Uint8Array): SourceText {
  const { text } = decodeText(bytes);
  return { ...fromLines('txt', []), text };
}
