// The report's tables as text, in a given layout. Pure: the same truth, layout and rng give the same lines.
import type { Active, Cell } from '../../src/lib/schema.ts';
import { APPLICATION_GROUPS, APPLICATION_LABELS, BALANCE_NOTE, OUTCOME_HEADERS, ROW_START } from './labels.ts';
import type { Layout } from './layout.ts';
import type { Rng } from './prng.ts';
import { applicationRowPaths, getRow, type Truth } from './truth.ts';

/** A rendered table: blocks of lines; a page break may fall between blocks, never inside one. */
export interface RenderedTable {
  blocks: string[][];
  /** Rows (each as the JSON paths of its cells) written so that the text alone cannot place their
   *  cells (see Layout.partialBlankRows). */
  ambiguous: string[][];
}

export interface RowSpec {
  /** JSON paths the cells belong to (one per row; section 二's 2019 rows span two). */
  paths: string[];
  groups: string[];
  label: string;
  cells: Cell[];
  money?: boolean[];
  /** Label level for tab grids: 0 一、, 1 （一）, 2 1. */
  level: 0 | 1 | 2;
}

const FULLWIDTH = '０１２３４５６７８９';
const isMarker = (t: string) => /^(?:\/|-|—|无)$/u.test(t);
/** A line a reader takes for a page number (`- 5 -`, `— 2 —`, `第3页`): never print cells that way. */
export const looksLikePageNumber = (line: string) => /^\s*(?:[-—–]\s*[0-9０-９]+\s*[-—–]|第\s*[0-9０-９]+\s*页)\s*$/u.test(line);
const isNumberLike = (t: string) => /^[-+]?[0-9０-９][0-9０-９,.．]*$/u.test(t);

export function decimalsOf(n: number): number {
  const s = String(n);
  return s.includes('.') ? s.split('.')[1].length : 0;
}

/** A figure as the layout prints it; reads back to exactly `n`. */
export function formatNumber(n: number, layout: Layout, money = false): string {
  let s = money ? n.toFixed(Math.max(layout.feePad, decimalsOf(n))) : String(n);
  if (layout.thousands) {
    const [int, frac] = s.split('.');
    const sign = int.startsWith('-') ? '-' : '';
    const digits = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    s = sign + digits + (frac !== undefined ? `.${frac}` : '');
  }
  if (layout.digits === 'fullwidth') s = s.replace(/[0-9]/g, (d) => FULLWIDTH[Number(d)]);
  return s;
}

/** Display width in a monospaced rendering (CJK characters are two columns). */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffef]/u.test(ch) ? 2 : 1;
  return w;
}

const padEnd = (s: string, width: number) => s + ' '.repeat(Math.max(1, width - displayWidth(s)));
const padStart = (s: string, width: number) => ' '.repeat(Math.max(1, width - displayWidth(s))) + s;

/** A piece of a wrapped label is fine where no reader could take any of it for a figure, a blank or a new row. */
function pieceOk(piece: string, first: boolean): boolean {
  const tokens = piece.trim().split(/\s+/u).filter(Boolean);
  if (tokens.length === 0 || !/[\p{L}]/u.test(piece)) return false;
  const rest = first ? tokens.slice(1) : tokens;
  if (rest.some((t) => isMarker(t) || isNumberLike(t))) return false;
  if (!first && (ROW_START.test(piece) || isNumberLike(tokens[0]) || /^[无/\-—]$/u.test(piece.trim()))) return false;
  return true;
}

/** Break a label into pieces of about `width` characters, keeping its number (（三）, 1.) whole. */
export function wrapLabel(label: string, width: number): string[] {
  if (label.length <= width) return [label];
  const markerLength = label.match(ROW_START)?.[0].length ?? 0;
  const pieces: string[] = [];
  let start = 0;
  while (label.length - start > width) {
    let end = Math.max(start + width, start === 0 ? markerLength + 2 : 0);
    while (end < label.length && !(pieceOk(label.slice(start, end), start === 0) && pieceOk(label.slice(end), false))) end++;
    if (end >= label.length) break;
    pieces.push(label.slice(start, end));
    start = end;
  }
  pieces.push(label.slice(start));
  return pieces;
}

