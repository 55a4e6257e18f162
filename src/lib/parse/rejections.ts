// Why a file was not read as a report: in English for the command line, in Chinese for the site.
export interface Rejection {
  error: string;
  zh: string;
}

const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export const rejection = {
  empty: (): Rejection => ({ error: 'the file is empty', zh: '文件为空' }),
  binary: (): Rejection => ({
    error: 'the file is binary, not text (convert PDF or Word files to text first)',
    zh: '文件是二进制格式而非文本（PDF、Word 文件须先转为文本）',
  }),
  noChinese: (): Rejection => ({ error: 'the file contains no Chinese text', zh: '文件中没有中文文本' }),
  tooLarge: (size: string): Rejection => ({ error: `the file is too large to be an annual report (${size})`, zh: `文件过大（${size}），不可能是一份年度报告` }),
  tooLargeBytes: (bytes: number) => rejection.tooLarge(MB(bytes)),
  notReport: (): Rejection => ({
    error: 'not an annual report: none of its three tables (主动公开, 依申请公开, 复议诉讼) was found',
    zh: '不是政府信息公开年度报告：未找到主动公开、依申请公开、复议诉讼三张表中的任何一张',
  }),
  noYear: (): Rejection => ({ error: 'no year found in the title (e.g. 2021年政府信息公开工作年度报告)', zh: '标题中未找到报告年度（如“2021年政府信息公开工作年度报告”）' }),
  noRegion: (): Rejection => ({
    error: 'no county, district or city name found in the title (cannot tell who issued the report)',
    zh: '标题中未找到县、区或市的名称，无法确定发布机关',
  }),
  ambiguousRegion: (name: string, candidates: string): Rejection => ({
    error: `the issuing body ${name} is ambiguous: it could be ${candidates}`,
    zh: `发布机关“${name}”有歧义，可能是：${candidates}`,
  }),
  unreadable: (why: string): Rejection => ({ error: `cannot read the file (${why})`, zh: `无法读取文件（${why}）` }),
  directory: (): Rejection => ({ error: 'is a directory, not a file', zh: '这是一个文件夹，不是文件' }),
  unsupportedType: (ext: string): Rejection => ({
    error: `unsupported file type ${ext}: convert the report to text (.txt) first`,
    zh: `不支持的文件类型 ${ext}：请先将报告转为文本（.txt）`,
  }),
  moreThanOneReport: (why: string): Rejection => ({
    error: `the file holds more than one report, or one report's tables twice: ${why}; its figures would mix (split the file)`,
    zh: `文件中不止一份报告，或同一表格重复出现（${why}），数字会相互混杂，未读取；请拆分文件`,
  }),
  schema: (detail: string): Rejection => ({ error: `the parsed report does not fit the schema: ${detail}`, zh: `解析结果不符合数据格式：${detail}` }),
  duplicate: (region: string, year: number, id: string, kept: string): Rejection => ({
    error: `a second report for ${region} ${year} (${id}); ${kept} was kept`,
    zh: `${region} ${year} 年已有一份报告（${id}），保留了 ${kept}`,
  }),
};
