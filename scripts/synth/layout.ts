// How a synthetic report is laid out: the ways real converters (pdftotext with and without -layout,
// Word's text export, text copied from a web page) flatten the same tables.
import type { Rng } from './prng.ts';

export interface Layout {
  /** Seeds the wording of the prose and other small choices that do not change the figures. */
  seed: string;
  /** Table cells: one per line; space-separated on the row's line; tab-separated (a grid: every row of
   *  a table has the same number of fields, blanks as empty fields); pdftotext -layout columns;
   *  reading order (pdftotext without -layout: cells one per line, labels of wrapped and grouped rows
   *  after the cells of later rows, section 二's labels before all its cells). */
  cells: 'line' | 'space' | 'tab' | 'aligned' | 'reading-order';
  /** Separator between cells in 'space' layouts (any white space). */
  sep: ' ' | '  ' | '   ' | '\u3000' | '\u00a0';
  /** 'tab': label fields per section 三 row (3 = 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密). */
  tabLabelFields: 1 | 3;
  /** Long labels wrapped: before their numbers, the last piece on the numbers' line, after them
   *  (numbers on the first piece's line), or around them (numbers on a line of their own in between). */
  wrap: 'none' | 'before' | 'beforeInline' | 'after' | 'around' | 'mixed';
  wrapWidth: number;
  /** 'space': a row's numbers broken over two lines (000: `0 0 0 0 0 0` / `0`). */
  splitNumbers: boolean;
  /** Group labels (三、本年度办理结果, （三）不予公开): own line, split into pieces of 2–3 characters
   *  (000: 三、本 / 年度办 / 理结果), or printed before the first row's label on its line. */
  groupLabels: 'ownLine' | 'split' | 'prefix';
  /** Column headers: whole words; pieces (商业 / 企业); single characters one per line; 结 果 维 持. */
  headers: 'words' | 'fragments' | 'chars' | 'spacedChars';
  /** How a blank cell is written; '' = nothing at all. */
  blank: '' | '/' | '-' | '—' | '无';
  /** Where `blank` is '' and a row is only partly blank in a line/space/aligned layout, the cells cannot
   *  be placed from the text: 'marker' writes those blanks as `/` (a human reads the row unambiguously);
   *  'missing' leaves them out, on purpose, and the writer lists the row as ambiguous. */
  partialBlankRows: 'marker' | 'missing';
  digits: 'ascii' | 'fullwidth';
  thousands: boolean;
  /** 万元 written in the fee cell (`202 万元`). */
  unitInCell: boolean;
  /** Fee amounts padded to this many decimals (保留4位小数: 795.0000). */
  feePad: 0 | 2 | 4;
  /** Page-number lines (and letterhead) inserted between rows inside the tables. */
  pageBreaks: number;
  pageStyle: 'dashSpaced' | 'dash' | 'emDash' | 'page';
  letterhead: 'none' | 'issuer' | 'title';
  /** An empty line after every line (pdftotext of some PDFs: 000, 004). */
  doubleSpaced: boolean;
  /** Stray leading spaces on some lines (000). */
  leadingSpaces: boolean;
  brackets: 'fullwidth' | 'ascii';
  itemDot: '.' | '．' | '、' | '. ';
  /** 004 says 政务公开申请 where the format says 政府信息公开申请. */
  applicationWord: '政府信息公开' | '政务公开';
  /** Section numbering: standard 一…六; tables numbered 三 to 五 after an extra prose section (000);
   *  the overview with its own 一、二、… headings before the count restarts (003). */
  numbering: 'standard' | 'shifted' | 'nested';
  /** Section 四's 15 numbers: one line, three lines of five, one per line, broken at random points. */
  outcomes: 'oneLine' | 'threeLines' | 'perLine' | 'broken';
  /** Title: issuer and year on two lines, on one line, or after a document number line (刚政办〔2022〕5号). */
  title: 'twoLines' | 'oneLine' | 'docNumber';
  /** Prose hard-wrapped at this many characters; 0 = one line per paragraph. */
  proseWrap: number;
}

