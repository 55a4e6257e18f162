// CSV and JSON downloads. One CSV row per county-year, one column per figure; UTF-8 with BOM so
// Excel opens the Chinese text. Blank cells stay empty (never 0). JSON is the report as parsed.
import { APPLICANT_COLUMNS, OUTCOME_COLUMNS, type ApplicantRow, type IngestManifest, type Report } from '../../schema.ts';
import { ACTIVE_LABELS, APPLICATION_ROWS, APPLICANT_LABELS, OUTCOME_LABELS, OUTCOME_TABLES, applicationRowLabel } from '../view/labels.ts';
import { METRICS } from '../data/metrics.ts';

export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

export interface Field {
  key: string; // CSV header, stable
  label: string; // 中文说明
  group: string; // 分组, for the field dictionary
  get(r: Report): CsvValue;
}

/** Follow a path (`['denied', 'stateSecret']`) below an object; split once per field, not per read. */
function digKeys(obj: unknown, keys: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const k of keys) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function documentFields(which: 'regulations' | 'normativeDocuments'): Field[] {
  const keys = ['issued', 'repealed', 'inForce', 'published', 'publicTotal'];
  return keys.map((k) => {
    const path = [which, k];
    return {
      key: `active.${which}.${k}`,
      label: `${ACTIVE_LABELS[which]}：${ACTIVE_LABELS[k]}`,
      group: '二、主动公开政府信息情况',
      get: (r) => digKeys(r.active, path) as CsvValue,
    };
  });
}

function itemCountFields(): Field[] {
  const out: Field[] = [];
  for (const k of ['licensing', 'otherServices', 'punishment', 'coercion', 'fees']) {
    for (const c of ['previousYear', 'change']) {
      const path = [k, c];
      out.push({
        key: `active.itemCounts.${k}.${c}`,
        label: `${ACTIVE_LABELS[k]}：${ACTIVE_LABELS[c]}（2019 格式）`,
        group: '二、主动公开政府信息情况',
        get: (r) => digKeys(r.active?.itemCounts, path) as CsvValue,
      });
    }
  }
  return out;
}

function applicationFields(): Field[] {
  const out: Field[] = [];
  for (const row of APPLICATION_ROWS) {
    const path = row.path.split('.');
    APPLICANT_COLUMNS.forEach((col, i) => {
      out.push({
        key: `applications.${row.path}.${col}`,
        label: `${applicationRowLabel(row.path)} · ${APPLICANT_LABELS[col]}`,
        group: '三、收到和处理政府信息公开申请情况',
        get: (r) => {
          const cells = digKeys(r.applications, path) as ApplicantRow | undefined;
          return cells ? cells[i] : null;
        },
      });
    });
  }
  return out;
}

function outcomeFields(): Field[] {
  const out: Field[] = [];
  for (const t of OUTCOME_TABLES) {
    OUTCOME_COLUMNS.forEach((col, i) => {
      out.push({
        key: `${t.key}.${col}`,
        label: `${t.group === t.label ? t.label : `${t.group}（${t.label}）`} · ${OUTCOME_LABELS[col]}`,
        group: '四、行政复议、行政诉讼情况',
        get: (r) => r[t.key]?.[i] ?? null,
      });
    });
  }
  return out;
}

const META = '基本信息';
const DERIVED = '本站计算（非报告所印）';

