// parseReport: the text of one annual report in, its report JSON out. A chain of small stages:
// lines → sections → tables (by content) → rows (by label) → cells → checks; prose beside them.
import type { Applications, Finding, Origin, ProseSection, Report, SourceFormat } from '../schema.ts';
import { readActive, holdsActive } from './active.ts';
import { figureRuns, FIRST_ROW, holdsApplications, readApplications, readWithSpilledCells } from './applications.ts';
import { checkApplications, checkDocuments, checkOutcomes, consistentOf, failedChecks } from './checks.ts';
import { regionByCode, resolveAlias, resolveRegion, signatureOf, titleBlock, titleOf, yearOf, type Resolution } from './identity.ts';
import { toLines, unreadable, type Line } from './lines.ts';
import { holdsOutcomes, readOutcomes } from './outcomes.ts';
import { proseWidth, toMarkdown } from './prose.ts';
import { rejection, type Rejection } from './rejections.ts';
import { checkRestatements } from './restated.ts';
import { repeatedReport } from './repeats.ts';
import { emptyNotes, mergeNotes, type Notes } from './rows.ts';
import { findSections, isProseLine, tableOfHeading, type Section, type TableKind } from './sections.ts';
import { tokenize } from './tokens.ts';

/** A failure says why in English (`error`, for the command line) and in Chinese (`zh`, for the site). */
export type ParseResult = { ok: true; report: Report } | ({ ok: false } & Rejection);

/** Larger than any annual report's text by far: refuse rather than spend seconds on it. */
export const MAX_TEXT_LENGTH = 4_000_000;

interface Region {
  from: number;
  to: number;
  /** Table 四's lines printed after the next heading (`outcomesAfterHeading`): the table's, not that section's. */
  after?: readonly Line[];
}

const compact = (lines: readonly Line[]) => lines.map((l) => l.text.replace(/\s+/g, '')).join('');

/** Where each table stands: under the heading that announces it, or else where its content is. */
export function locateTables(lines: readonly Line[], sections: readonly Section[]): Partial<Record<TableKind, Region>> {
  const found: Partial<Record<TableKind, Region>> = {};
  const holds: Record<TableKind, (t: string) => boolean> = { active: holdsActive, applications: holdsApplications, outcomes: holdsOutcomes };
  for (const s of sections) {
    const kind = tableOfHeading(s.heading);
    if (!kind || found[kind]) continue;
    // Table 四's header words may stand after the next heading too (see outcomesAfterHeading).
    const after = kind === 'outcomes' ? outcomesAfterHeading(lines, s, sections) : [];
    if (holds[kind](compact(lines.slice(s.from, s.to)) + compact(after))) found[kind] = { from: s.from, to: s.to, after };
  }
  // Without a heading: from the first line that only the table has, to the next heading or table.
  const starts: Record<TableKind, RegExp> = { active: /第二十条/, applications: FIRST_ROW, outcomes: /行政复议/ };
  for (const kind of ['active', 'applications', 'outcomes'] as const) {
    if (found[kind]) continue;
    const after = kind === 'outcomes' ? (found.applications?.from ?? 0) : 0;
    const from = lines.findIndex((l, i) => i >= after && starts[kind].test(l.text.replace(/\s+/g, '')));
    if (from < 0) continue;
    const nextHeading = sections.find((s) => s.from - 1 > from)?.from;
    const to = Math.min(nextHeading !== undefined ? nextHeading - 1 : lines.length, ...Object.values(found).map((r) => (r.from > from ? r.from : Infinity)));
    if (holds[kind](compact(lines.slice(from, to)))) found[kind] = { from, to, after: kind === 'outcomes' ? outcomesAfterHeading(lines, { from, to }, sections) : [] };
  }
  return found;
}

/** A table region ends at the first line of running prose after its last row (or its figures). */
function trimAtProse(lines: readonly Line[], region: Region, after: RegExp): Line[] {
  const slice = lines.slice(region.from, region.to);
  const mark = slice.findIndex((l) => after.test(l.text));
  if (mark < 0) return slice;
  const end = slice.findIndex((l, i) => i > mark && isProseLine(l.text));
  return end < 0 ? slice : slice.slice(0, end);
}

