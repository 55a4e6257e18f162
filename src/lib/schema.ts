// The report JSON: the contract between the parser, the site and anyone who downloads the data.
// Defined once here; every type the project uses is inferred from these schemas.
import { z } from 'astro/zod';

/** One table cell: `null` where the report leaves the cell blank, the printed number otherwise. */
export const Cell = z.number().nullable();
export type Cell = z.infer<typeof Cell>;

/** Section 三 columns: 自然人; 法人或其他组织 (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他); 总计. */
export const APPLICANT_COLUMNS = [
  'naturalPersons', // 自然人
  'businesses', // 商业企业
  'researchInstitutions', // 科研机构
  'publicInterestOrganisations', // 社会公益组织
  'legalServiceOrganisations', // 法律服务机构
  'otherOrganisations', // 其他
  'total', // 总计
] as const;
/** A row of section 三; `null` when the row is missing from the report. */
export const ApplicantRow = z.array(Cell).length(APPLICANT_COLUMNS.length).nullable();
export type ApplicantRow = z.infer<typeof ApplicantRow>;

/** Section 四 columns, for each of 行政复议, 诉讼 未经复议直接起诉, 诉讼 复议后起诉. */
export const OUTCOME_COLUMNS = [
  'upheld', // 结果维持
  'corrected', // 结果纠正
  'other', // 其他结果
  'pending', // 尚未审结
  'total', // 总计
] as const;
export const OutcomeRow = z.array(Cell).length(OUTCOME_COLUMNS.length).nullable();
export type OutcomeRow = z.infer<typeof OutcomeRow>;

/** 第二十条第（一）项 in the 2021 format: 本年制发件数, 本年废止件数, 现行有效件数. */
export const DocumentCounts2021 = z.object({ issued: Cell, repealed: Cell, inForce: Cell });
/** The same in the 2019 format: 本年新制作数量, 本年新公开数量, 对外公开总数量. */
export const DocumentCounts2019 = z.object({ issued: Cell, published: Cell, publicTotal: Cell });
export const DocumentCounts = z.union([DocumentCounts2021, DocumentCounts2019]).nullable();
export type DocumentCounts = z.infer<typeof DocumentCounts>;

/** 2019 format only: 上一年项目数量 and 本年增/减 beside the decisions. */
export const ItemCounts2019 = z.object({ previousYear: Cell, change: Cell });

export const Active = z.object({
  regulations: DocumentCounts, // 规章
  normativeDocuments: DocumentCounts, // (行政)规范性文件
  licensing: Cell, // 行政许可: 本年处理决定数量
  punishment: Cell, // 行政处罚
  coercion: Cell, // 行政强制
  fees: Cell, // 行政事业性收费: 本年收费金额, in 万元 as printed (2019 format: no amount, null)
  /** 2019 format extras, present only where the report prints them. */
  otherServices: Cell.optional(), // 其他对外管理服务事项
  itemCounts: z
    .object({
      licensing: ItemCounts2019.optional(),
      otherServices: ItemCounts2019.optional(),
      punishment: ItemCounts2019.optional(),
      coercion: ItemCounts2019.optional(),
      fees: ItemCounts2019.optional(),
    })
    .optional(),
  procurement: z.object({ projects: Cell, amount: Cell }).optional(), // 政府集中采购: 采购项目数量, 采购总金额
});
export type Active = z.infer<typeof Active>;

export const OtherHandlingDetailed = z.object({
  noCorrection: ApplicantRow, // 1.申请人无正当理由逾期不补正
  unpaidFees: ApplicantRow, // 2.申请人逾期未按收费通知要求缴纳费用
  other: ApplicantRow, // 3.其他
});
/** （六）其他处理 as one row (2019 format and some later reports). */
export const OtherHandlingSingle = z.object({ total: ApplicantRow });