/** Every CSV column, in order. The field dictionary on the data page is this list. */
export const FIELDS: readonly Field[] = [
  { key: 'id', label: '记录编号（区划代码-年度）', group: META, get: (r) => `${r.region.code}-${r.year}` },
  { key: 'region.code', label: '行政区划代码（GB/T 2260）', group: META, get: (r) => r.region.code },
  { key: 'region.name', label: '县级行政区名称', group: META, get: (r) => r.region.name },
  { key: 'region.province', label: '省级行政区', group: META, get: (r) => r.region.province },
  { key: 'region.prefecture', label: '地级行政区', group: META, get: (r) => r.region.prefecture },
  { key: 'year', label: '报告所述年度', group: META, get: (r) => r.year },
  { key: 'tableFormat', label: '表格格式（2021 = 国办公开办函〔2021〕30号；2019 = 〔2019〕60号试行格式）', group: META, get: (r) => r.tableFormat },
  { key: 'consistent', label: '报告自身各项勾稽关系是否全部成立（空白按 0 计）', group: META, get: (r) => r.consistent },
  { key: 'issuer', label: '发布机关（按报告所印）', group: META, get: (r) => r.issuer },
  { key: 'title', label: '报告标题（按报告所印）', group: META, get: (r) => r.title },
  { key: 'source', label: '来源文件名', group: META, get: (r) => r.source },
  { key: 'sourceInfo.url', label: '原文网址', group: META, get: (r) => r.sourceInfo?.url },
  { key: 'sourceInfo.published', label: '原文发布日期', group: META, get: (r) => r.sourceInfo?.published },
  { key: 'findings', label: '解析提示条数', group: META, get: (r) => r.findings.length },
  { key: 'inferred', label: '按规则推定位置的单元格数', group: META, get: (r) => r.inferred.length },
  ...documentFields('regulations'),
  ...documentFields('normativeDocuments'),
  ...(['licensing', 'otherServices', 'punishment', 'coercion'] as const).map((k) => ({
    key: `active.${k}`,
    label: `${ACTIVE_LABELS[k]}：本年处理决定数量`,
    group: '二、主动公开政府信息情况',
    get: (r: Report) => r.active?.[k],
  })),
  { key: 'active.fees', label: '行政事业性收费：本年收费金额（万元）', group: '二、主动公开政府信息情况', get: (r) => r.active?.fees },
  ...itemCountFields(),
  { key: 'active.procurement.projects', label: '政府集中采购：采购项目数量（2019 格式）', group: '二、主动公开政府信息情况', get: (r) => r.active?.procurement?.projects },
  { key: 'active.procurement.amount', label: '政府集中采购：采购总金额（2019 格式）', group: '二、主动公开政府信息情况', get: (r) => r.active?.procurement?.amount },
  ...applicationFields(),
  ...outcomeFields(),
  ...METRICS.filter((m) => m.kind === 'rate' || m.id === 'litigation' || m.id === 'denied').map((m) => ({
    key: `derived.${m.id}`,
    label: `${m.label}${m.kind === 'rate' ? '（0–1 的小数）' : ''}：${m.definition}`,
    group: DERIVED,
    get: (r: Report) => m.value(r).value,
  })),
];

/**
 * The Chinese column head of a field (reports-zh.csv): its label, without the definition that
 * derived figures carry after 「：」 in the dictionary. Unique across FIELDS (a test holds it).
 */
export const zhHeader = (f: Field): string => (f.group === DERIVED ? `${f.label.split('：')[0]}（本站计算）` : f.label);

/** One CSV cell. Text that a spreadsheet would run as a formula is prefixed with '. */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

/** The reports as CSV: BOM, header of field keys, one row each, CRLF line ends (RFC 4180). */
export function reportsToCsv(reports: Iterable<Report>, fields: readonly Field[] = FIELDS, header: 'keys' | 'zh' = 'keys'): string {
  const lines = [csvLine(fields.map((f) => (header === 'zh' ? zhHeader(f) : f.key)))];
  for (const r of reports) lines.push(csvLine(fields.map((f) => f.get(r))));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** The field dictionary as CSV (key, group, Chinese label). */
export function fieldsToCsv(fields: readonly Field[] = FIELDS): string {
  const lines = [csvLine(['字段', '分组', '说明'])];
  for (const f of fields) lines.push(csvLine([f.key, f.group, f.label]));
  return BOM + lines.join('\r\n') + '\r\n';
}

/**
 * One report as JSON, as validated (JSON has no BOM: RFC 8259 forbids it). Compact: at 14,000+
 * reports, indentation alone would add about 80 MB to the published site.
 */
export function reportToJson(report: Report): string {
  return `${JSON.stringify(report)}\n`;
}

/**
 * The ingest manifest as CSV: file, status, report, findings, reason (English and Chinese), sha256,
 * and where the file is published as a report's source (`published`: counties/…/2024/source.pdf).
 */
export function manifestToCsv(manifest: IngestManifest, published: ReadonlyMap<string, string> = new Map()): string {
  const lines = [csvLine(['file', 'status', 'reportId', 'findings', 'reason', 'reasonZh', 'sha256', 'published'])];
  for (const f of manifest.files) lines.push(csvLine([f.file, f.status, f.reportId, f.findings, f.reason, f.reasonZh, f.sha256, published.get(f.file)]));
  return BOM + lines.join('\r\n') + '\r\n';
}
