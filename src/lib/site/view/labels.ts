// Chinese labels of every field of the report JSON, in the order the standard tables print them.
// One place for the tables, the CSV field dictionary and the findings text.
import { APPLICANT_COLUMNS, OUTCOME_COLUMNS } from '../../schema.ts';

export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
export type OutcomeColumn = (typeof OUTCOME_COLUMNS)[number];

/** Section 三 columns, as the table heads them. */
export const APPLICANT_LABELS: Record<ApplicantColumn, string> = {
  naturalPersons: '自然人',
  businesses: '商业企业',
  researchInstitutions: '科研机构',
  publicInterestOrganisations: '社会公益组织',
  legalServiceOrganisations: '法律服务机构',
  otherOrganisations: '其他',
  total: '总计',
};
export const applicantLabels: readonly string[] = APPLICANT_COLUMNS.map((c) => APPLICANT_LABELS[c]);

/** Section 四 columns. */
export const OUTCOME_LABELS: Record<OutcomeColumn, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};
export const outcomeLabels: readonly string[] = OUTCOME_COLUMNS.map((c) => OUTCOME_LABELS[c]);

export type OutcomeTable = 'review' | 'litigationDirect' | 'litigationAfterReview';
export const OUTCOME_TABLES: readonly { key: OutcomeTable; label: string; group: string }[] = [
  { key: 'review', label: '行政复议', group: '行政复议' },
  { key: 'litigationDirect', label: '未经复议直接起诉', group: '行政诉讼' },
  { key: 'litigationAfterReview', label: '复议后起诉', group: '行政诉讼' },
];

/** One row of section 三, by its JSON path below `applications`. */
export interface ApplicationRowDef {
  path: string; // e.g. `denied.stateSecret`
  label: string; // as the 2021 format prints it
  /** The group heading the row sits under (三、本年度办理结果 → （三）不予公开). */
  group?: string;
  /** Indent level in the table: 0 for 一/二/四, 1 for （一）…, 2 for numbered sub-rows. */
  level: 0 | 1 | 2;
}