export const Applications = z.object({
  received: ApplicantRow, // 一、本年新收
  carriedOver: ApplicantRow, // 二、上年结转
  granted: ApplicantRow, // （一）予以公开
  partlyGranted: ApplicantRow, // （二）部分公开
  denied: z.object({
    // （三）不予公开
    stateSecret: ApplicantRow, // 1.属于国家秘密
    prohibitedByLaw: ApplicantRow, // 2.其他法律行政法规禁止公开
    endangersSafety: ApplicantRow, // 3.危及“三安全一稳定”
    thirdPartyRights: ApplicantRow, // 4.保护第三方合法权益
    internalAffairs: ApplicantRow, // 5.属于三类内部事务信息
    processInformation: ApplicantRow, // 6.属于四类过程性信息
    enforcementRecords: ApplicantRow, // 7.属于行政执法案卷
    queryMatters: ApplicantRow, // 8.属于行政查询事项
  }),
  unavailable: z.object({
    // （四）无法提供
    notHeld: ApplicantRow, // 1.本机关不掌握相关政府信息
    needsCreation: ApplicantRow, // 2.没有现成信息需要另行制作
    unclear: ApplicantRow, // 3.补正后申请内容仍不明确
  }),
  notProcessed: z.object({
    // （五）不予处理
    complaints: ApplicantRow, // 1.信访举报投诉类申请
    repeated: ApplicantRow, // 2.重复申请
    publications: ApplicantRow, // 3.要求提供公开出版物
    excessive: ApplicantRow, // 4.无正当理由大量反复申请
    confirmation: ApplicantRow, // 5.要求行政机关确认或重新出具已获取信息
  }),
  otherHandling: z.union([OtherHandlingDetailed, OtherHandlingSingle]), // （六）其他处理
  total: ApplicantRow, // （七）总计
  carriedForward: ApplicantRow, // 四、结转下年度继续办理
});
export type Applications = z.infer<typeof Applications>;

export const Region = z.object({
  name: z.string(), // full official name, e.g. 民和回族土族自治县
  code: z.string().regex(/^\d{6}$/), // GB/T 2260
  province: z.string(),
  prefecture: z.string(),
});
export type Region = z.infer<typeof Region>;

/** One evaluation of one of the report's own identities (FORMAT.md). */
export const Check = z.object({
  identity: z.enum([
    'rowTotal', // 总计 = sum of the six applicant columns, per row
    'columnTotal', // （七）总计 = （一）…（六）, per column
    'balance', // 一 + 二 = 三（七） + 四, per column
    'outcomeTotal', // 复议/诉讼 总计 = the four outcomes
    // Checks beyond the format's identities: they do not change `consistent`; a failure is a warning.
    'documentsInForce', // 现行有效件数 >= 本年制发 − 本年废止 (2019 format: 对外公开总数量 >= 本年新公开数量)
    'proseRestates', // a table 二 figure against the report's prose restating it (computed: the prose's figure)
  ]),
  /** Where: a row path (`applications.granted`), a column (`applications[自然人]`) or a table. */
  where: z.string(),
  printed: Cell,
  computed: z.number(),
  ok: z.boolean(),
  /** proseRestates: the source line of the prose and the words that restate the figure. */
  line: z.number().int().optional(),
  quote: z.string().optional(),
});
/** The identities of the report format (FORMAT.md): `consistent` is whether all of these hold. */
export const FORMAT_IDENTITIES: ReadonlySet<Check['identity']> = new Set(['rowTotal', 'columnTotal', 'balance', 'outcomeTotal']);
export type Check = z.infer<typeof Check>;

export const Finding = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  /** Stable machine code, e.g. `identity-failed`, `row-missing`, `cells-inferred`. */
  code: z.string(),
  message: z.string(),
  /** The JSON path the finding is about, when it is about one place. */
  path: z.string().optional(),
  /** 1-based line in the source text. */
  line: z.number().int().optional(),
  /**
   * The figure(s) at `path` could not be read: not found, or not placed with any certainty. They are
   * `null` in the JSON like a blank cell, but are no blank: the site shows 「未能读出」.
   */
  unread: z.boolean().optional(),
});
export type Finding = z.infer<typeof Finding>;

/** A cell whose value was placed by a rule rather than read off a complete row. */
export const Inference = z.object({
  path: z.string(), // e.g. applications.granted[1]
  rule: z.string(), // e.g. `two-numbers-first-and-total`
  line: z.number().int().optional(),
});
export type Inference = z.infer<typeof Inference>;

export const ProseSection = z.object({
  heading: z.string(), // as printed, e.g. 一、总体情况
  markdown: z.string(),
});
export type ProseSection = z.infer<typeof ProseSection>;

/** The format a report was read from, told by its bytes. */
export const SourceFormat = z.enum(['txt', 'pdf', 'docx', 'doc', 'html']);
export type SourceFormat = z.infer<typeof SourceFormat>;

/**
 * Where in the source document a line of the report was read: page and position on it for PDF (in
 * points from the page's top-left), table and row for Word and HTML (1-based, in document order).
 */