function bracket(label: string, layout: Layout): string {
  let s = label;
  if (layout.brackets === 'ascii') s = s.replace(/^（([一二三四五六七八九十]+)）/u, (_, n: string) => `(${n}) `);
  s = s.replace(/^(\d+)\./u, (_, n: string) => `${n}${layout.itemDot}`);
  return s.replace(/\{申请\}/gu, layout.applicationWord);
}

/** The cells' tokens: numbers printed, blanks as the layout writes them, partial rows per partialBlankRows. */
function cellTokens(row: RowSpec, layout: Layout, ambiguous: string[][]): string[] {
  const tokens = row.cells.map((c, i) => (c === null ? layout.blank : formatNumber(c, layout, row.money?.[i] ?? false)));
  const partial = row.cells.some((c) => c === null) && row.cells.some((c) => c !== null);
  if (layout.blank === '' && partial && layout.cells !== 'tab') {
    if (layout.partialBlankRows === 'marker') return tokens.map((t) => (t === '' ? '/' : t));
    ambiguous.push(row.paths);
  }
  return tokens;
}

/** Column headers in the layout's style (one line per word, pieces, single characters, 结 果 维 持). */
function headerLines(rng: Rng, words: readonly string[], layout: Layout): string[] {
  // Words with digits, brackets or 增/减 stay whole: split, they would print tokens that look like cells.
  const splittable = (w: string) => !/[0-9（）()/]/u.test(w);
  const pieces = (w: string) => {
    if (!splittable(w) || w.length <= 2) return [w];
    const out: string[] = [];
    for (let i = 0; i < w.length; ) {
      const n = rng.pick([2, 2, 3]);
      out.push(w.slice(i, i + n));
      i += n;
    }
    return out;
  };
  switch (layout.headers) {
    case 'words':
      return layout.cells === 'line' || layout.cells === 'reading-order' ? [...words] : [words.join(layout.cells === 'space' ? layout.sep : ' ')];
    case 'fragments':
      return words.flatMap(pieces);
    case 'chars':
      return words.flatMap((w) => (splittable(w) ? [...w] : [w]));
    case 'spacedChars':
      return layout.cells === 'line' || layout.cells === 'reading-order' ? words.map((w) => (splittable(w) ? [...w].join(' ') : w)) : [words.map((w) => (splittable(w) ? [...w].join(' ') : w)).join('  ')];
  }
}

function groupLines(rng: Rng, groups: string[], layout: Layout): string[] {
  if (layout.groupLabels === 'split')
    return groups.flatMap((g) => {
      const pieces = wrapLabel(g, rng.pick([3, 4]));
      return pieces;
    });
  return groups;
}