/** Words only table 二's captions and headers hold. */
const TABLE_TWO_WORDS = /第二十条|件数|项目数量|增\/减|处理决定|收费金额|采购|对外公开|新公开|新制作/;

/**
 * Table 二's lines. In reading order the heading of section 三 may come before table 二's last items
 * (a page whose text a converter takes in two blocks): lines of section 三 before its table's first
 * row that hold a 第二十条 caption or table 二's header words (本年增/减 …) belong to table 二 too.
 */
function activeLines(lines: readonly Line[], tables: Partial<Record<TableKind, Region>>): Line[] {
  const active = lines.slice(tables.active!.from, tables.active!.to);
  const next = tables.applications;
  if (!next || next.from < tables.active!.to) return active;
  const firstRow = lines.findIndex((l, i) => i >= next.from && i < next.to && FIRST_ROW.test(l.text.replace(/\s+/g, '')));
  if (firstRow < 0) return active;
  const before = lines.slice(next.from, firstRow);
  return before.some((l) => TABLE_TWO_WORDS.test(l.text)) ? [...active, ...before] : active;
}

/**
 * Lines of figures alone at the start of table 四's section, before its header: in reading order
 * these are the last columns of table 三 printed after the next heading (a converter that takes the
 * page in blocks). Their count; 0 where the section starts with its header or with any text.
 */
function figuresBeforeHeader(lines: readonly Line[], region: Region): number {
  const header = lines.findIndex((l, i) => i >= region.from && i < region.to && /行政复议|复议|诉讼|维持|纠正/.test(l.text));
  if (header <= region.from) return 0;
  const before = lines.slice(region.from, header);
  return before.every((l) => /^[\d\s./\-—]*$/.test(l.text)) && before.some((l) => /\d/.test(l.text)) ? before.length : 0;
}

/** Whether a line prints a cell (a figure or a blank mark). */
const holdsCells = (line: Line) => tokenize(line).some((t) => t.kind !== 'text');

/** 四、结转下年度继续办理, table 三's last row. */
const LAST_ROW = /结转下年度|下年度继续/;

/**
 * Lines of table 三's last labels at the start of table 四's section: in reading order the labels of
 * table 三's last rows (wrapped in a narrow column) may come after the next heading and table 四's
 * first header words, before any figure of section 四. Their count (up to the line that ends
 * 结转下年度), where table 三's own lines lack that label; 0 otherwise.
 */
function labelsAfterHeading(lines: readonly Line[], applications: Region, outcomes: Region): number {
  if (LAST_ROW.test(compact(lines.slice(applications.from, applications.to)))) return 0;
  let text = '';
  for (let i = outcomes.from; i < outcomes.to; i++) {
    if (holdsCells(lines[i]!)) return 0;
    text += compact([lines[i]!]);
    if (LAST_ROW.test(text)) return i + 1 - outcomes.from;
  }
  return 0;
}

/** Header words of table 四 that no prose section opens with. */
const OUTCOME_WORDS = /行政诉讼|复议后起诉|未经复议/;

/**
 * Lines of table 四 after the next heading: in reading order its last labels and figures (行政诉讼 总
 * 计 2 …) may come after section 五's heading, before that section's prose. The lines from the next
 * section's start up to its first line of prose, where they hold cells and table 四's header words.
 */
function outcomesAfterHeading(lines: readonly Line[], outcomes: Region, sections: readonly Section[]): Line[] {
  const next = sections.find((s) => s.from > outcomes.to);
  if (!next) return [];
  const prose = lines.findIndex((l, i) => i >= next.from && i < next.to && isProseLine(l.text));
  const rest = lines.slice(next.from, prose < 0 ? next.to : prose);
  return rest.some(holdsCells) && OUTCOME_WORDS.test(compact(rest)) ? rest : [];
}

/**
 * Table 三 from its lines; where reading order left cells of it unread, read again with its last cells
 * taken from among section 四's figures (`next`: section 四's lines) where that makes it whole and
 * adding up (applications.ts). The lines so taken are no longer section 四's.
 */
