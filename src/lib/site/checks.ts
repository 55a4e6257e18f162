// The report's own arithmetic in Chinese: identities, the cross-year check, findings and
// inferred cells, and which table cells a failing identity touches.
import type { Check, Finding, Inference, Report } from '../schema.ts';
import { applicantLabels, pathLabel } from './labels.ts';

export const IDENTITY_LABELS: Record<Check['identity'] | 'crossYear', string> = {
  rowTotal: '行总计 = 各类申请人之和',
  columnTotal: '（七）总计 = （一）至（六）之和',
  balance: '一 + 二 = 三（七）+ 四',
  outcomeTotal: '总计 = 四项结果之和',
  crossYear: '本年“二、上年结转” = 上年“四、结转下年度继续办理”',
};

/** What the printed and computed sides of each identity are, for the consistency panel. */
export const IDENTITY_SIDES: Record<Check['identity'], { printed: string; computed: string }> = {
  rowTotal: { printed: '所印总计', computed: '六类申请人之和' },
  columnTotal: { printed: '所印（七）总计', computed: '（一）至（六）之和' },
  balance: { printed: '一 + 二', computed: '三（七）+ 四' },
  outcomeTotal: { printed: '所印总计', computed: '四项结果之和' },
};

/** Column index of section 三 from a check's `where` (`applications[自然人]` or `applications[0]`). */
export function columnOf(where: string): number | undefined {
  const m = where.match(/\[([^\]]+)\]$/);
  if (!m) return undefined;
  if (/^\d+$/.test(m[1])) return Number(m[1]);
  const i = applicantLabels.indexOf(m[1]);
  return i >= 0 ? i : undefined;
}

export function whereLabel(where: string): string {
  return pathLabel(where);
}

/**
 * The cells (`applications.total[3]`, `review[4]`) a failing check points at, so the tables can
 * mark them. A row identity marks the row's 总计; a column identity the column's 总计 cell.
 */
export function failingCells(checks: readonly Check[]): Set<string> {
  const cells = new Set<string>();
  for (const c of checks) {
    if (c.ok) continue;
    const col = columnOf(c.where);
    switch (c.identity) {
      case 'rowTotal':
        cells.add(`${c.where.replace(/\[[^\]]*\]$/, '')}[6]`);
        break;
      case 'outcomeTotal':
        cells.add(`${c.where.replace(/\[[^\]]*\]$/, '')}[4]`);
        break;
      case 'columnTotal':
        if (col !== undefined) cells.add(`applications.total[${col}]`);
        break;
      case 'balance':
        if (col !== undefined)
          for (const row of ['received', 'carriedOver', 'total', 'carriedForward']) cells.add(`applications.${row}[${col}]`);
        break;
    }
  }
  return cells;
}

export interface CrossYearCheck {
  column: number;
  label: string; // 自然人 …
  /** This year's 二、上年结转, as printed. */
  carriedOver: number | null;
  /** Last year's 四、结转下年度继续办理, as printed. */
  previousCarriedForward: number | null;
  /** Blanks counted as 0, as for the other identities. */
  ok: boolean;
}

/** This year's 二 against last year's 四, column by column; `null` when either row is missing. */
export function crossYearChecks(current: Report, previous: Report | undefined): CrossYearCheck[] | null {
  const now = current.applications?.carriedOver;
  const before = previous?.applications?.carriedForward;
  if (!now || !before) return null;
  return now.map((v, i) => ({
    column: i,
    label: applicantLabels[i],
    carriedOver: v,
    previousCarriedForward: before[i],
    ok: (v ?? 0) === (before[i] ?? 0),
  }));
}

export const SEVERITY_LABELS: Record<Finding['severity'], string> = {
  error: '错误',
  warning: '提示',
  info: '说明',
};

/** Chinese wording of the parser's finding codes; unknown codes fall back to a generic sentence. */
const FINDING_TEXT: Record<string, (where: string) => string> = {
  'identity-failed': (w) => `报告自身数字不符：${w}（见下方核对表）`,
  'row-missing': (w) => `报告未列出：${w}`,
  'table-missing': (w) => `报告未列出：${w}`,
  'section-missing': (w) => `报告未列出：${w}`,
  'cells-inferred': (w) => `部分单元格由规则推定位置：${w}`,
  'cell-inferred': (w) => `单元格由规则推定位置：${w}`,
  'cell-unreadable': (w) => `单元格无法确定读取，已留空：${w}`,
  'row-unreadable': (w) => `该行无法确定读取，已留空：${w}`,
  'region-inferred': (w) => `地区由文件内容推定：${w}`,
  'year-inferred': (w) => `年度由文件内容推定：${w}`,
};

export function findingText(f: Finding): string {
  const where = f.path ? pathLabel(f.path) : '全文';
  const text = FINDING_TEXT[f.code]?.(where) ?? `解析提示（${f.code}）：${where}`;
  return f.line ? `${text}（原文第 ${f.line} 行）` : text;
}

/** The inference rules of the parser, in Chinese. Unknown rules are named as they are. */
const RULE_TEXT: Record<string, string> = {
  'two-numbers-first-and-total': '该行只印了两个数：按格式规定，第一个数记入“自然人”，第二个数记入“总计”，其余空白。',
  'single-number-total': '该行只印了一个数，记入“总计”。',
  'all-equal-zero': '该行只印了一个 0，视为整行为 0。',
};

export function ruleText(rule: string): string {
  return RULE_TEXT[rule] ?? `按解析规则“${rule}”推定该数所在的栏。`;
}

/** Inferred cells by path (`applications.granted[1]`). */
export function inferredByPath(inferred: readonly Inference[]): Map<string, Inference> {
  return new Map(inferred.map((i) => [i.path, i]));
}
