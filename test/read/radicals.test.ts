// The per-character fold the PDF reader uses (radicalFolded) against the fold of a whole text
// (foldRadicals): the reader skips the regular expression outside the radical blocks, so the two
// must agree on every character.
import { describe, expect, it } from 'vitest';
import { foldRadicals, radicalFolded } from '../../src/lib/read/radicals.ts';

describe('radicals folded one character at a time', () => {
  it('agree with foldRadicals on every character of the Basic Multilingual Plane', () => {
    const codes = Array.from({ length: 0xffff }, (_, i) => i + 1).filter((c) => c < 0xd800 || c > 0xdfff);
    expect(codes.length).toBe(0xffff - 0x800);
    const differ = codes.filter((c) => radicalFolded(c) !== foldRadicals(String.fromCodePoint(c)));
    expect(differ).toEqual([]);
  });

  it('fold the radicals that stand for characters (⼈⺠ → 人民) and leave others as they are', () => {
    expect(radicalFolded(0x2f08) + radicalFolded(0x2ea0)).toBe('人民');
    expect(radicalFolded(0x2e85)).toBe('⺅'); // a component form stands for no character
    expect(radicalFolded(0x4eba)).toBe('人');
    expect(radicalFolded(0x20000)).toBe('𠀀');
  });
});