/** One row of a line/space/aligned layout: group labels, label pieces and numbers, per layout.wrap. */
function rowLines(rng: Rng, row: RowSpec, layout: Layout, tokens: string[], labelWidth: number): string[] {
  const groups = row.groups.map((g) => bracket(g, layout));
  const label = bracket(row.label, layout);
  let pieces = layout.wrap === 'none' ? [label] : wrapLabel(label, layout.wrapWidth);
  const lines: string[] = [];
  if (layout.groupLabels === 'prefix' && groups.length > 0) pieces = [`${groups.join(' ')} ${pieces[0]}`, ...pieces.slice(1)];
  else lines.push(...groupLines(rng, groups, layout));
  const present = tokens.filter((t) => t !== '');
  // Numbers as lines of their own (numbers never share a line with a label in 'line' layouts).
  let numberLines: string[];
  let inline: (labelPiece: string) => string;
  if (layout.cells === 'line' || layout.cells === 'reading-order') {
    numberLines = present;
    inline = () => '';
  } else if (layout.cells === 'aligned') {
    const cols = tokens.map((t) => padStart(t, 7)).join('');
    numberLines = present.length ? [padEnd('', labelWidth) + cols] : [];
    inline = (piece) => padEnd(piece, labelWidth) + cols;
  } else {
    const joined = present.join(layout.sep);
    if (layout.splitNumbers && present.length > 2 && rng.chance(0.5)) {
      const cut = rng.int(1, present.length - 1);
      numberLines = [present.slice(0, cut).join(layout.sep), present.slice(cut).join(layout.sep)];
    } else numberLines = present.length ? [joined] : [];
    inline = (piece) => `${piece}${layout.sep}${joined}`;
  }
  if (present.length === 0) return [...lines, ...pieces];
  // `— 2 —` on a line of its own would read as a page number: keep such figures beside their label.
  if (numberLines.some(looksLikePageNumber)) {
    if (layout.cells === 'space') numberLines = [present.join(layout.sep)];
    if (numberLines.some(looksLikePageNumber)) return [...lines, inline(pieces.join(''))];
  }
  const mode = layout.wrap === 'mixed' ? rng.pick(['before', 'beforeInline', 'after', 'around'] as const) : layout.wrap;
  const canInline = layout.cells !== 'line' && layout.cells !== 'reading-order' && numberLines.length === 1;
  if (pieces.length === 1 || mode === 'none') {
    if (canInline && (layout.cells !== 'space' || !(layout.wrap !== 'none' && rng.chance(0.15)))) lines.push(inline(pieces.join('')));
    else lines.push(pieces.join(''), ...numberLines);
    return lines;
  }
  if (mode === 'before' || (!canInline && mode === 'beforeInline')) lines.push(...pieces, ...numberLines);
  else if (mode === 'beforeInline') lines.push(...pieces.slice(0, -1), inline(pieces[pieces.length - 1]));
  else if (mode === 'after') {
    if (canInline) lines.push(inline(pieces[0]), ...pieces.slice(1));
    else lines.push(pieces[0], ...numberLines, ...pieces.slice(1));
  } else {
    const cut = rng.int(1, pieces.length - 1);
    lines.push(...pieces.slice(0, cut), ...numberLines, ...pieces.slice(cut));
  }
  return lines;
}

function tabFields(row: RowSpec, layout: Layout, nFields: number): string[] {
  const groups = row.groups.map((g) => bracket(g, layout));
  const label = bracket(row.label, layout);
  if (nFields === 1) return [label];
  const fields = ['', '', ''];
  fields[row.level] = label;
  // Group labels in the fields before the label (三、本年度办理结果 | （一）予以公开 | …).
  groups.forEach((g, i) => {
    fields[row.level - groups.length + i] = g;
  });
  return fields;
}

/** Render rows under a header; `labelFields` > 1 only for section 三 tab grids. */
function renderRows(rng: Rng, rows: RowSpec[], layout: Layout, ambiguous: string[][], labelFields = 1): string[][] {
  const labelWidth = Math.max(...rows.map((r) => displayWidth(bracket(r.label, layout)))) + 4;
  if (layout.cells === 'reading-order') return readingOrderRows(rows, layout, ambiguous);
  return rows.map((row) => {
    const tokens = cellTokens(row, layout, ambiguous);
    if (layout.cells === 'tab') {
      const fields = tabFields(row, layout, labelFields);
      const groupLine = labelFields === 1 ? row.groups.map((g) => bracket(g, layout)) : [];
      return [...groupLine, [...fields, ...tokens].join('\t')];
    }
    return rowLines(rng, row, layout, tokens, Math.min(labelWidth, 2 * layout.wrapWidth + 4));
  });
}

/**
 * Rows as pdftotext prints a table without -layout: each cell on a line of its own after its label;
 * but a row under a group label (三、本年度办理结果 set one character per line) or with a label that
 * wraps prints its cells first, and its label (with the group's characters) comes after the cells of
 * the next row that has a short label of its own (淮安 2024).
 */
