// Which table rows a report page must show for a report JSON, and finding them among the page's rows.
// Rows are recognised the way a reader does: by the Chinese label in the row and the run of cells
// after it (a blank cell for a null), so any table layout that prints the report's rows passes and a
// missing, reordered or altered figure does not.
import { hasRun, squeeze, type Row } from './dom.ts';

type Cells = (number | null)[];
type Loose = Record<string, unknown>;

export interface ExpectedRow {
  path: string; // JSON path, e.g. applications.denied.stateSecret
  label: RegExp; // tested against the row's squeezed text
  not?: RegExp;
  cells: Cells;
  /** Section 四 may also be printed as one row of fifteen numbers: where this row starts in it. */
  offsetIn15?: number;
}

// Section 三 rows: a phrase of each label that no other row of the table carries.
const APPLICATION_LABELS: [string, RegExp, RegExp?][] = [
  ['received', /本年新收/],
  ['carriedOver', /上年结转/],
  ['granted', /予以公开/],
  ['partlyGranted', /部分公开/],
  ['denied.stateSecret', /国家秘密/],
  ['denied.prohibitedByLaw', /禁止公开/],
  ['denied.endangersSafety', /三安全一稳定/],
  ['denied.thirdPartyRights', /第三方/],
  ['denied.internalAffairs', /内部事务/],
  ['denied.processInformation', /过程性信息/],
  ['denied.enforcementRecords', /执法案卷/],
  ['denied.queryMatters', /查询事项/],
  ['unavailable.notHeld', /不掌握/],
  ['unavailable.needsCreation', /另行制作/],
  ['unavailable.unclear', /仍不明确/],
  ['notProcessed.complaints', /信访|举报投诉/],
  ['notProcessed.repeated', /重复申请/],
  ['notProcessed.publications', /出版物/],
  ['notProcessed.excessive', /大量反复/],
  ['notProcessed.confirmation', /重新出具/],
  ['otherHandling.noCorrection', /不补正/],
  ['otherHandling.unpaidFees', /收费通知|缴纳费用/],
  ['otherHandling.other', /3\.?其他/, /法律|不补正|收费/],
  ['otherHandling.total', /\(六\)其他处理/],
  ['total', /\(七\)总计|七\.?总计/],
  ['carriedForward', /结转下年度/],
];

const OUTCOME_ROWS: [string, RegExp, RegExp | undefined, number][] = [
  ['review', /复议/, /起诉/, 0],
  ['litigationDirect', /直接起诉/, undefined, 5],
  ['litigationAfterReview', /复议后起诉/, undefined, 10],
];

const get = (obj: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Loose)[k] : undefined), obj);

const trimNulls = (cells: Cells): Cells => {
  let a = 0;
  let b = cells.length;
  while (a < b && cells[a] === null) a++;
  while (b > a && cells[b - 1] === null) b--;
  return cells.slice(a, b);
};

/** Section 二: document counts (3 cells), decisions with 2019 item counts before them, procurement. */
function activeRows(active: Loose): ExpectedRow[] {
  const rows: ExpectedRow[] = [];
  const docs: [string, RegExp, RegExp?][] = [
    ['regulations', /规章/, /规范性/],
    ['normativeDocuments', /规范性文件/],
  ];
  for (const [key, label, not] of docs) {
    const d = active[key] as Record<string, number | null> | null | undefined;
    if (!d) continue;
    // 2021 columns, or the 2019 headers.
    const cells = 'repealed' in d ? [d.issued, d.repealed, d.inForce] : [d.issued, d.published, d.publicTotal];
    rows.push({ path: `active.${key}`, label, not, cells: trimNulls(cells.map((c) => c ?? null)) });
  }
  const items = (active.itemCounts ?? {}) as Loose;
  const decisions: [string, RegExp][] = [
    ['licensing', /行政许可/],
    ['otherServices', /其他对外管理服务/],
    ['punishment', /行政处罚/],
    ['coercion', /行政强制/],
    ['fees', /行政事业性收费/],
  ];
  for (const [key, label] of decisions) {
    const item = items[key] as { previousYear: number | null; change: number | null } | undefined;
    const value = (active[key] ?? null) as number | null;
    const cells = trimNulls(item ? [item.previousYear, item.change, value] : [value]);
    if (cells.length) rows.push({ path: `active.${key}`, label, cells });
  }
  const p = active.procurement as { projects: number | null; amount: number | null } | undefined;
  if (p) rows.push({ path: 'active.procurement', label: /采购/, cells: trimNulls([p.projects, p.amount]) });
  return rows.filter((r) => r.cells.length > 0);
}

/** Every row of the report's tables that has a printed figure, with the cells the page must show. */
export function expectedRows(report: unknown): ExpectedRow[] {
  const rows: ExpectedRow[] = [];
  const active = get(report, 'active') as Loose | null;
  if (active) rows.push(...activeRows(active));
  const applications = get(report, 'applications');
  if (applications) {
    for (const [path, label, not] of APPLICATION_LABELS) {
      const cells = get(applications, path);
      if (Array.isArray(cells)) rows.push({ path: `applications.${path}`, label, not, cells });
    }
  }
  for (const [path, label, not, offset] of OUTCOME_ROWS) {
    const cells = get(report, path);
    if (Array.isArray(cells)) rows.push({ path, label, not, cells, offsetIn15: offset });
  }
  return rows;
}

