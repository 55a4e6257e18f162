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
  unknownRegionCode: (code: string): Rejection => ({
    error: `the sidecar's region ${code} is no county-level division of the GB/T 2260 list: correct the code in NAME.meta.json`,
    zh: `说明文件中的地区代码 ${code} 不是 GB/T 2260 中的县级行政区划：请更正 NAME.meta.json 中的代码`,
  }),
  unreadable: (why: string): Rejection => ({ error: `cannot read the file (${why})`, zh: `无法读取文件（${why}）` }),
  directory: (): Rejection => ({ error: 'is a directory, not a file', zh: '这是一个文件夹，不是文件' }),
  unsupportedType: (ext: string): Rejection => ({
    error: `unsupported file type ${ext}: convert the report to text (.txt) first`,
    zh: `不支持的文件类型 ${ext}：请先将报告转为文本（.txt）`,
  }),
  unsupportedFormat: (kind: string): Rejection => ({
    error: `cannot read ${kind} files yet: convert the report to text (.txt) first`,
    zh: `暂不能读取 ${kind} 文件：请先将报告转为文本（.txt）`,
  }),
  pdfEncrypted: (): Rejection => ({
    error: 'the PDF is encrypted and needs a password to open: add a copy without the password (or the report as Word or text)',
    zh: 'PDF 已加密，需要密码才能打开：请放入无密码的副本（或 Word、文本格式的报告）',
  }),
  pdfDamaged: (why: string): Rejection => ({
    error: `the PDF is damaged and cannot be read (${why}): download it again`,
    zh: `PDF 文件已损坏，无法读取（${why}）：请重新下载`,
  }),
  pdfScanned: (): Rejection => ({
    error: 'a scanned PDF: its pages are images with no text layer; run OCR on it (e.g. ocrmypdf -l chi_sim) or add the report as Word or text',
    zh: '扫描件，无文字层：PDF 的页面是图片，没有可读取的文字；请先做文字识别（OCR），或放入 Word、文本格式的报告',
  }),
  pdfNoText: (): Rejection => ({
    error: 'the PDF has no text on its pages: add the report as Word or text',
    zh: 'PDF 页面上没有文字：请放入 Word 或文本格式的报告',
  }),
  pdfGarbled: (): Rejection => ({
    error: 'the PDF\'s text cannot be extracted (its fonts have no character map; what it yields is not Chinese text): add the report as Word or text, or OCR the PDF',
    zh: 'PDF 中的文字无法正确提取（字体缺少字符映射，提取出的不是中文文本）：请放入 Word 或文本格式的报告，或对 PDF 做文字识别（OCR）',
  }),
  otherZip: (): Rejection => ({
    error: 'a zip archive that is not a Word (.docx) file: unpack it and add the report inside',
    zh: '这是压缩包而不是 Word（.docx）文件：请解压后放入其中的报告',
  }),
  otherOle: (): Rejection => ({
    error: 'an Office file that is not a Word document (an Excel or PowerPoint file?): add the report as PDF, Word or text',
    zh: '这是 Office 文件但不是 Word 文档（可能是 Excel 或 PowerPoint）：请放入 PDF、Word 或文本格式的报告',
  }),
  htmlNoReport: (): Rejection => ({
    error: 'a web page without the report: none of its three tables (主动公开, 依申请公开, 复议诉讼) is on the page; save the page of the report itself, or download its PDF/Word attachment',
    zh: '网页中没有年度报告：页面上找不到主动公开、依申请公开、复议诉讼三张表；请保存报告正文所在的网页，或下载其 PDF、Word 附件',
  }),
  htmlAttachment: (): Rejection => ({
    error: 'the web page only links to the report as an attachment (PDF or Word): download the attachment and add that file',
    zh: '网页只以附件（PDF 或 Word）形式提供报告：请下载附件并放入该文件',
  }),
  htmlImages: (): Rejection => ({
    error: 'the web page shows the report\'s tables as pictures, not as text: add the report\'s PDF or Word file instead',
    zh: '网页中的报告表格是图片而不是文字：请改为放入报告的 PDF 或 Word 文件',
  }),
  wordDamaged: (kind: string, why: string): Rejection => ({
    error: `the Word file (${kind}) is damaged and cannot be read (${why}): download it again, or open and re-save it in Word or WPS`,
    zh: `Word 文件（${kind}）已损坏，无法读取（${why}）：请重新下载，或用 Word、WPS 打开后另存`,
  }),
  officeDamaged: (why: string): Rejection => ({
    error: `an Office file (.doc, .xls or .ppt) that is damaged and cannot be read (${why}): download it again, or open and re-save it`,
    zh: `Office 文件（.doc、.xls 或 .ppt）已损坏，无法读取（${why}）：请重新下载，或打开后另存`,
  }),
  wordTooOld: (): Rejection => ({
    error: 'a Word 6.0/95 file, older than Word 97: its format is not read; open it in Word or WPS and save it as .docx (or PDF), then add that file',
    zh: '这是 Word 6.0/95 格式的旧文件（早于 Word 97），暂不能读取：请用 Word 或 WPS 打开并另存为 .docx（或 PDF）后放入',
  }),
  wordEncrypted: (): Rejection => ({
    error: 'the Word file is encrypted and needs a password to open: add a copy without the password (or the report as PDF or text)',
    zh: 'Word 文件已加密，需要密码才能打开：请放入无密码的副本（或 PDF、文本格式的报告）',
  }),
  wordNoText: (): Rejection => ({
    error: 'the Word file has no text in it (empty, or the report is pasted in as pictures): add the report as PDF or text',
    zh: 'Word 文件中没有文字（空文档，或报告以图片形式插入）：请放入 PDF 或文本格式的报告',
  }),
  wordNoReport: (): Rejection => ({
    error: 'a Word file with no annual report in it: none of its three tables (主动公开, 依申请公开, 复议诉讼) was found; is it the right file (not a notice or a cover letter)?',
    zh: 'Word 文件中没有年度报告：未找到主动公开、依申请公开、复议诉讼三张表中的任何一张；请确认是否放错了文件（如通知、公函）',
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