export const DEFAULT_LAYOUT: Layout = {
  seed: 'default',
  cells: 'space',
  sep: ' ',
  tabLabelFields: 1,
  wrap: 'none',
  wrapWidth: 14,
  splitNumbers: false,
  groupLabels: 'ownLine',
  headers: 'words',
  blank: '',
  partialBlankRows: 'marker',
  digits: 'ascii',
  thousands: false,
  unitInCell: false,
  feePad: 0,
  pageBreaks: 0,
  pageStyle: 'dashSpaced',
  letterhead: 'none',
  doubleSpaced: false,
  leadingSpaces: false,
  brackets: 'fullwidth',
  itemDot: '.',
  applicationWord: '政府信息公开',
  numbering: 'standard',
  outcomes: 'oneLine',
  title: 'twoLines',
  proseWrap: 0,
};

/** Page numbers that can never be read as a row of cells: no dash styles where a dash means blank. */
export function safePageStyle(layout: Layout): Layout['pageStyle'] {
  return layout.blank === '-' || layout.blank === '—' ? 'page' : layout.pageStyle;
}

/** A coherent random layout. Every choice here is one a real converter makes. */
export function randomLayout(rng: Rng, seed: string): Layout {
  const cells = rng.weighted([['space', 45], ['line', 25], ['tab', 20], ['aligned', 10]] as const);
  const layout: Layout = {
    seed,
    cells,
    sep: rng.weighted([[' ', 70], ['  ', 10], ['   ', 5], ['\u3000', 10], ['\u00a0', 5]] as const),
    tabLabelFields: rng.pick([1, 3] as const),
    wrap: cells === 'tab' ? 'none' : rng.weighted([['none', 30], ['before', 20], ['beforeInline', 10], ['after', 15], ['around', 10], ['mixed', 15]] as const),
    wrapWidth: rng.int(6, 20),
    splitNumbers: cells === 'space' && rng.chance(0.15),
    groupLabels: rng.weighted([['ownLine', 50], ['split', 30], ['prefix', 20]] as const),
    headers: rng.weighted([['words', 40], ['fragments', 25], ['chars', 20], ['spacedChars', 15]] as const),
    blank: rng.weighted([['', 55], ['/', 12], ['-', 12], ['—', 8], ['无', 13]] as const),
    partialBlankRows: 'marker',
    digits: rng.chance(0.1) ? 'fullwidth' : 'ascii',
    thousands: rng.chance(0.2),
    unitInCell: rng.chance(0.25),
    feePad: rng.weighted([[0, 80], [2, 10], [4, 10]] as const),
    pageBreaks: rng.weighted([[0, 40], [1, 35], [2, 20], [3, 5]] as const),
    pageStyle: rng.pick(['dashSpaced', 'dash', 'emDash', 'page'] as const),
    letterhead: rng.weighted([['none', 60], ['issuer', 25], ['title', 15]] as const),
    doubleSpaced: rng.chance(0.15),
    leadingSpaces: rng.chance(0.2),
    brackets: rng.chance(0.25) ? 'ascii' : 'fullwidth',
    itemDot: rng.weighted([['.', 70], ['．', 10], ['、', 10], ['. ', 10]] as const),
    applicationWord: rng.chance(0.1) ? '政务公开' : '政府信息公开',
    numbering: rng.weighted([['standard', 70], ['shifted', 15], ['nested', 15]] as const),
    outcomes: rng.weighted([['oneLine', 55], ['threeLines', 15], ['perLine', 15], ['broken', 15]] as const),
    title: rng.weighted([['twoLines', 70], ['oneLine', 20], ['docNumber', 10]] as const),
    proseWrap: rng.chance(0.6) ? rng.int(18, 36) : 0,
  };
  layout.pageStyle = safePageStyle(layout);
  return layout;
}