function readingOrderRows(rows: RowSpec[], layout: Layout, ambiguous: string[][]): string[][] {
  const blocks: string[][] = [];
  let displaced: string[] = [];
  rows.forEach((row, k) => {
    const cells = cellTokens(row, layout, ambiguous).filter((t) => t !== '');
    const label = bracket(row.label, layout);
    const moves = row.level > 0 && (row.groups.length > 0 || label.length > layout.wrapWidth);
    if (moves) {
      displaced.push(...row.groups.flatMap((g) => [...bracket(g, layout)]), ...wrapLabel(label, layout.wrapWidth));
      blocks.push(cells);
    } else {
      blocks.push([label, ...cells, ...displaced]);
      displaced = [];
    }
    if (k === rows.length - 1 && displaced.length > 0) blocks[blocks.length - 1]!.push(...displaced);
  });
  return blocks;
}

// ---------------------------------------------------------------- section 二

function docsRow(label: string, path: string, docs: Active['regulations']): RowSpec {
  const d = (docs ?? {}) as Record<string, Cell>;
  const keys = 'published' in d ? ['issued', 'published', 'publicTotal'] : ['issued', 'repealed', 'inForce'];
  return { paths: [path], groups: [], label, cells: keys.map((k) => d[k] ?? null), level: 0 };
}

export interface SubTable {
  caption: string;
  header: string[];
  rows: RowSpec[];
}

export function activeTables(rng: Rng, active: Active, layout: Layout): SubTable[] {
  const docs2019 = active.regulations !== null && 'published' in active.regulations;
  const decisions2019 = active.itemCounts !== undefined;
  const normativeLabel = rng.pick(['行政规范性文件', '规范性文件']);
  const tables: SubTable[] = [
    {
      caption: '第二十条第（一）项',
      header: ['信息内容', ...(docs2019 ? ['本年新制作数量', '本年新公开数量', '对外公开总数量'] : ['本年制发件数', '本年废止件数', '现行有效件数'])],
      rows: [docsRow('规章', 'active.regulations', active.regulations), docsRow(normativeLabel, 'active.normativeDocuments', active.normativeDocuments)],
    },
  ];
  const item = (key: 'licensing' | 'otherServices' | 'punishment' | 'coercion', label: string): RowSpec => {
    const ic = active.itemCounts?.[key];
    const decided = (key === 'otherServices' ? active.otherServices : active[key]) ?? null;
    if (!decisions2019) return { paths: [`active.${key}`], groups: [], label, cells: [decided], level: 0 };
    return { paths: [`active.itemCounts.${key}`, `active.${key}`], groups: [], label, cells: [ic?.previousYear ?? null, ic?.change ?? null, decided], level: 0 };
  };
  const decisionHeader = decisions2019 ? ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'] : ['信息内容', '本年处理决定数量'];
  tables.push({ caption: '第二十条第（五）项', header: decisionHeader, rows: decisions2019 ? [item('licensing', '行政许可'), item('otherServices', '其他对外管理服务事项')] : [item('licensing', '行政许可')] });
  tables.push({ caption: '第二十条第（六）项', header: decisionHeader, rows: [item('punishment', '行政处罚'), item('coercion', '行政强制')] });
  if (decisions2019) {
    const fees = active.itemCounts?.fees;
    tables.push({ caption: '第二十条第（八）项', header: ['信息内容', '上一年项目数量', '本年增/减'], rows: [{ paths: ['active.itemCounts.fees', 'active.fees'], groups: [], label: '行政事业性收费', cells: [fees?.previousYear ?? null, fees?.change ?? null], level: 0 }] });
  } else {
    const feeHeader = layout.unitInCell ? rng.pick(['本年收费金额', '本年收费金额（单位：万元）']) : rng.pick(['本年收费金额（单位：万元）', '本年收费金额（单位：万元，保留4位小数）']);
    tables.push({ caption: '第二十条第（八）项', header: ['信息内容', feeHeader], rows: [{ paths: ['active.fees'], groups: [], label: '行政事业性收费', cells: [active.fees], money: [true], level: 0 }] });
  }
  if (active.procurement)
    tables.push({
      caption: '第二十条第（九）项',
      header: ['信息内容', '采购项目数量', '采购总金额'],
      rows: [{ paths: ['active.procurement'], groups: [], label: '政府集中采购', cells: [active.procurement.projects, active.procurement.amount], money: [false, true], level: 0 }],
    });
  return tables;
}

