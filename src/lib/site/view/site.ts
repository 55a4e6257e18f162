// Site-wide names and texts.
export const SITE_NAME = '县级政府信息公开年报数据';
export const SITE_SHORT = '县级公开年报';
export const SITE_DESCRIPTION =
  '全国县级人民政府《政府信息公开工作年度报告》中的数字：逐县逐年的表格、排名、趋势与下载，每个数字都可追溯到报告原文。';
