// The report's own arithmetic in Chinese: identities, the cross-year check, findings and
// inferred cells, and which table cells a failing identity touches.
import type { ApplicantRow, Check, Finding, Inference, Report } from '../../schema.ts';
import { applicantLabels, pathLabel } from './labels.ts';

export const IDENTITY_LABELS: Record<Check['identity'] | 'crossYear', string> = {
  rowTotal: '行总计 = 各类申请人之和',
  columnTotal: '（七）总计 = （一）至（六）之和',
  balance: '一 + 二 = 三（七）+ 四',
  outcomeTotal: '总计 = 四项结果之和',
  documentsInForce: '现行有效件数 ≥ 本年制发件数 − 本年废止件数',
  proseRestates: '表中数字 = 报告正文所述',
  crossYear: '本年“二、上年结转” = 上年“四、结转下年度继续办理”',
};

/** What the printed and computed sides of each identity are, for the consistency panel. */
export const IDENTITY_SIDES: Record<Check['identity'], { printed: string; computed: string }> = {
  rowTotal: { printed: '所印总计', computed: '六类申请人之和' },
  columnTotal: { printed: '所印（七）总计', computed: '（一）至（六）之和' },
  balance: { printed: '一 + 二', computed: '三（七）+ 四' },
  outcomeTotal: { printed: '所印总计', computed: '四项结果之和' },
  documentsInForce: { printed: '所印现行有效件数', computed: '制发件数 − 废止件数' },
  proseRestates: { printed: '表中所印', computed: '正文所述' },
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
export function crossYearChecks(carriedOver: ApplicantRow, previousCarriedForward: ApplicantRow): CrossYearCheck[] | null {
  if (!carriedOver || !previousCarriedForward) return null;
  return carriedOver.map((v, i) => ({
    column: i,
    label: applicantLabels[i],
    carriedOver: v,
    previousCarriedForward: previousCarriedForward[i],
    ok: (v ?? 0) === (previousCarriedForward[i] ?? 0),
  }));
}

export const SEVERITY_LABELS: Record<Finding['severity'], string> = {
  error: '错误',
  warning: '提示',
  info: '说明',
};

/** Chinese wording of the parser's finding codes; unknown codes fall back to a generic sentence. */
export const FINDING_TEXT: Record<string, (where: string) => string> = {
  'identity-failed': (w) => `报告自身数字不符：${w}（见数字核对）`,
  'row-missing': (w) => `未能读出此行（报告中未找到）：${w}`,
  'table-missing': (w) => `未能读出此表（报告中未找到）：${w}`,
  'cells-unplaced': (w) => `未能读出：报告印有数字，但无法确定各数所在的栏：${w}`,
  'cells-inferred': (w) => `单元格按规则推定位置：${w}（见表下注）`,
  'cells-ignored': (w) => `报告在此印有多余的数字，未读取：${w}`,
  'rows-blank': (w) => `报告只印了标题、没有数字，各行按空白处理：${w}`,
  'sidecar-invalid': () => '来源说明文件（.meta.json）无效，未采用',
  'text-recognised': () => '此 PDF 是扫描件，文字由文字识别（OCR）得来：任何数字都可能识别有误，请对照原文页面核对',
  'cells-of-missing-row': (w) => `下一行的标题未在原处找到，此行读出的数字可能属于该行，请核对原文：${w}`,
  'order-doubtful': (w) => `此表的文本按阅读顺序排列（不是按行），读出的数字无论怎样排都核不平，各数可能属于别的行或栏，请核对原文：${w}`,
  'row-placed-by-label': (w) => `此表的文本按阅读顺序排列，空白的行没有印出，核算不能确定哪几行空白：此行的数字按紧挨其前、单独印出的行标题归入，可能属于别的行，请核对原文：${w}`,
  'cells-dropped': (w) => `该行印出的数多于栏数，有不为 0 的数未读取，本行数字可能错位：${w}`,
  'figure-implausible': (w) => `所印数字不可能是此栏的数（位数过多、件数带小数等），按空白处理：${w}`,
  'prose-differs': (w) => `表中数字与报告正文所述不一致：${w}（见数字核对）`,
  'documents-in-force': (w) => `现行有效件数少于本年制发件数减废止件数：${w}（见数字核对）`,
  'fees-unit': (w) => `收费金额的单位可疑（应为万元，可能印成了元），请核对：${w}`,
};

export function findingText(f: Finding): string {
  const where = f.path ? pathLabel(f.path) : '全文';
  const text = FINDING_TEXT[f.code]?.(where) ?? `解析提示（${f.code}）：${where}`;
  return f.line ? `${text}（原文第 ${f.line} 行）` : text;
}

const GROUP_NAMES: Record<string, string> = {
  review: '行政复议',
  litigationDirect: '未经复议直接起诉',
  litigationAfterReview: '复议后起诉',
};

/**
 * The parser's inference rules in Chinese. A rule may carry details after a colon
 * (`surplus-cells-dropped: 8 cells printed for 7 columns`); unknown rules are named as they are.
 */
export function ruleText(rule: string): string {
  const [name, detail = ''] = rule.split(/:\s*/, 2);
  const counts = detail.match(/(\d+) cells (?:printed )?for (\d+)/);
  const printed = counts ? `印出 ${counts[1]} 个数、表有 ${counts[2]} 栏` : '';
  switch (name) {
    case 'two-cells-as-first-column-and-total':
      return '该行只印了两个相等的数：按惯例记入“自然人”和“总计”两栏，其余栏为空白。';
    case 'cells-left-aligned-last-as-total':
      return '该行印出的数少于栏数，前几个数之和等于最后一个数：依次记入左起各栏，最后一个记入“总计”。原本哪些栏空白无法确定。';
    case 'cells-left-aligned':
      return '该行印出的数少于栏数：依次记入左起各栏。原本哪些栏空白无法确定。';
    case 'surplus-cells-dropped':
      return `该行${printed ? `${printed}，` : '印出的数多于栏数，'}多出的数来自合并的表头：去掉多余的数，使本行各栏之和等于总计。`;
    case 'groups-left-blank': {
      const groups = detail.match(/read as (.+)$/)?.[1]?.split(/\s*\+\s*/).map((g) => GROUP_NAMES[g] ?? g);
      return `第四部分${printed ? printed.replace('表有', '表应有') : '印出的数不足 15 个'}${groups ? `：按“${groups.join('”“')}”读取` : ''}，其余组视为空白。哪几组原本空白不能完全确定。`;
    }
    case 'yuan-converted-to-wanyuan':
      return '报告以“元”为单位印出收费金额，本站已换算为万元（除以 10000）。';
    case 'stacked-digits-joined':
      return '栏宽太窄，数字逐位折行印出：把折行的数字连成一个数，只有一种连法使各栏之和等于总计。';
    case 'two-cells-beside-a-blank':
      return '该行三栏只印了两个数：中间一栏（本年废止件数、本年增/减）最常空白，按首尾两栏记入；若有负数，负数记为“本年增/减”。原本哪一栏空白无法确定。';
    case 'single-cell-as-decisions':
      return '该行只印了一个数，记为“本年处理决定数量”。它原本印在哪一栏无法确定。';
    case 'cells-after-labels-row-major':
      return '文本转换后，表中所有项目名称在前、全部数字在后：按逐行顺序把数字记入各行各栏。';
    case 'cells-after-labels-column-major':
      return '文本转换后，表中所有项目名称在前、全部数字在后，且数字按栏排列：按逐栏顺序记入，这样各行之和与总计相符。';
    default:
      return `按解析规则“${rule}”推定该数所在的栏。`;
  }
}

/** Paths a table-missing finding stands for beyond its own: section 四 is three rows. */
const TABLE_ROWS: Record<string, readonly string[]> = { review: ['review', 'litigationDirect', 'litigationAfterReview'] };

/**
 * Why the figure at `path` (a row, `applications.granted`, or a cell, `applications.granted[1]`) could
 * not be read, in Chinese; undefined where it was read (a null there is a blank the report prints).
 */
export function unreadReason(report: Pick<Report, 'findings'>, path: string): string | undefined {
  const row = path.replace(/\[\d+\]$/u, '');
  for (const f of report.findings) {
    if (!f.unread || !f.path) continue;
    const covers = f.code === 'table-missing' ? (TABLE_ROWS[f.path] ?? [f.path]).some((p) => row === p || row.startsWith(`${p}.`)) : row === f.path || row.startsWith(`${f.path}.`) || path === f.path;
    if (covers) return UNREAD_TEXT[f.code] ?? '本站未能读出此处的数字';
  }
  return undefined;
}

const UNREAD_TEXT: Record<string, string> = {
  'table-missing': '本站在报告中未找到此表（报告可能未列出，也可能格式特殊未能识别）',
  'row-missing': '本站在报告中未找到此行（报告可能未列出，也可能格式特殊未能识别）',
  'cells-unplaced': '报告在此行印有数字，但本站无法确定各数字所在的栏',
};

/** Inferred cells by path (`applications.granted[1]`). */
export function inferredByPath(inferred: readonly Inference[]): Map<string, Inference> {
  return new Map(inferred.map((i) => [i.path, i]));
}
