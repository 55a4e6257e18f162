// The text front stage: bytes of a text file into a string, whatever encoding a Chinese user's file
// comes in. Detected from the bytes, never guessed from the name: UTF-8 with or without BOM, UTF-16
// with or without BOM, else GB18030 (a superset of GBK and GB2312, what Windows' Notepad writes as ANSI).
import { fromLines, type SourceText } from './document.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** UTF-16 without a BOM, told by its zero bytes: line breaks, digits and ASCII put a zero in one byte of each pair. */
function utf16ByZeros(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.1 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.1 && oddZeros < pairs * 0.02) return 'utf-16be';
  return null;
}

const flaws = (text: string) => text.match(/[\ufffd\ud800-\udfff]/gu)?.length ?? 0;

/** Chinese text in UTF-16 with no ASCII at all has no zero bytes: it decodes cleanly as UTF-16 and mostly CJK. */
function utf16WithoutZeros(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  for (const order of ['utf-16le', 'utf-16be'] as const) {
    const text = new TextDecoder(order).decode(sample);
    const cjk = text.match(/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/gu)?.length ?? 0;
    if (flaws(text) === 0 && cjk > text.length * 0.8) return order;
  }
  return null;
}

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const zeros = utf16ByZeros(bytes);
  if (zeros) return zeros;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // Not UTF-8: GB18030 (what Chinese Windows writes as "ANSI"), unless it breaks where UTF-16 does not.
    if (flaws(new TextDecoder('gb18030').decode(bytes.subarray(0, 8192))) > 0) return utf16WithoutZeros(bytes) ?? 'gb18030';
    return 'gb18030';
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