export function renderActive(rng: Rng, active: Active, layout: Layout): RenderedTable {
  const ambiguous: string[][] = [];
  const blocks: string[][] = [];
  if (layout.cells === 'reading-order') {
    // pdftotext without -layout (Chromium's print of the page): the label column of every part first,
    // then each part's caption, headers and cells.
    const tables = activeTables(rng, active, layout);
    const labels = tables.flatMap((t) => [t.header[0]!, ...t.rows.map((r) => r.label)]);
    const parts = tables.flatMap((t) => [
      t.caption,
      ...t.header.slice(1),
      ...t.rows.flatMap((r) => {
        const cells = cellTokens(r, layout, ambiguous).filter((x) => x !== '');
        if (layout.unitInCell && r.paths[0] === 'active.fees' && cells.length > 0) cells[cells.length - 1] += ' 万元';
        return cells;
      }),
    ]);
    return { blocks: [labels, parts], ambiguous };
  }
  for (const table of activeTables(rng, active, layout)) {
    const caption = layout.cells === 'tab' ? table.caption + '\t'.repeat(table.header.length - 1) : table.caption;
    const header = layout.cells === 'tab' ? [table.header.join('\t')] : headerLines(rng, table.header, layout);
    const rows = renderRows(rng, table.rows, layout, ambiguous);
    // 万元 in the cell: appended to the fee's line (the fee is the row's last cell).
    const feeRow = table.rows.findIndex((r) => r.money?.some(Boolean) && r.paths[0] === 'active.fees');
    if (feeRow >= 0 && layout.unitInCell && table.rows[feeRow].cells[0] !== null) {
      const lines = rows[feeRow];
      const numberLine = lines.findLastIndex((l) => /[0-9０-９]/u.test(l));
      lines[numberLine] += rng.pick([' 万元', '万元']);
    }
    blocks.push([caption, ...header], ...rows);
  }
  return { blocks, ambiguous };
}

// ---------------------------------------------------------------- section 三

function applicationRows(truth: Truth): RowSpec[] {
  const apps = truth.applications!;
  const other = 'total' in apps.otherHandling ? 'single' : 'detailed';
  return applicationRowPaths(other).map((path) => {
    const level = /^(received|carriedOver|carriedForward)$/u.test(path) ? 0 : path.includes('.') && path !== 'otherHandling.total' ? 2 : 1;
    return { paths: [`applications.${path}`], groups: [...(APPLICATION_GROUPS[path] ?? [])], label: APPLICATION_LABELS[path][0], cells: [...(getRow(apps, path) ?? Array(7).fill(null))], level };
  });
}

/** Label variants (短 labels, 法律法规) chosen once per report. */
function varyLabels(rng: Rng, rows: RowSpec[]): RowSpec[] {
  return rows.map((r) => {
    const path = r.paths[0].replace(/^applications\./u, '');
    const variants = APPLICATION_LABELS[path];
    return variants.length > 1 && rng.chance(0.3) ? { ...r, label: rng.pick(variants) } : r;
  });
}