export const Origin = z.object({
  page: z.number().int().positive().optional(),
  x: z.number().optional(),
  y: z.number().optional(),
  table: z.number().int().positive().optional(),
  row: z.number().int().positive().optional(),
});
export type Origin = z.infer<typeof Origin>;

/** Only web addresses become links: `javascript:`, `data:`, `file:` … never reach a page. */
export const WebUrl = z.url({ protocol: /^https?$/, error: 'is not an http: or https: address' });

/** GB/T 2260 code of a county-level division: six digits. */
export const RegionCode = z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code');
/** Lowercase hex SHA-256 of a file's bytes. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');

/**
 * Where the file came from, when a sidecar `NAME.meta.json` gives it. Hand-written sidecars give
 * `url` and `published`; `npm run collect` writes the full provenance (src/lib/collect/).
 */
export const SourceInfo = z.object({
  url: WebUrl.optional(), // the address asked for
  published: z.string().optional(), // ISO date
  retrieved: z.string().optional(), // ISO date, or date and time when collected
  title: z.string().optional(), // the link's title on the listing page
  finalUrl: WebUrl.optional(), // after redirects
  contentType: z.string().optional(), // as the server sent it
  sha256: Sha256.optional(),
  size: z.number().int().nonnegative().optional(), // bytes
  /** The division the report is for, where the issuing body's name cannot place it (or the collection list gives it). */
  region: RegionCode.optional(),
  year: z.number().int().optional(), // as the list or the link's title gives it
  foundOn: WebUrl.optional(), // the listing or article page that linked the file
});
export type SourceInfo = z.infer<typeof SourceInfo>;

/** Another file that is a version of the same county's report for the same year. */
export const OtherVersion = z.object({
  source: z.string(), // its file name
  sha256: z.string(),
  title: z.string(),
  published: z.string().optional(),
  url: WebUrl.optional(),
});
export type OtherVersion = z.infer<typeof OtherVersion>;

/** Two or more files report on the same county and year: which one the site shows, and why. */
export const Versions = z.object({
  basis: z.enum([
    'correction', // its title says 更正 or 修订, the other's does not
    'later-published', // its sidecar gives a later publication date
    'identical', // the files are byte for byte the same
    'undecided', // nothing tells them apart: the first by file name is shown, and the page says so
  ]),
  others: z.array(OtherVersion).min(1),
});
export type Versions = z.infer<typeof Versions>;

export const Report = z.object({
  source: z.string(), // file name of the input
  format: SourceFormat.default('txt'), // what the input was, by its bytes
  /** Pages of the source document (PDF). */
  pages: z.number().int().positive().optional(),
  sourceInfo: SourceInfo.optional(),
  /** Present when other files report on the same county and year. */
  versions: Versions.optional(),
  title: z.string(), // the report's own title lines, joined
  issuer: z.string(), // the issuing body as printed
  region: Region,
  /** What decided the region: a sidecar's `region`, the title, a sourced alias, the closing signature. */
  regionFrom: z.object({ by: z.enum(['sidecar', 'title', 'alias', 'signature']), text: z.string() }).optional(),
  /** The date under the closing signature (ISO), where the report prints one. */
  signed: z.string().optional(),
  year: z.number().int(), // the year reported on
  /** Which header style section 二 uses: the 2021 format or the 2019 trial format. */
  tableFormat: z.enum(['2021', '2019']),
  active: Active.nullable(),
  applications: Applications.nullable(),
  review: OutcomeRow, // 行政复议
  litigationDirect: OutcomeRow, // 行政诉讼 未经复议直接起诉
  litigationAfterReview: OutcomeRow, // 行政诉讼 复议后起诉
  consistent: z.boolean(), // every identity of the format (FORMAT_IDENTITIES) holds, blanks counted as 0
  checks: z.array(Check),
  findings: z.array(Finding),
  inferred: z.array(Inference),
  /** 1-based source line of every table row read, by JSON path: the trace back to the report. */
  lines: z.record(z.string(), z.number().int()),
  /** Where in the source document each row in `lines` was read (PDF page, Word/HTML table row); by JSON path. */
  origins: z.record(z.string(), Origin).optional(),
  prose: z.array(ProseSection),
});
export type Report = z.infer<typeof Report>;

/**
 * The ingest's account of every entry of the reports folder: a report parsed (with or without
 * findings), a report superseded by another version, a sidecar read for its report, an entry
 * ignored (and why), or an entry rejected (and why).
 */
