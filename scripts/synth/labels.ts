// The printed labels of the report's tables, with the variants real reports use.

/** Section 三 row labels by JSON path; `{申请}` is 政府信息公开 or (004) 政务公开. */
export const APPLICATION_LABELS: Record<string, readonly string[]> = {
  received: ['一、本年新收{申请}申请数量'],
  carriedOver: ['二、上年结转{申请}申请数量'],
  granted: ['（一）予以公开'],
  partlyGranted: ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开'],
  'denied.stateSecret': ['1.属于国家秘密'],
  'denied.prohibitedByLaw': ['2.其他法律行政法规禁止公开', '2.其他法律法规禁止公开'],
  'denied.endangersSafety': ['3.危及“三安全一稳定”', '3.危及"三安全一稳定"'],
  'denied.thirdPartyRights': ['4.保护第三方合法权益'],
  'denied.internalAffairs': ['5.属于三类内部事务信息'],
  'denied.processInformation': ['6.属于四类过程性信息'],
  'denied.enforcementRecords': ['7.属于行政执法案卷'],
  'denied.queryMatters': ['8.属于行政查询事项'],
  'unavailable.notHeld': ['1.本机关不掌握相关政府信息'],
  'unavailable.needsCreation': ['2.没有现成信息需要另行制作'],
  'unavailable.unclear': ['3.补正后申请内容仍不明确'],
  'notProcessed.complaints': ['1.信访举报投诉类申请'],
  'notProcessed.repeated': ['2.重复申请'],
  'notProcessed.publications': ['3.要求提供公开出版物'],
  'notProcessed.excessive': ['4.无正当理由大量反复申请'],
  'notProcessed.confirmation': ['5.要求行政机关确认或重新出具已获取信息'],
  'otherHandling.noCorrection': ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '1.申请人无正当理由逾期不补正'],
  'otherHandling.unpaidFees': ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用'],
  'otherHandling.other': ['3.其他'],
  'otherHandling.total': ['（六）其他处理'],
  total: ['（七）总计'],
  carriedForward: ['四、结转下年度继续办理'],
};

/** Group labels printed before (or beside) the first row of their group. */
export const APPLICATION_GROUPS: Record<string, readonly string[]> = {
  granted: ['三、本年度办理结果'],
  'denied.stateSecret': ['（三）不予公开'],
  'unavailable.notHeld': ['（四）无法提供'],
  'notProcessed.complaints': ['（五）不予处理'],
  'otherHandling.noCorrection': ['（六）其他处理'],
};

export const APPLICANT_HEADERS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
export const BALANCE_NOTE = ['（本列数据的勾稽关系为：第一项加第二项之和，', '等于第三项加第四项之和）'] as const;

export const OUTCOME_HEADERS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

/** Prose headings by role; the tables' sections are found by their content, these only frame them. */
export const SECTION_TITLES = {
  overview: ['总体情况'],
  active: ['主动公开政府信息情况'],
  applications: ['收到和处理{申请}申请情况'],
  outcomes2021: ['政府信息公开行政复议、行政诉讼情况', '{申请}行政复议、行政诉讼情况'],
  outcomes2019: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
  problems: ['存在的主要问题及改进情况', '政府信息公开工作存在的主要问题及改进情况'],
  other: ['其他需要报告的事项'],
} as const;

export const CJK_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** A line that begins a new row or section: a continuation fragment must never look like this. */
export const ROW_START = /^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|[0-9０-９]+\s*[.．、])/u;
