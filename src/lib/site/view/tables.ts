// View models of the report's three standard tables: every cell with its JSON path, whether a rule
// placed it (inferred), whether a failing identity touches it, and the source line of its row.
import type { ApplicantRow, Inference, OutcomeRow, Report } from '../../schema.ts';
import { failingCells, inferredByPath, unreadReason } from './checks.ts';
import { APPLICATION_ROWS, DOCUMENT_COLUMNS, OUTCOME_TABLES, applicantLabels, outcomeLabels } from './labels.ts';

export interface CellView {
  key: string; // JSON path of the cell: applications.granted[1]
  value: number | null;
  inferred?: Inference;
  failing: boolean;
  /** Why the cell could not be read (「未能读出」), where its null is no blank. */
  unread?: string;
}

export interface RowView {
  path: string; // JSON path of the row
  label: string;
  level: 0 | 1 | 2;
  /** `null`: the row was not found in the report. */
  cells: CellView[] | null;
  /** Why the row could not be read, where it was not. */
  unread?: string;
  line?: number;
  /** The PDF page it was read from. */
  page?: number;
}

/** A group heading inside the table (三、本年度办理结果, （三）不予公开 …). */
export interface GroupView {
  group: string;
  level: 0 | 1;
}

export type TableItem = ({ kind: 'row' } & RowView) | ({ kind: 'group' } & GroupView);

interface Marks {
  inferred: Map<string, Inference>;
  failing: Set<string>;
  unread: (path: string) => string | undefined;
}

function marks(report: Report): Marks {
  return { inferred: inferredByPath(report.inferred), failing: failingCells(report.checks), unread: (path) => unreadReason(report, path) };
}

function cellsOf(rowPath: string, row: readonly (number | null)[], m: Marks): CellView[] {
  const rowInference = m.inferred.get(rowPath);
  return row.map((value, i) => {
    const key = `${rowPath}[${i}]`;
    const unread = value === null ? m.unread(key) : undefined;
    return { key, value, inferred: m.inferred.get(key) ?? rowInference, failing: m.failing.has(key), ...(unread ? { unread } : {}) };
  });
}