function readApplicationsAnywhere(lines: readonly Line[], next: readonly Line[], notes: Notes): { applications: Applications | null; taken: Set<Line> } {
  const own = emptyNotes();
  const applications = readApplications(lines, own);
  const spilled = applications && next.length > 0 && own.findings.some((f) => f.unread) ? readWithSpilledCells(lines, figureRuns(next)) : null;
  const read = spilled ?? { applications, notes: own, taken: [] };
  mergeNotes(read.notes, notes);
  return { applications: read.applications, taken: new Set(read.taken) };
}

export interface ParseOptions {
  /** The input's file name. */
  source: string;
  /** What the front stage knew: the format, each line's origin in the document, its pages. */
  format?: SourceFormat;
  origins?: readonly (Origin | undefined)[];
  pages?: number;
  /** The region's code where a sidecar sets it: it decides over the body's name. */
  region?: string;
}

type RegionFrom = NonNullable<Report['regionFrom']>;

/**
 * Who the report is for: a sidecar's region code decides; else the body the title names, a body of
 * the alias list, or the body under the closing signature, in that order.
 */
function decideRegion(blockText: string, text: string, signatureBody: string | undefined, code: string | undefined): (Resolution & { from?: RegionFrom }) {
  if (code) {
    const region = regionByCode(code);
    if (!region) return { rejected: rejection.unknownRegionCode(code) };
    const titled = resolveRegion(blockText, text);
    return { region, issuer: 'rejected' in titled ? region.name : titled.issuer, from: { by: 'sidecar', text: code } };
  }
  const titled = resolveRegion(blockText, text);
  if (!('rejected' in titled)) return { ...titled, from: { by: 'title', text: titled.issuer } };
  const alias = resolveAlias(blockText);
  if (alias && !('rejected' in alias)) return { ...alias, from: { by: 'alias', text: alias.issuer } };
  if (signatureBody) {
    const signed = resolveRegion(signatureBody, text);
    if (!('rejected' in signed)) return { ...signed, from: { by: 'signature', text: signatureBody } };
    const signedAlias = resolveAlias(signatureBody);
    if (signedAlias && !('rejected' in signedAlias)) return { ...signedAlias, from: { by: 'signature', text: signatureBody } };
  }
  return titled;
}

