// PDF fonts often map a glyph to the radical that looks like it rather than to the character (人民
// extracts as ⼈⺠): Kangxi radicals (U+2F00–2FD5) and CJK radicals supplement (U+2E80–2EF3). Kangxi
// radicals fold to their characters by NFKC; most of the supplement has no such decomposition, so the
// characters it stands for in running text are listed here, from Unicode's EquivalentUnifiedIdeograph.txt
// (only radicals that are whole characters; component forms such as ⺅ 亻 never stand for text).
const SUPPLEMENT: Record<string, string> = {
  '⺟': '母', '⺠': '民', '⺩': '王', '⺫': '目', '⺬': '示', '⺮': '竹', '⺳': '网', '⺶': '羊', '⺻': '聿', '⺼': '肉', '⺽': '臼',
  '⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻑': '長', '⻓': '长', '⻔': '门', '⻗': '雨', '⻘': '青',
  '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤',
  '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};

const RADICAL = /[\u2e80-\u2ef3\u2f00-\u2fd5]/gu;

/** Radicals standing for characters, folded to those characters; everything else unchanged. */
export const foldRadicals = (text: string): string =>
  text.replace(RADICAL, (c) => SUPPLEMENT[c] ?? (c >= '\u2f00' ? c.normalize('NFKC') : c));

/** One code point as a character, folded as foldRadicals folds it; the regular expression only for radicals (a PDF's text is read a character at a time). */
export const radicalFolded = (code: number): string => {
  const ch = String.fromCodePoint(code);
  return (code >= 0x2e80 && code <= 0x2ef3) || (code >= 0x2f00 && code <= 0x2fd5) ? foldRadicals(ch) : ch;
};
