// A synthetic report as a document rather than as text: title, headings, paragraphs and the three
// tables as real tables with merged cells (colspan/rowspan, Word's gridSpan/vMerge), as published on
// government sites and in Word files. The HTML and .docx writers render this one model, so both carry
// the same figures in the same table shapes.
import type { Active, Cell } from '../../src/lib/schema.ts';
import { issuerName, placeKind, placeName } from './issuer.ts';
import { APPLICATION_GROUPS, APPLICATION_LABELS, BALANCE_NOTE, OUTCOME_HEADERS, SECTION_TITLES } from './labels.ts';
import { DEFAULT_LAYOUT } from './layout.ts';
import { createRng, type Rng } from './prng.ts';
import { introParagraph, otherParagraphs, overviewParagraphs, problemParagraphs, type ProseContext } from './prose.ts';
import { TEST_MARK } from './report.ts';
import { formatNumber, wrapLabel } from './tables.ts';
import { applicationRowPaths, getRow, type Truth } from './truth.ts';

/** One cell where its merged area starts; `lines` are the cell's paragraphs (a wrapped label). */
export interface DocCell {
  lines: string[];
  colSpan?: number;
  rowSpan?: number;
  header?: boolean;
  /** A label cell (for narrow label columns in CSS). */
  label?: boolean;
}

export interface DocTable {
  /** Number of grid columns. */
  columns: number;
  rows: DocCell[][];
}

export type DocBlock = { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string } | { kind: 'table'; table: DocTable };

export interface ReportDocument {
  /** The title as printed (one or two lines). */
  title: string[];
  issuer: string;
  place: string;
  blocks: DocBlock[];
  /** Closing signature: issuer and date. */
  signature: string[];
}

export interface DocumentOptions {
  seed: string;
  /** How a blank cell is printed; '' leaves it empty. */
  blank: '' | '/' | '-' | '—' | '无';
  /** Long labels and headers broken into several lines (paragraphs) inside their cell. */
  wrapLabels: boolean;
  /** Table 二 as one grid with its 第二十条 captions as full-width rows, or as one small table per item. */
  activeTables: 'one' | 'separate';
  /** Table 三's label area: three columns (group labels merged down, 三、本年度办理结果 / （三）不予公开 /
   *  1.属于国家秘密) or one column with the group labels on rows of their own. */
  applicationLabels: 'three' | 'one';
  digits: 'ascii' | 'fullwidth';
  feePad: 0 | 2 | 4;
}

export const DEFAULT_DOCUMENT_OPTIONS: DocumentOptions = {
  seed: 'default',
  blank: '',
  wrapLabels: false,
  activeTables: 'one',
  applicationLabels: 'three',
  digits: 'ascii',
  feePad: 0,
};

