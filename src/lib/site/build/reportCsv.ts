// One report as CSV, laid out like its printed tables: what a journalist opening it in Excel
// expects. UTF-8 with BOM; a first line naming the county, the year and the source; then one block
// per table: 二 (each part of 第二十条 with its own printed columns), 三 (rows × 自然人…总计) and 四
// (行政复议 and the two 行政诉讼 rows × 结果维持…总计). Blank cells stay empty, never 0.
// Every row is as wide as the widest block (RFC 4180 tools want rectangles): the label, up to
// seven figures, then always in the same two columns the source line and a note.
// The bulk CSV (a row per county-year, a column per figure) is export.ts.
import type { Report } from '../../schema.ts';
import { findingText, ruleText } from '../view/checks.ts';
import { BOM, csvLine, type CsvValue } from './export.ts';
import { DATA_LICENCE } from '../view/licence.ts';
import { applicantLabels, outcomeLabels } from '../view/labels.ts';
import { applicationsTable, documentsTable, itemFigures, outcomesTable, type CellView, type ItemFigure } from '../view/tables.ts';

/** Figure columns of the widest table (三: 自然人 … 总计). */
export const FIGURE_COLUMNS = 7;
/** Label, figures, 原文行号, 说明. */
export const REPORT_CSV_WIDTH = 1 + FIGURE_COLUMNS + 2;

export const REPORT_CSV_BLOCKS = {
  active: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况（单位：件）',
  outcomes: '四、政府信息公开行政复议、行政诉讼情况（单位：件）',
} as const;

type Line = CsvValue[];

/** A row padded to the common width: label, figures in columns 1…7, then line and note. */
function row(label: string, figures: readonly CsvValue[], line?: number, note?: string): Line {
  const cells: Line = [label, ...figures];
  while (cells.length < 1 + FIGURE_COLUMNS) cells.push('');
  cells.push(line ? `第 ${line} 行` : '', note ?? '');
  return cells;
}

const text = (s: string): Line => [s];
const blank: Line = [];

/** A block's header row: its columns, then 原文行号 and 说明 in their fixed columns. */
function header(label: string, columns: readonly string[]): Line {
  return row(label, columns).map((c, i) => (i === 1 + FIGURE_COLUMNS ? '原文行号' : i === 2 + FIGURE_COLUMNS ? '说明' : c));
}

/** Inference rules met so far, numbered in order of first use (注1, 注2 … as on the page). */
type RuleNotes = Map<string, number>;

/**
 * What the 说明 column says about a row: not printed, cells a rule placed (with the note number),
 * cells a failing identity touches. `null` cells: columns the row does not have.
 */
function rowNote(cells: readonly (CellView | null)[] | null, columnLabels: readonly string[], rules: RuleNotes): string {
  if (!cells || cells.every((c) => c === null)) return '未能读出此行（本站在报告中未找到）';
  const notes: string[] = [];
  const unread = cells.flatMap((c, i) => (c?.unread ? [columnLabels[i] ?? ''] : []));
  if (unread.length) notes.push(`未能读出（不是空白）：${unread.join('、')}`);
  const inferred = cells.flatMap((c, i) => (c?.inferred ? [{ column: columnLabels[i] ?? '', rule: c.inferred.rule }] : []));
  if (inferred.length) {
    const numbers = [...new Set(inferred.map((x) => x.rule))].map((rule) => {
      if (!rules.has(rule)) rules.set(rule, rules.size + 1);
      return `注${rules.get(rule)}`;
    });
    const where = inferred.length === cells.filter((c) => c !== null).length ? '本行各栏' : inferred.map((x) => x.column).join('、');
    notes.push(`${where}按规则推定位置（${numbers.join('、')}）`);
  }
  const failing = cells.flatMap((c, i) => (c?.failing ? [columnLabels[i] ?? ''] : []));
  if (failing.length) notes.push(`勾稽不符：${failing.join('、')}`);
  return notes.join('；');
}

const values = (cells: readonly CellView[] | null): CsvValue[] => (cells ?? []).map((c) => c.value);

/** A table the report does not print: the parser's finding about it, where there is one. */
function missingTable(report: Report, path: string): Line {
  const f = report.findings.find((x) => x.path === path);
  return text(f ? findingText(f) : '未能读出此表（本站在报告中未找到）。');
}