function dig(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** Section 三 as the report prints it; `null` when the report has no such table. */
export function applicationsTable(report: Report): TableItem[] | null {
  const a = report.applications;
  if (!a) return null;
  const m = marks(report);
  const single = 'total' in a.otherHandling;
  const items: TableItem[] = [];
  const opened = new Set<string>();
  for (const def of APPLICATION_ROWS) {
    if (def.path.startsWith('otherHandling.') && (def.path === 'otherHandling.total') !== single) continue;
    // Each heading once, before its first row: 三、本年度办理结果, then （三）不予公开 …
    if (def.group && !opened.has(def.group)) {
      opened.add(def.group);
      items.push({ kind: 'group', group: def.group, level: def.level === 2 ? 1 : 0 });
    }
    const path = `applications.${def.path}`;
    const row = dig(a, def.path) as ApplicantRow | undefined;
    items.push({
      kind: 'row',
      path,
      label: def.label,
      level: def.level,
      cells: row ? cellsOf(path, row, m) : null,
      unread: m.unread(path),
      line: report.lines[path],
      page: report.origins?.[path]?.page,
    });
  }
  return items;
}

export const applicationColumns = applicantLabels;

/** Section 四: one row per table (复议, 诉讼 ×2) with its five outcomes. */
export function outcomesTable(report: Report): RowView[] {
  const m = marks(report);
  return OUTCOME_TABLES.map((t) => {
    const row = report[t.key] as OutcomeRow;
    return {
      path: t.key,
      label: t.group === t.label ? t.label : `${t.group}：${t.label}`,
      level: 0 as const,
      cells: row ? cellsOf(t.key, row, m) : null,
      unread: m.unread(t.key),
      line: report.lines[t.key],
      page: report.origins?.[t.key]?.page,
    };
  });
}
export const outcomeColumns = outcomeLabels;

/** 第二十条第（一）项: 规章 and 规范性文件 in the header style the report uses. */
export interface DocumentsTable {
  /** The header style the report prints for 第（一）项 (reports mix the formats). */
  style: '2019' | '2021';
  columns: readonly { key: string; label: string }[];
  rows: RowView[];
}

export function documentsTable(report: Report): DocumentsTable | null {
  const act = report.active;
  if (!act) return null;
  const present = act.regulations ?? act.normativeDocuments;
  const style = present && 'published' in present ? '2019' : present ? '2021' : report.tableFormat;
  const columns = DOCUMENT_COLUMNS[style];
  const m = marks(report);
  const rows = (
    [
      ['regulations', '规章'],
      ['normativeDocuments', style === '2019' ? '规范性文件' : '行政规范性文件'],
    ] as const
  ).map(([key, label]) => {
    const path = `active.${key}`;
    const obj = act[key] as Record<string, number | null> | null;
    return {
      path,
      label,
      level: 0 as const,
      cells: obj
        ? columns.map((c) => {
            const k = `${path}.${c.key}`;
            const value = obj[c.key] ?? null;
            const unread = value === null ? m.unread(k) : undefined;
            return { key: k, value, inferred: m.inferred.get(k), failing: false, ...(unread ? { unread } : {}) };
          })
        : null,
      unread: m.unread(path),
      line: report.lines[path],
      page: report.origins?.[path]?.page,
    };
  });
  return { style, columns, rows };
}

/** One figure of 第二十条第（五）（六）（八）（九）项, long form: every value beside its printed header. */
export interface ItemFigure {
  item: string; // 第（五）项
  label: string; // 行政许可
  column: string; // 本年处理决定数量
  cell: CellView;
  line?: number;
  page?: number;
}

export function itemFigures(report: Report): ItemFigure[] | null {
  const act = report.active;
  if (!act) return null;
  const m = marks(report);
  const out: ItemFigure[] = [];
  const add = (item: string, label: string, column: string, key: string, value: number | null | undefined, linePath: string) => {
    out.push({
      item,
      label,
      column,
      cell: { key, value: value ?? null, inferred: m.inferred.get(key), failing: false, ...(value == null && m.unread(key) ? { unread: m.unread(key) } : {}) },
      line: report.lines[key] ?? report.lines[linePath],
      page: (report.origins?.[key] ?? report.origins?.[linePath])?.page,
    });
  };
  const decisions = (item: string, key: 'licensing' | 'otherServices' | 'punishment' | 'coercion', label: string) => {
    const counts = act.itemCounts?.[key];
    if (counts) {
      add(item, label, '上一年项目数量', `active.itemCounts.${key}.previousYear`, counts.previousYear, `active.${key}`);
      add(item, label, '本年增/减', `active.itemCounts.${key}.change`, counts.change, `active.${key}`);
    }
    if (key !== 'otherServices' || act.otherServices !== undefined)
      add(item, label, '本年处理决定数量', `active.${key}`, act[key], `active.${key}`);
  };
  decisions('第（五）项', 'licensing', '行政许可');
  if (act.otherServices !== undefined || act.itemCounts?.otherServices) decisions('第（五）项', 'otherServices', '其他对外管理服务事项');
  decisions('第（六）项', 'punishment', '行政处罚');
  decisions('第（六）项', 'coercion', '行政强制');
  const feeCounts = act.itemCounts?.fees;
  if (feeCounts) {
    add('第（八）项', '行政事业性收费', '上一年项目数量', 'active.itemCounts.fees.previousYear', feeCounts.previousYear, 'active.fees');
    add('第（八）项', '行政事业性收费', '本年增/减', 'active.itemCounts.fees.change', feeCounts.change, 'active.fees');
  }
  if (!(report.tableFormat === '2019' && act.fees === null && feeCounts))
    add('第（八）项', '行政事业性收费', '本年收费金额（单位：万元）', 'active.fees', act.fees, 'active.fees');
  if (act.procurement) {
    add('第（九）项', '政府集中采购', '采购项目数量', 'active.procurement.projects', act.procurement.projects, 'active.procurement');
    add('第（九）项', '政府集中采购', '采购总金额', 'active.procurement.amount', act.procurement.amount, 'active.procurement');
  }
  return out;
}
