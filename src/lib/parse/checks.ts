// The report's own arithmetic (FORMAT.md): every identity, printed against computed, blanks as 0.
import type { Active, Applications, ApplicantRow, Cell, Check, DocumentCounts, Finding, OutcomeRow } from '../schema.ts';
import { APPLICANT_COLUMNS, FORMAT_IDENTITIES } from '../schema.ts';

const COLUMN_NAMES = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
/** Where a check over section 三's column `c` is reported: `applications[自然人]` … */
export const columnWhere = (c: number) => `applications[${COLUMN_NAMES[c]}]`;
const sum = (xs: readonly Cell[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const check = (identity: Check['identity'], where: string, printed: Cell, computed: number): Check => ({
  identity,
  where,
  printed,
  computed: round(computed),
  ok: Math.abs((printed ?? 0) - computed) < 1e-6,
});

/** Every row of the table with its JSON path, in print order. */
export function applicantRows(a: Applications): [string, ApplicantRow][] {
  const groups = ['denied', 'unavailable', 'notProcessed', 'otherHandling'] as const;
  return [
    ['applications.received', a.received],
    ['applications.carriedOver', a.carriedOver],
    ['applications.granted', a.granted],
    ['applications.partlyGranted', a.partlyGranted],
    ...groups.flatMap((g) => Object.entries(a[g]).map(([k, v]): [string, ApplicantRow] => [`applications.${g}.${k}`, v])),
    ['applications.total', a.total],
    ['applications.carriedForward', a.carriedForward],
  ];
}

/** The rows （一） to （六） that （七）总计 adds up. */
const NOT_RESULTS = new Set(['applications.received', 'applications.carriedOver', 'applications.total', 'applications.carriedForward']);
const resultRows = (a: Applications) => applicantRows(a).filter(([p]) => !NOT_RESULTS.has(p));

/**
 * Every identity of table 三. `unread` holds cells (`applications.received[3]`) the parser could not
 * read: an identity over one of them is not checked, as its figure is not known (it is not blank).
 */
export function checkApplications(a: Applications, unread: ReadonlySet<string> = new Set()): Check[] {
  const checks: Check[] = [];
  const last = APPLICANT_COLUMNS.length - 1;
  const known = (paths: Iterable<string>, c: number) => ![...paths].some((p) => unread.has(`${p}[${c}]`));
  for (const [path, row] of applicantRows(a)) {
    if (row && APPLICANT_COLUMNS.every((_, c) => known([path], c))) checks.push(check('rowTotal', path, row[last]!, sum(row.slice(0, last))));
  }
  const cell = (row: ApplicantRow, c: number) => row?.[c] ?? null;
  const results = resultRows(a);
  const resultPaths = results.map(([p]) => p);
  for (let c = 0; c <= last; c++) {
    const column = columnWhere(c);
    if (a.total && known(['applications.total', ...resultPaths], c)) checks.push(check('columnTotal', column, cell(a.total, c), sum(results.map(([, r]) => cell(r, c)))));
    if ((a.received || a.carriedOver || a.total || a.carriedForward) && known(NOT_RESULTS, c)) {
      // 一 + 二 = 三（七） + 四: what the table says was handled and carried forward, against what came in.
      const incoming = (cell(a.received, c) ?? 0) + (cell(a.carriedOver, c) ?? 0);
      checks.push(check('balance', column, round((cell(a.total, c) ?? 0) + (cell(a.carriedForward, c) ?? 0)), incoming));
    }
  }
  return checks;
}

export function checkOutcomes(groups: Record<string, OutcomeRow>): Check[] {
  return Object.entries(groups)
    .filter((e): e is [string, Cell[]] => e[1] !== null)
    .map(([path, row]) => check('outcomeTotal', path, row[4]!, sum(row.slice(0, 4))));
}

/**
 * 第二十条第（一）项: documents made this year and not repealed are in force at its end, so
 * 现行有效 >= 制发 − 废止 (2019 format: 对外公开总数量 >= 本年新公开数量). Not a format identity:
 * a failure is a warning and leaves `consistent` alone. Rows left wholly blank are not checked. The counts
 * are whole numbers (guardFigures blanks a count with a fraction), so no tolerance.
 */
export function checkDocuments(active: Active | null): Check[] {
  const out: Check[] = [];
  for (const key of ['regulations', 'normativeDocuments'] as const) {
    const d: DocumentCounts = active?.[key] ?? null;
    if (!d || Object.values(d).every((v) => v === null)) continue;
    const [total, computed] = 'inForce' in d ? [d.inForce, (d.issued ?? 0) - (d.repealed ?? 0)] : [d.publicTotal, d.published ?? 0];
    out.push({ identity: 'documentsInForce', where: `active.${key}`, printed: total, computed: round(computed), ok: (total ?? 0) >= computed });
  }
  return out;
}

/** Whether the report's own arithmetic holds: every identity of the format, not the further checks. */
export const consistentOf = (checks: readonly Check[]) => checks.filter((c) => FORMAT_IDENTITIES.has(c.identity)).every((c) => c.ok);

const IDENTITY_TEXT: Record<Check['identity'], string> = {
  rowTotal: '总计 = sum of the six applicant columns',
  columnTotal: '（七）总计 = sum of （一） to （六）',
  balance: '一 + 二 = 三（七） + 四',
  outcomeTotal: '总计 = sum of the four outcomes',
  documentsInForce: '现行有效 >= 制发 − 废止 (2019 format: 对外公开总数量 >= 本年新公开数量)',
  proseRestates: 'the figure the report\'s prose restates',
};

export function failedChecks(checks: readonly Check[]): Finding[] {
  return checks
    .filter((c) => !c.ok)
    .map((c) => ({
      severity: 'warning' as const,
      // The format's identities share one code; the further checks each have their own.
      code: c.identity === 'proseRestates' ? 'prose-differs' : c.identity === 'documentsInForce' ? 'documents-in-force' : 'identity-failed',
      message:
        c.identity === 'proseRestates'
          ? `${c.where}: the table prints ${c.printed ?? 'blank'}, the report's prose says ${c.computed}${c.line ? ` (line ${c.line}` : ' ('}「${c.quote ?? ''}」)`
          : `${c.where}: ${IDENTITY_TEXT[c.identity]} does not hold (printed ${c.printed ?? 'blank'}, computed ${c.computed})`,
      path: c.where,
      ...(c.line ? { line: c.line } : {}),
    }));
}