/** The expected rows the page's rows do not show, with what the labelled rows show instead. */
export function missingRows(expected: ExpectedRow[], rows: Row[]): string[] {
  const out: string[] = [];
  for (const e of expected) {
    const labelled = rows.filter((r) => e.label.test(r.label) && !(e.not && e.not.test(r.label)));
    if (labelled.some((r) => hasRun(r.values, e.cells))) continue;
    if (e.offsetIn15 !== undefined) {
      const wide = rows.map((r) => r.values.filter((v) => v !== undefined)).filter((v) => v.length === 15);
      if (wide.some((v) => hasRun(v, e.cells, e.offsetIn15))) continue;
    }
    const seen = labelled.map((r) => `[${r.cells.join(' | ')}]`).join(' ; ') || 'no row with that label';
    out.push(`${e.path} = ${JSON.stringify(e.cells)}: ${seen}`);
  }
  return out;
}

// ------------------------------------------------------------------ the report CSV

/**
 * Every row of the report's tables with the cells its CSV must print, blanks included: the CSV
 * prints each row's figures from its second column on, as many as the table has columns.
 */
export function expectedCsvRows(report: unknown): ExpectedRow[] {
  const rows: ExpectedRow[] = [];
  const active = get(report, 'active') as Loose | null;
  if (active) {
    for (const [key, label, not] of [['regulations', /规章/, /规范性/], ['normativeDocuments', /规范性文件/]] as [string, RegExp, RegExp?][]) {
      const d = active[key] as Record<string, number | null> | null | undefined;
      if (d) rows.push({ path: `active.${key}`, label, not, cells: 'repealed' in d ? [d.issued, d.repealed, d.inForce] : [d.issued, d.published, d.publicTotal] });
    }
    const items = (active.itemCounts ?? {}) as Loose;
    for (const [key, label] of [['licensing', /行政许可/], ['otherServices', /其他对外管理服务/], ['punishment', /行政处罚/], ['coercion', /行政强制/], ['fees', /行政事业性收费/]] as [string, RegExp][]) {
      const item = items[key] as { previousYear: number | null; change: number | null } | undefined;
      const value = active[key] as number | null | undefined;
      if (item) rows.push({ path: `active.${key}`, label, cells: [item.previousYear, item.change, value ?? null] });
      else if (value !== undefined) rows.push({ path: `active.${key}`, label, cells: [value] });
    }
    const p = active.procurement as { projects: number | null; amount: number | null } | undefined;
    if (p) rows.push({ path: 'active.procurement', label: /采购/, cells: [p.projects, p.amount] });
  }
  const applications = get(report, 'applications');
  if (applications) {
    for (const [path, label, not] of APPLICATION_LABELS) {
      const cells = get(applications, path);
      if (Array.isArray(cells)) rows.push({ path: `applications.${path}`, label, not, cells });
    }
  }
  for (const [path, label, not] of OUTCOME_ROWS) {
    const cells = get(report, path);
    // 行政复议, not the section's title 四、…行政复议、行政诉讼情况 (blank, like a blank row).
    if (Array.isArray(cells)) rows.push({ path, label, not: path === 'review' ? /诉讼|起诉/ : not, cells });
  }
  return rows;
}

/** A CSV cell as a figure: '' → null, a number → the number, anything else → undefined. */
const csvFigure = (cell: string | undefined): number | null | undefined =>
  cell === undefined || cell === '' ? null : /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : undefined;

/**
 * Expected rows the CSV does not print exactly: a row labelled so (first cell) whose figure
 * columns 2…8 hold the cells, blank where the report is blank, and nothing after them.
 */
export function missingCsvRows(expected: ExpectedRow[], rows: string[][], figureColumns = 7): string[] {
  const out: string[] = [];
  // The lines before the first empty one name the report (its title may hold any words).
  const tables = rows.slice(rows.findIndex((r) => r.every((c) => c === '')) + 1);
  for (const e of expected) {
    const labelled = tables.filter((r) => e.label.test(squeeze(r[0] ?? '')) && !(e.not && e.not.test(squeeze(r[0] ?? ''))));
    const exact = (r: string[]) => {
      const figures = r.slice(1, 1 + figureColumns).map(csvFigure);
      return figures.every((v, i) => (i < e.cells.length ? v === e.cells[i] : v === null));
    };
    if (labelled.some(exact)) continue;
    const seen = labelled.map((r) => `[${r.slice(1, 1 + figureColumns).join(' | ')}]`).join(' ; ') || 'no row with that label';
    out.push(`${e.path} = ${JSON.stringify(e.cells)}: ${seen}`);
  }
  return out;
}