export const ManifestEntry = z.object({
  file: z.string(),
  sha256: z.string(), // '' for what has no content of its own (a folder, a symbolic link)
  status: z.enum(['parsed', 'findings', 'superseded', 'sidecar', 'ignored', 'rejected']),
  reason: z.string().optional(), // why it was rejected, ignored or superseded, in English
  reasonZh: z.string().optional(), // the same in Chinese, for the site
  reportId: z.string().optional(), // `<code>-<year>`: the report it is (parsed, superseded) or belongs to (sidecar)
  findings: z.number().int(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const IngestManifest = z.object({
  generated: z.string(),
  files: z.array(ManifestEntry),
  summary: z.object({
    files: z.number().int(), // every entry of the folder
    reports: z.number().int(),
    findings: z.number().int(),
    rejected: z.number().int(),
    superseded: z.number().int(),
    ignored: z.number().int(),
  }),
});
export type IngestManifest = z.infer<typeof IngestManifest>;

/**
 * The collection log (content/collection-log.json): every address `npm run collect` was given or found,
 * and its fate. The site reads it for a county's availability by year (src/lib/collect/availability.ts).
 */
export const CollectStatus = z.enum([
  'saved', // downloaded, new bytes, written to content/reports/
  'unchanged', // fetched again: the same bytes as the file already held from it (or 304)
  'changed', // fetched again: new bytes; kept beside the earlier version (versions holds both)
  'duplicate', // new to this address, but the same bytes are already held from another address
  'page', // an HTML listing or article page, read for links to reports
  'not-found', // 404 or 410: the address no longer serves anything
  'refused', // answered, but not a report: HTML served as a PDF, an unknown format, over the size limit
  'disallowed', // robots.txt forbids it; not fetched
  'failed', // network error, timeout, 5xx after retries, other 4xx; tried again on the next run
]);
export type CollectStatus = z.infer<typeof CollectStatus>;

/** One file held from an address: the first download, and every later one whose bytes differed. */
export const CollectedVersion = z.object({
  file: z.string(), // name in content/reports/
  sha256: Sha256,
  size: z.number().int().nonnegative(),
  contentType: z.string().optional(),
  finalUrl: z.url(),
  retrieved: z.string(), // ISO date and time
  etag: z.string().optional(), // for asking the server whether the file changed (304)
  lastModified: z.string().optional(),
});
export type CollectedVersion = z.infer<typeof CollectedVersion>;

export const CollectedUrl = z.object({
  url: z.url(),
  /** `file`: expected to be a report (listed, or linked by a report title); `listing`: a page of links. */
  role: z.enum(['file', 'listing']),
  region: RegionCode.optional(),
  year: z.number().int().optional(),
  title: z.string().optional(), // the link's text where it was found
  foundOn: z.url().optional(), // the page that linked it
  status: CollectStatus,
  reason: z.string().optional(), // for refused, failed, not-found, disallowed: why, in English
  httpStatus: z.number().int().optional(),
  checked: z.string(), // ISO date and time of the last attempt
  attempts: z.number().int().nonnegative(), // requests made in the last attempt (retries included)
  /** For `duplicate`: the file of another address holding the same bytes. */
  sameAs: z.string().optional(),
  /** For pages: the addresses of reports (and further pages) found on it. */
  links: z.array(z.url()).optional(),
  /** Files held from this address, oldest first; a changed file is added, never replaces one. */
  versions: z.array(CollectedVersion),
});
export type CollectedUrl = z.infer<typeof CollectedUrl>;

export const CollectionLog = z.object({
  updated: z.string(), // ISO date and time
  urls: z.array(CollectedUrl), // sorted by url
});
export type CollectionLog = z.infer<typeof CollectionLog>;

/**
 * A correction made to figures the site had published (content/corrections.json), listed with its
 * date and reason on the corrections page (更正记录). A parser fix or a corrected report that
 * changes a published figure gets an entry here.
 */
export const Correction = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)'), // when the corrected figure was published
  report: z.string().regex(/^\d{6}-\d{4}$/, 'a report id: six-digit code, a hyphen, the year'), // `<code>-<year>`
  /** The figure's JSON path (`applications.granted[6]`); none where the whole report changed. */
  path: z.string().optional(),
  before: Cell.optional(), // the figure as published before
  after: Cell.optional(), // the figure as published since
  reason: z.string().min(1), // why, in Chinese
  /** The correction request or commit it answers. */
  link: z.url().optional(),
});
export type Correction = z.infer<typeof Correction>;

export const CorrectionsLog = z.object({ corrections: z.array(Correction) });
export type CorrectionsLog = z.infer<typeof CorrectionsLog>;