/** Section 二: 第（一）项 with its columns, then 第（五）（六）（八）（九）项 each with the columns it prints. */
function activeBlock(report: Report, rules: RuleNotes): Line[] {
  const out: Line[] = [text(REPORT_CSV_BLOCKS.active)];
  const docs = documentsTable(report);
  const items = itemFigures(report);
  if (!docs || !items) return [...out, missingTable(report, 'active')];
  const docLabels = docs.columns.map((c) => c.label);
  out.push(header(`第（一）项${docs.style === '2019' ? '（2019 年试行格式表头）' : ''}`, docLabels));
  for (const r of docs.rows) out.push(row(r.label, values(r.cells), r.line, rowNote(r.cells, docLabels, rules)));

  // The other items, one block each: columns as printed (2019 reports add item counts), rows by label.
  const byItem = new Map<string, ItemFigure[]>();
  for (const f of items) byItem.set(f.item, [...(byItem.get(f.item) ?? []), f]);
  for (const [item, figures] of byItem) {
    const columns = [...new Set(figures.map((f) => f.column))];
    out.push(header(item, columns));
    const labels = [...new Set(figures.map((f) => f.label))];
    for (const label of labels) {
      const mine = figures.filter((f) => f.label === label);
      const cells = columns.map((c) => mine.find((f) => f.column === c)?.cell ?? null);
      out.push(row(label, cells.map((c) => c?.value ?? null), mine.find((f) => f.line)?.line, rowNote(cells, columns, rules)));
    }
  }
  return out;
}

/** Section 三: 一、二, 三、本年度办理结果 with its rows (sub-rows named with their group), 四. */
function applicationsBlock(report: Report, rules: RuleNotes): Line[] {
  const out: Line[] = [text(REPORT_CSV_BLOCKS.applications)];
  const table = applicationsTable(report);
  if (!table) return [...out, missingTable(report, 'applications')];
  const columns = applicantLabels.map((l, i) => (i >= 1 && i <= 5 ? `法人或其他组织：${l}` : l));
  out.push(header('项目', columns));
  let group = '';
  for (const item of table) {
    if (item.kind === 'group') {
      // 三、本年度办理结果 is a row of the printed table; （三）不予公开 … prefix their numbered rows.
      if (item.level === 0) out.push(row(item.group, []));
      else group = item.group;
      continue;
    }
    const label = item.level === 2 ? `${group} ${item.label}` : item.label;
    out.push(row(label, values(item.cells), item.line, rowNote(item.cells, applicantLabels, rules)));
  }
  return out;
}

/** Section 四: three rows × 结果维持 … 总计. */
function outcomesBlock(report: Report, rules: RuleNotes): Line[] {
  const rows = outcomesTable(report).map((r) => row(r.label, values(r.cells), r.line, rowNote(r.cells, outcomeLabels, rules)));
  return [text(REPORT_CSV_BLOCKS.outcomes), header('类别', outcomeLabels), ...rows];
}

export interface ReportCsvOptions {
  /** The report's page on the site, for the citation line. */
  pageUrl?: string;
}

/** The first line: county, year and source; the second: how to read the figures. */
function heading(report: Report, options: ReportCsvOptions): Line[] {
  const { region, year, sourceInfo } = report;
  const place = `${region.province}${region.prefecture !== region.province ? region.prefecture : ''}`;
  const source = [
    `${report.issuer}《${report.title}》`,
    `原文文件 ${report.source}`,
    sourceInfo?.url ? `原文网址 ${sourceInfo.url}` : '',
    sourceInfo?.published ? `发布日期 ${sourceInfo.published}` : '',
  ].filter(Boolean);
  return [
    text(`${region.name}（${place}，区划代码 ${region.code}）${year} 年政府信息公开工作年度报告 · 来源：${source.join('，')}`),
    text(
      `数字按报告所印，空白单元格留空（不是 0）；第二十条第（八）项金额单位为万元。${report.consistent ? '报告自身的勾稽关系全部成立。' : '报告自身数字有不符之处，见“说明”栏。'}${options.pageUrl ? `本站页面：${options.pageUrl}` : ''}`,
    ),
    text(DATA_LICENCE.line),
  ];
}

/** The report's CSV: BOM, CRLF line ends, every row REPORT_CSV_WIDTH cells. */
export function reportToCsv(report: Report, options: ReportCsvOptions = {}): string {
  const rules: RuleNotes = new Map();
  const lines: Line[] = [
    ...heading(report, options),
    blank,
    ...activeBlock(report, rules),
    blank,
    ...applicationsBlock(report, rules),
    blank,
    ...outcomesBlock(report, rules),
  ];
  // The rules behind 注1, 注2 …, in Chinese.
  if (rules.size) lines.push(blank, ...[...rules].map(([rule, n]) => text(`注${n}：${ruleText(rule)}`)));
  const padded = lines.map((l) => {
    const cells = [...l];
    while (cells.length < REPORT_CSV_WIDTH) cells.push('');
    return csvLine(cells);
  });
  return BOM + padded.join('\r\n') + '\r\n';
}