/** Each traced row's origin in the source document, by the line it was read from. */
function originsOf(lines: Record<string, number>, origins: readonly (Origin | undefined)[]): Record<string, Origin> | undefined {
  const out: Record<string, Origin> = {};
  for (const [path, line] of Object.entries(lines)) {
    const origin = origins[line - 1];
    if (origin) out[path] = origin;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function parseReport(text: string, options: ParseOptions): ParseResult {
  if (text.length > MAX_TEXT_LENGTH) {
    return { ok: false, ...rejection.tooLarge(`${(text.length / 1e6).toFixed(1)} million characters`) };
  }
  const why = unreadable(text);
  if (why) return { ok: false, ...why };

  const lines = toLines(text);
  const twice = repeatedReport(lines);
  if (twice) return { ok: false, ...rejection.moreThanOneReport(twice) };
  const sections = findSections(lines);
  const tables = locateTables(lines, sections);
  const block = titleBlock(lines, sections[0]!.to);
  const { title, lines: titleLines } = titleOf(block);
  const blockText = block.map((l) => l.text).join('\n');
  if (Object.keys(tables).length === 0) {
    return { ok: false, ...rejection.notReport() };
  }
  const year = yearOf(title, lines);
  if (year === null) return { ok: false, ...rejection.noYear() };
  const signature = signatureOf(lines);
  const resolved = decideRegion(blockText, text, signature.body, options.region);
  if ('rejected' in resolved) return { ok: false, ...resolved.rejected };

  const notes = emptyNotes();
  const findings: Finding[] = [];
  const missingTable = (path: string, name: string) =>
    findings.push({ severity: 'error', code: 'table-missing', message: `${path}: table ${name} not found in the report`, path, unread: true });

  const activeResult = tables.active ? readActive(activeLines(lines, tables), notes) : null;
  if (!activeResult) missingTable('active', '主动公开政府信息情况');
  const after = tables.outcomes && tables.applications && tables.outcomes.from > tables.applications.from ? tables.outcomes : null;
  const spilled = tables.outcomes ? figuresBeforeHeader(lines, tables.outcomes) : 0;
  // Lines of section 四 that are table 三's: its last figures, or its last labels (kept in section 四 too).
  const borrowed = after ? (spilled > 0 ? spilled : labelsAfterHeading(lines, tables.applications!, after)) : 0;
  const applicationLines = tables.applications
    ? [...trimAtProse(lines, tables.applications, LAST_ROW), ...(after ? lines.slice(after.from, after.from + borrowed) : [])]
    : null;
  const outcomeRegion = tables.outcomes ? { from: tables.outcomes.from + spilled, to: tables.outcomes.to } : null;
  const { applications, taken } = applicationLines ? readApplicationsAnywhere(applicationLines, outcomeRegion && after ? lines.slice(outcomeRegion.from, outcomeRegion.to) : [], notes) : { applications: null, taken: new Set<Line>() };
  if (!applications) missingTable('applications', '收到和处理政府信息公开申请情况');
  // Table 四's last lines printed after the next heading are table 四's, not that section's prose.
  const outcomesAfter = new Set(tables.outcomes?.after);
  const outcomes = outcomeRegion ? readOutcomes([...trimAtProse(lines, outcomeRegion, /\d/), ...outcomesAfter].filter((l) => !taken.has(l)), notes) : null;
  if (!outcomes) missingTable('review', '行政复议、行政诉讼情况');

  // Cells left unread one by one (a reading that could not tell them) are no figures to check.
  const unreadCells = new Set(notes.findings.flatMap((f) => (f.unread && f.path && /\[\d+\]$/u.test(f.path) ? [f.path] : [])));
  const checks = [...(applications ? checkApplications(applications, unreadCells) : []), ...(outcomes ? checkOutcomes(outcomes) : [])];
  // Table 二 has no sums of its own: its figures are checked against each other and the prose.
  const headings = new Set(sections.slice(1).map((s) => s.from - 1));
  const inTable = (i: number) => headings.has(i) || outcomesAfter.has(lines[i]!) || Object.values(tables).some((r) => i >= r.from && i < r.to);
  const active = activeResult?.active ?? null;
  checks.push(...checkDocuments(active), ...checkRestatements(lines.filter((_, i) => !inTable(i)), active));

  const tableSections = new Set(Object.values(tables).map((r) => r.from));
  const proseSections = sections.slice(1).filter((s) => !tableSections.has(s.from) && !tableOfHeading(s.heading));
  const width = proseWidth(proseSections.flatMap((s) => lines.slice(s.from, s.to)));
  const prose: ProseSection[] = [];
  const intro = toMarkdown(lines.slice(Math.min(titleLines, sections[0]!.to), sections[0]!.to), width);
  if (intro) prose.push({ heading: '', markdown: intro });
  for (const s of proseSections) prose.push({ heading: s.heading, markdown: toMarkdown(lines.slice(s.from, s.to).filter((l) => !outcomesAfter.has(l)), width) });

  const report: Report = {
    source: options.source,
    format: options.format ?? 'txt',
    ...(options.pages !== undefined ? { pages: options.pages } : {}),
    title,
    issuer: resolved.issuer,
    region: resolved.region,
    ...(resolved.from ? { regionFrom: resolved.from } : {}),
    ...(signature.date ? { signed: signature.date } : {}),
    year,
    tableFormat: activeResult?.format ?? '2021',
    active: activeResult?.active ?? null,
    applications,
    review: outcomes?.review ?? null,
    litigationDirect: outcomes?.litigationDirect ?? null,
    litigationAfterReview: outcomes?.litigationAfterReview ?? null,
    consistent: consistentOf(checks),
    checks,
    findings: [...findings, ...notes.findings, ...failedChecks(checks)],
    inferred: notes.inferred,
    lines: notes.lines,
    prose,
  };
  const origins = options.origins ? originsOf(notes.lines, options.origins) : undefined;
  if (origins) report.origins = origins;
  return { ok: true, report };
}