export function randomDocumentOptions(rng: Rng, seed: string): DocumentOptions {
  return {
    seed,
    blank: rng.weighted([['', 60], ['/', 15], ['-', 10], ['无', 15]] as const),
    wrapLabels: rng.chance(0.5),
    activeTables: rng.chance(0.7) ? 'one' : 'separate',
    applicationLabels: rng.chance(0.8) ? 'three' : 'one',
    digits: rng.chance(0.05) ? 'fullwidth' : 'ascii',
    feePad: rng.weighted([[0, 80], [2, 10], [4, 10]] as const),
  };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

const cell = (text: string, extra: Omit<DocCell, 'lines'> = {}): DocCell => ({ lines: [text], ...extra });

function figure(c: Cell, options: DocumentOptions, money = false): DocCell {
  if (c === null) return cell(options.blank);
  return cell(formatNumber(c, { ...DEFAULT_LAYOUT, digits: options.digits, feePad: options.feePad }, money));
}

/** A label broken into lines of about `width` characters when the options wrap labels. */
function label(text: string, options: DocumentOptions, width: number, extra: Omit<DocCell, 'lines'> = {}): DocCell {
  const lines = options.wrapLabels && text.length > width ? wrapLabel(text, width) : [text];
  return { lines, label: true, ...extra };
}

const header = (text: string, options: DocumentOptions, extra: Omit<DocCell, 'lines'> = {}): DocCell => ({
  lines: options.wrapLabels && text.length > 5 && !/[（(]/u.test(text) ? [text.slice(0, Math.ceil(text.length / 2)), text.slice(Math.ceil(text.length / 2))] : [text],
  header: true,
  ...extra,
});

// ---------------------------------------------------------------- table 二

interface ActiveItem {
  caption: string;
  headers: string[];
  rows: { label: string; cells: DocCell[] }[];
}

function activeItems(rng: Rng, active: Active, options: DocumentOptions): ActiveItem[] {
  const docs = (d: Active['regulations']) => {
    const r = (d ?? {}) as Record<string, Cell>;
    const keys = 'published' in r ? ['issued', 'published', 'publicTotal'] : ['issued', 'repealed', 'inForce'];
    return keys.map((k) => figure(r[k] ?? null, options));
  };
  const docs2019 = active.regulations !== null && 'published' in active.regulations;
  const decisions2019 = active.itemCounts !== undefined;
  const items: ActiveItem[] = [
    {
      caption: '第二十条第（一）项',
      headers: ['信息内容', ...(docs2019 ? ['本年新制作数量', '本年新公开数量', '对外公开总数量'] : ['本年制发件数', '本年废止件数', '现行有效件数'])],
      rows: [
        { label: '规章', cells: docs(active.regulations) },
        { label: rng.pick(['行政规范性文件', '规范性文件']), cells: docs(active.normativeDocuments) },
      ],
    },
  ];
  const decision = (key: 'licensing' | 'otherServices' | 'punishment' | 'coercion', text: string) => {
    const decided = (key === 'otherServices' ? active.otherServices : active[key]) ?? null;
    const ic = active.itemCounts?.[key];
    return { label: text, cells: decisions2019 ? [figure(ic?.previousYear ?? null, options), figure(ic?.change ?? null, options), figure(decided, options)] : [figure(decided, options)] };
  };
  const decisionHeaders = decisions2019 ? ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'] : ['信息内容', '本年处理决定数量'];
  items.push({ caption: '第二十条第（五）项', headers: decisionHeaders, rows: decisions2019 ? [decision('licensing', '行政许可'), decision('otherServices', '其他对外管理服务事项')] : [decision('licensing', '行政许可')] });
  items.push({ caption: '第二十条第（六）项', headers: decisionHeaders, rows: [decision('punishment', '行政处罚'), decision('coercion', '行政强制')] });
  if (decisions2019) {
    const fees = active.itemCounts?.fees;
    items.push({ caption: '第二十条第（八）项', headers: ['信息内容', '上一年项目数量', '本年增/减'], rows: [{ label: '行政事业性收费', cells: [figure(fees?.previousYear ?? null, options), figure(fees?.change ?? null, options)] }] });
  } else
    items.push({
      caption: '第二十条第（八）项',
      headers: ['信息内容', rng.pick(['本年收费金额（单位：万元）', '本年收费金额（单位：万元，保留4位小数）'])],
      rows: [{ label: '行政事业性收费', cells: [figure(active.fees, options, true)] }],
    });
  if (active.procurement)
    items.push({
      caption: '第二十条第（九）项',
      headers: ['信息内容', '采购项目数量', '采购总金额'],
      rows: [{ label: '政府集中采购', cells: [figure(active.procurement.projects, options), figure(active.procurement.amount, options, true)] }],
    });
  return items;
}

/** The item's rows on a grid of `columns`: the last cell of a short row spans the rest (as Word tables do). */
function itemRows(item: ActiveItem, columns: number, options: DocumentOptions, caption: boolean): DocCell[][] {
  const stretch = (cells: DocCell[]) => {
    const rest = columns - cells.length;
    return rest > 0 ? [...cells.slice(0, -1), { ...cells[cells.length - 1]!, colSpan: rest + 1 }] : cells;
  };
  const rows: DocCell[][] = [];
  if (caption) rows.push([header(item.caption, options, { colSpan: columns })]);
  rows.push(stretch(item.headers.map((h) => header(h, options))));
  for (const r of item.rows) rows.push(stretch([label(r.label, options, 6), ...r.cells]));
  return rows;
}

function activeTables(rng: Rng, active: Active, options: DocumentOptions): DocTable[] {
  const items = activeItems(rng, active, options);
  if (options.activeTables === 'one') return [{ columns: 4, rows: items.flatMap((item) => itemRows(item, 4, options, true)) }];
  return items.map((item) => ({ columns: item.headers.length, rows: itemRows(item, item.headers.length, options, true) }));
}

// ---------------------------------------------------------------- table 三

function applicationsTable(rng: Rng, truth: Truth, options: DocumentOptions): DocTable {
  const apps = truth.applications!;
  const paths = applicationRowPaths('total' in apps.otherHandling ? 'single' : 'detailed');
  const labelOf = (path: string) => {
    const variants = APPLICATION_LABELS[path]!;
    return (variants.length > 1 && rng.chance(0.3) ? rng.pick(variants) : variants[0]!).replace(/\{申请\}/gu, '政府信息公开');
  };
  const figures = (path: string) => (getRow(apps, path) ?? Array<Cell>(7).fill(null)).map((c) => figure(c, options));
  const note = BALANCE_NOTE.join('');
  const labelCols = options.applicationLabels === 'three' ? 3 : 1;
  const rows: DocCell[][] = [
    [{ ...header(note, options, { colSpan: labelCols, rowSpan: 3 }), lines: options.wrapLabels ? [...BALANCE_NOTE] : [note] }, header('申请人情况', options, { colSpan: 7 })],
    [header('自然人', options, { rowSpan: 2 }), header('法人或其他组织', options, { colSpan: 5 }), header('总计', options, { rowSpan: 2 })],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((h) => header(h, options)),
  ];
  const level = (path: string) => (/^(received|carriedOver|carriedForward)$/u.test(path) ? 0 : path.includes('.') && path !== 'otherHandling.total' ? 2 : 1);
  if (labelCols === 1) {
    for (const path of paths) {
      for (const g of APPLICATION_GROUPS[path] ?? []) rows.push([label(g, options, 8, { colSpan: 8 })]);
      rows.push([label(labelOf(path), options, 8), ...figures(path)]);
    }
    return { columns: 8, rows };
  }
  // Three label columns: 三、本年度办理结果 spans every outcome row; （三）不予公开 etc. span their items.
  const outcomeRows = paths.filter((p) => level(p) > 0).length;
  const groupSize = (path: string) => paths.filter((p) => p.startsWith(path.split('.')[0]! + '.')).length;
  for (const path of paths) {
    const row: DocCell[] = [];
    const lvl = level(path);
    if (path === 'granted') row.push(label('三、本年度办理结果', options, 4, { rowSpan: outcomeRows }));
    if (lvl === 0) row.push(label(labelOf(path), options, 10, { colSpan: 3 }));
    else if (lvl === 1) row.push(label(labelOf(path), options, 8, { colSpan: 2 }));
    else {
      const group = APPLICATION_GROUPS[path]?.find((g) => g.startsWith('（'));
      if (group) row.push(label(group, options, 4, { rowSpan: groupSize(path) }));
      row.push(label(labelOf(path), options, 8));
    }
    rows.push([...row, ...figures(path)]);
  }
  return { columns: 10, rows };
}

// ---------------------------------------------------------------- table 四

function outcomesTable(truth: Truth, options: DocumentOptions): DocTable {
  const groups = [truth.review, truth.litigationDirect, truth.litigationAfterReview];
  const h = (text: string, extra: Omit<DocCell, 'lines'> = {}) => header(text, options, extra);
  return {
    columns: 15,
    rows: [
      [h('行政复议', { colSpan: 5 }), h('行政诉讼', { colSpan: 10 })],
      [...OUTCOME_HEADERS.map((t) => h(t, { rowSpan: 2 })), h('未经复议直接起诉', { colSpan: 5 }), h('复议后起诉', { colSpan: 5 })],
      [...OUTCOME_HEADERS, ...OUTCOME_HEADERS].map((t) => h(t)),
      groups.flatMap((g) => (g ?? [null, null, null, null, null]).map((c) => figure(c, options))),
    ],
  };
}

// ---------------------------------------------------------------- the whole report

export function reportDocument(truth: Truth, options: DocumentOptions = DEFAULT_DOCUMENT_OPTIONS): ReportDocument {
  const rng = createRng(`${options.seed}:${truth.region.code}:${truth.year}:doc`);
  const place = placeName(rng.fork('place'), truth.region);
  const issuer = issuerName(rng.fork('issuer'), place);
  const ctx: ProseContext = { place, kind: placeKind(truth.region), year: truth.year, received: truth.applications?.received?.[6] ?? 0 };
  const prose = rng.fork('prose');
  const format2019 = truth.active?.itemCounts !== undefined;
  const blocks: DocBlock[] = [{ kind: 'paragraph', text: introParagraph(prose, ctx) }];
  const section = (i: number, title: string) => blocks.push({ kind: 'heading', text: `${NUMERALS[i]}、${title}` });
  const paragraphs = (ps: string[]) => ps.forEach((text) => blocks.push({ kind: 'paragraph', text }));
  const tables = (ts: DocTable[]) => ts.forEach((table) => blocks.push({ kind: 'table', table }));

  section(0, '总体情况');
  paragraphs(overviewParagraphs(prose, ctx, rng.pick(['bracketed', 'numbered', 'none'] as const)));
  section(1, SECTION_TITLES.active[0]);
  if (truth.active) tables(activeTables(rng.fork('active'), truth.active, options));
  section(2, SECTION_TITLES.applications[0].replace('{申请}', '政府信息公开'));
  if (truth.applications) tables([applicationsTable(rng.fork('applications'), truth, options)]);
  section(3, rng.pick(format2019 ? SECTION_TITLES.outcomes2019 : SECTION_TITLES.outcomes2021).replace('{申请}', '政府信息公开'));
  tables([outcomesTable(truth, options)]);
  section(4, rng.pick(SECTION_TITLES.problems));
  paragraphs(problemParagraphs(prose, ctx));
  section(5, SECTION_TITLES.other[0]);
  paragraphs(otherParagraphs(prose, ctx));

  return {
    title: [issuer, `${truth.year}年政府信息公开工作年度报告${TEST_MARK}`],
    issuer,
    place,
    blocks,
    signature: [issuer, `${truth.year + 1}年${rng.int(1, 3)}月${rng.int(1, 28)}日`],
  };
}