function applicationHeader(rng: Rng, layout: Layout, labelFields: number): string[] {
  if (layout.cells === 'tab') {
    const pad = '\t'.repeat(labelFields - 1);
    return [
      `${BALANCE_NOTE.join('')}${pad}\t申请人情况${'\t'.repeat(6)}`,
      `${pad}\t自然人\t法人或其他组织${'\t'.repeat(4)}\t总计`,
      `${pad}\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t`,
    ];
  }
  const note = rng.chance(0.5) ? [...BALANCE_NOTE] : [BALANCE_NOTE.join('')];
  const words = rng.chance(0.5)
    ? ['申请人情况', '自然人', '法人或其他组织', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']
    : ['申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  return [...note, ...headerLines(rng, words, layout)];
}

export function renderApplications(rng: Rng, truth: Truth, layout: Layout): RenderedTable {
  const ambiguous: string[][] = [];
  const labelFields = layout.cells === 'tab' ? layout.tabLabelFields : 1;
  const rows = varyLabels(rng, applicationRows(truth));
  return { blocks: [applicationHeader(rng, layout, labelFields), ...renderRows(rng, rows, layout, ambiguous, labelFields)], ambiguous };
}

// ---------------------------------------------------------------- section 四

function outcomeHeader(rng: Rng, layout: Layout): string[] {
  if (layout.cells === 'tab')
    return [
      `行政复议${'\t'.repeat(5)}行政诉讼${'\t'.repeat(9)}`,
      `${OUTCOME_HEADERS.join('\t')}\t未经复议直接起诉${'\t'.repeat(5)}复议后起诉${'\t'.repeat(4)}`,
      `${'\t'.repeat(5)}${[...OUTCOME_HEADERS, ...OUTCOME_HEADERS].join('\t')}`,
    ];
  const words = rng.chance(0.5)
    ? ['行政复议', '行政诉讼', ...OUTCOME_HEADERS, '未经复议直接起诉', '复议后起诉', ...OUTCOME_HEADERS, ...OUTCOME_HEADERS]
    : ['行政复议', ...OUTCOME_HEADERS, '行政诉讼', '未经复议直接起诉', ...OUTCOME_HEADERS, '复议后起诉', ...OUTCOME_HEADERS];
  return headerLines(rng, words, layout);
}

export function renderOutcomes(rng: Rng, truth: Truth, layout: Layout): RenderedTable {
  const ambiguous: string[][] = [];
  const groups = [truth.review, truth.litigationDirect, truth.litigationAfterReview];
  const cells: Cell[] = groups.flatMap((g) => g ?? [null, null, null, null, null]);
  const row: RowSpec = { paths: ['review', 'litigationDirect', 'litigationAfterReview'], groups: [], label: '', cells, level: 0 };
  const tokens = cellTokens(row, layout, ambiguous);
  const header = outcomeHeader(rng, layout);
  if (layout.cells === 'tab') return { blocks: [header, [tokens.join('\t')]], ambiguous };
  const present = tokens.filter((t) => t !== '');
  if (present.length === 0) return { blocks: [header], ambiguous };
  if (layout.cells === 'aligned') return { blocks: [header, [tokens.map((t) => padStart(t, 6)).join('')]], ambiguous };
  const sep = layout.cells === 'space' ? layout.sep : ' ';
  let lines: string[];
  const mode = layout.cells === 'line' || layout.cells === 'reading-order' ? 'perLine' : layout.outcomes;
  if (mode === 'oneLine') lines = [present.join(sep)];
  else if (mode === 'perLine') lines = present;
  else if (mode === 'threeLines' && present.length === 15) lines = [0, 5, 10].map((i) => present.slice(i, i + 5).join(sep));
  else {
    const cuts = [...new Set([rng.int(1, present.length - 1), rng.int(1, present.length - 1)])].sort((a, b) => a - b);
    lines = [];
    let from = 0;
    for (const cut of [...cuts, present.length]) {
      if (cut > from) lines.push(present.slice(from, cut).join(sep));
      from = cut;
    }
  }
  if (lines.some(looksLikePageNumber)) lines = [present.join(sep)];
  return { blocks: [header, lines], ambiguous };
}
