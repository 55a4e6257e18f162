// The county page's table of every figure over the years, with the 2019 → 2021 format change
// marked: the year the county's reports change format, and the figures whose meaning changed with
// it (收费 has no amount in the 2019 format; 规章 and 规范性文件 are counted in other columns).
import { formatMetricBare } from './format.ts';
import { METRICS, MISSING_SHORT } from '../data/metrics.ts';
import type { ReportSummary } from '../data/summary.ts';
import { YEAR_STATUS_SHORT, type YearCell } from './countyYears.ts';

export type TableFormat = ReportSummary['tableFormat'];

export interface TrendCell {
  year: number;
  /** The figure as printed, '' when the report has none. */
  text: string;
  /** Why there is no figure (报告空白, 格式无此项 …), or why there is no report (未知, 未找到 …). */
  missing?: string;
  held: boolean;
}

export interface TrendRow {
  label: string;
  unit?: string;
  /** How the figure's meaning differs between the formats; set only where it does. */
  formatNote?: string;
  cells: TrendCell[];
}

export interface TrendTable {
  years: readonly number[];
  /** Each year's table format, null where the site holds no report. */
  formats: (TableFormat | null)[];
  /** Years whose report is in another format than the county's previous held report. */
  formatChanges: Set<number>;
  /** Whether the held reports span both formats (then the format notes matter). */
  spansFormats: boolean;
  rows: TrendRow[];
}

export const FORMAT_LABEL: Record<TableFormat, string> = { '2019': '2019 格式', '2021': '2021 格式' };

const ISSUED_NOTE = '2021 年格式为“本年制发件数”，2019 年格式为“本年新制作数量”';

interface RowSpec {
  label: string;
  unit?: string;
  formatNote?: string;
  cell(r: ReportSummary): { text: string; missing?: string };
}

const count = (v: number | null, format: TableFormat, absentIn?: TableFormat) =>
  v === null ? { text: '', missing: absentIn === format ? '格式无此项' : '—' } : { text: formatMetricBare({ kind: 'count' }, v) };

const ROWS: RowSpec[] = [
  ...METRICS.map(
    (m): RowSpec => ({
      label: m.label,
      unit: m.kind === 'rate' ? undefined : m.unit,
      formatNote: m.id === 'fees' ? '2019 年格式只列收费项目数量，不列金额' : undefined,
      cell: (r) => {
        const v = r.values[m.id];
        return v.value === null ? { text: '', missing: MISSING_SHORT[v.reason] } : { text: formatMetricBare(m, v.value) };
      },
    }),
  ),
  { label: '规章：本年制发', unit: '件', formatNote: ISSUED_NOTE, cell: (r) => count(r.issued.regulations, r.tableFormat) },
  { label: '规范性文件：本年制发', unit: '件', formatNote: ISSUED_NOTE, cell: (r) => count(r.issued.normativeDocuments, r.tableFormat) },
  {
    label: '规范性文件：现行有效',
    unit: '件',
    formatNote: '2021 年格式起才列“现行有效件数”；2019 年格式的“对外公开总数量”是另一数字',
    cell: (r) => count(r.tableFormat === '2019' ? null : (r.documents.normativeDocuments?.inForce ?? null), r.tableFormat, '2019'),
  },
];

/** The county's reports (any order) over `cells` (its years with what is known of each). */
export function countyTrendTable(reports: readonly ReportSummary[], cells: readonly YearCell[]): TrendTable {
  const byYear = new Map(reports.map((r) => [r.year, r]));
  const years = cells.map((c) => c.year);
  const formats = years.map((y) => byYear.get(y)?.tableFormat ?? null);
  const formatChanges = new Set<number>();
  let last: TableFormat | null = null;
  years.forEach((y, i) => {
    const f = formats[i];
    if (f === null) return;
    if (last !== null && f !== last) formatChanges.add(y);
    last = f;
  });
  const spansFormats = new Set(formats.filter((f) => f !== null)).size > 1;
  const rows = ROWS.map((spec) => ({
    label: spec.label,
    unit: spec.unit,
    formatNote: spec.formatNote,
    cells: cells.map((c): TrendCell => {
      const r = byYear.get(c.year);
      return r ? { year: c.year, held: true, ...spec.cell(r) } : { year: c.year, held: false, text: '', missing: YEAR_STATUS_SHORT[c.status] };
    }),
  }));
  return { years, formats, formatChanges, spansFormats, rows };
}