export const APPLICATION_ROWS: readonly ApplicationRowDef[] = [
  { path: 'received', label: '一、本年新收政府信息公开申请数量', level: 0 },
  { path: 'carriedOver', label: '二、上年结转政府信息公开申请数量', level: 0 },
  { path: 'granted', label: '（一）予以公开', group: '三、本年度办理结果', level: 1 },
  { path: 'partlyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', group: '三、本年度办理结果', level: 1 },
  { path: 'denied.stateSecret', label: '1. 属于国家秘密', group: '（三）不予公开', level: 2 },
  { path: 'denied.prohibitedByLaw', label: '2. 其他法律行政法规禁止公开', group: '（三）不予公开', level: 2 },
  { path: 'denied.endangersSafety', label: '3. 危及“三安全一稳定”', group: '（三）不予公开', level: 2 },
  { path: 'denied.thirdPartyRights', label: '4. 保护第三方合法权益', group: '（三）不予公开', level: 2 },
  { path: 'denied.internalAffairs', label: '5. 属于三类内部事务信息', group: '（三）不予公开', level: 2 },
  { path: 'denied.processInformation', label: '6. 属于四类过程性信息', group: '（三）不予公开', level: 2 },
  { path: 'denied.enforcementRecords', label: '7. 属于行政执法案卷', group: '（三）不予公开', level: 2 },
  { path: 'denied.queryMatters', label: '8. 属于行政查询事项', group: '（三）不予公开', level: 2 },
  { path: 'unavailable.notHeld', label: '1. 本机关不掌握相关政府信息', group: '（四）无法提供', level: 2 },
  { path: 'unavailable.needsCreation', label: '2. 没有现成信息需要另行制作', group: '（四）无法提供', level: 2 },
  { path: 'unavailable.unclear', label: '3. 补正后申请内容仍不明确', group: '（四）无法提供', level: 2 },
  { path: 'notProcessed.complaints', label: '1. 信访举报投诉类申请', group: '（五）不予处理', level: 2 },
  { path: 'notProcessed.repeated', label: '2. 重复申请', group: '（五）不予处理', level: 2 },
  { path: 'notProcessed.publications', label: '3. 要求提供公开出版物', group: '（五）不予处理', level: 2 },
  { path: 'notProcessed.excessive', label: '4. 无正当理由大量反复申请', group: '（五）不予处理', level: 2 },
  { path: 'notProcessed.confirmation', label: '5. 要求行政机关确认或重新出具已获取信息', group: '（五）不予处理', level: 2 },
  { path: 'otherHandling.noCorrection', label: '1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: '（六）其他处理', level: 2 },
  { path: 'otherHandling.unpaidFees', label: '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: '（六）其他处理', level: 2 },
  { path: 'otherHandling.other', label: '3. 其他', group: '（六）其他处理', level: 2 },
  { path: 'otherHandling.total', label: '（六）其他处理', group: '三、本年度办理结果', level: 1 },
  { path: 'total', label: '（七）总计', group: '三、本年度办理结果', level: 1 },
  { path: 'carriedForward', label: '四、结转下年度继续办理', level: 0 },
];

/** Short labels for running text (findings, CSV dictionary): no long parentheticals. */
const SHORT_ROW_LABEL: Record<string, string> = {
  received: '一、本年新收',
  carriedOver: '二、上年结转',
  granted: '（一）予以公开',
  partlyGranted: '（二）部分公开',
  'otherHandling.total': '（六）其他处理',
  'otherHandling.noCorrection': '（六）其他处理 1. 逾期不补正',
  'otherHandling.unpaidFees': '（六）其他处理 2. 逾期未缴费',
  'otherHandling.other': '（六）其他处理 3. 其他',
  total: '（七）总计',
  carriedForward: '四、结转下年度',
  // The groups of 三、本年度办理结果 (findings name a whole group).
  denied: '（三）不予公开',
  unavailable: '（四）无法提供',
  notProcessed: '（五）不予处理',
  otherHandling: '（六）其他处理',
};

export function applicationRowLabel(path: string): string {
  if (SHORT_ROW_LABEL[path]) return SHORT_ROW_LABEL[path];
  const def = APPLICATION_ROWS.find((r) => r.path === path);
  if (!def) return path;
  return def.level === 2 ? `${def.group} ${def.label}` : def.label;
}

/** Section 二 (第二十条) rows and their column heads, 2021 and 2019 format. */
export const DOCUMENT_COLUMNS = {
  '2021': [
    { key: 'issued', label: '本年制发件数' },
    { key: 'repealed', label: '本年废止件数' },
    { key: 'inForce', label: '现行有效件数' },
  ],
  '2019': [
    { key: 'issued', label: '本年新制作数量' },
    { key: 'published', label: '本年新公开数量' },
    { key: 'publicTotal', label: '对外公开总数量' },
  ],
} as const;

export const ACTIVE_LABELS: Record<string, string> = {
  regulations: '规章',
  normativeDocuments: '行政规范性文件',
  licensing: '行政许可',
  otherServices: '其他对外管理服务事项',
  punishment: '行政处罚',
  coercion: '行政强制',
  fees: '行政事业性收费',
  procurement: '政府集中采购',
  'procurement.projects': '采购项目数量',
  'procurement.amount': '采购总金额',
  projects: '采购项目数量',
  amount: '采购总金额',
  itemCounts: '项目数量（2019 格式）',
  previousYear: '上一年项目数量',
  change: '本年增/减',
  issued: '本年制发件数（2019 格式：本年新制作数量）',
  repealed: '本年废止件数',
  inForce: '现行有效件数',
  published: '本年新公开数量（2019 格式）',
  publicTotal: '对外公开总数量（2019 格式）',
};

/**
 * A JSON path of the report in Chinese: `applications.denied.stateSecret[0]` →
 * `三、申请情况 （三）不予公开 1. 属于国家秘密 · 自然人`. Unknown paths come back as they are.
 */
export function pathLabel(path: string): string {
  const m = path.match(/^([a-zA-Z.]+)(?:\[(\d+|[^\]]+)\])?$/);
  if (!m) return path;
  const [, dotted, index] = m;
  const [head, ...rest] = dotted.split('.');
  const tail = rest.join('.');
  if (head === 'applications') {
    const col = index === undefined ? '' : /^\d+$/.test(index) ? applicantLabels[Number(index)] ?? index : index;
    if (!tail) return col ? `申请情况表“${col}”栏` : '申请情况表';
    return `申请情况表 ${applicationRowLabel(tail)}${col ? `，“${col}”栏` : ''}`;
  }
  const outcome = OUTCOME_TABLES.find((t) => t.key === head);
  if (outcome) {
    const name = outcome.group === outcome.label ? outcome.label : `${outcome.group}（${outcome.label}）`;
    const col = index === undefined ? '' : /^\d+$/.test(index) ? outcomeLabels[Number(index)] ?? index : index;
    return col ? `${name}，“${col}”栏` : name;
  }
  if (head === 'active') {
    const parts = rest.map((p) => ACTIVE_LABELS[p] ?? p);
    return `主动公开 ${parts.join(' · ')}`.trim();
  }
  return path;
}
