// Synthetic annual reports for tests and benchmarks: truth → text in a chosen layout.
// Test data only: every report is marked 【测试数据，非真实报告】 and never belongs in content/.
export { createRng, hashSeed, type Rng } from './prng.ts';
export { generateTruth, identityFailures, randomTruthOptions, applicationRowPaths, getRow, type Truth, type TruthOptions, type Identity } from './truth.ts';
export { DEFAULT_LAYOUT, randomLayout, type Layout } from './layout.ts';
export { writeReport, TEST_MARK, type WrittenReport } from './report.ts';
export { formatNumber, wrapLabel } from './tables.ts';
export { placeName, nameIsUnique } from './issuer.ts';
export { compareWithTruth, describeMismatches, type Mismatch } from './compare.ts';
export { reportDocument, randomDocumentOptions, DEFAULT_DOCUMENT_OPTIONS, type ReportDocument, type DocumentOptions, type DocTable, type DocCell } from './document.ts';
export { renderReportHtml, encodeHtml, DEFAULT_HTML_OPTIONS, type HtmlOptions } from './html.ts';
export { renderReportDocx, type DocxOptions } from './docx.ts';
