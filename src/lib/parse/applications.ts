// Section 三 收到和处理政府信息公开申请情况: 25 rows (23 where （六）其他处理 is one row) of seven columns.
import type { Applications, ApplicantRow, Cell, Finding } from '../schema.ts';
import { APPLICANT_COLUMNS } from '../schema.ts';
import type { Line } from './lines.ts';
import { applicantRows, checkApplications, columnWhere } from './checks.ts';
import { unwrapRow } from './cells.ts';
import { orderings } from './blocks.ts';
import { readInGridOrder, type GridReading, type GridSearch } from './grid-order.ts';
import { digitsOf, labelPairs, readInReadingOrder, RETRY_STEPS, rowsPresent, wrapJoins, wrapPoints, type Depth, type GroupSpan, type OrderedRows } from './order.ts';
import { anchorRows, emptyNotes, mergeNotes, readRows, type Notes, type RowDef } from './rows.ts';
import { findFrom, findLabel, labelStart, pieceEnd, pieceText, toStream, type CellToken, type Stream } from './stream.ts';
import { tokenize } from './tokens.ts';

const A = 'applications';
/**
 * 一、本年新收: in reading order its words may stand apart (一、本年, the header's words and the row's
 * cells, then 新收政府信息公开申请数量): its first words or its last.
 */
export const FIRST_ROW = /本年新收|(?<=一、)本年(?!度)|新收政府/;
// Label words, matched on label text without spaces; 査 is a variant of 查 some fonts map to. Long
// labels also by their first words: in reading order a wrapped label's last line may stand far away.
const ROWS: RowDef[] = [
  { path: `${A}.received`, label: FIRST_ROW },
  { path: `${A}.carriedOver`, label: /上年结转/ },
  { path: `${A}.results`, label: /本年度办理结果|办理结果/, group: true },
  { path: `${A}.granted`, label: /予以公开/ },
  { path: `${A}.partlyGranted`, label: /部分公开/ },
  { path: `${A}.denied`, label: /不予公开/, group: true },
  { path: `${A}.denied.stateSecret`, label: /国家秘密|属于国家秘/ },
  { path: `${A}.denied.prohibitedByLaw`, label: /其他法律|法规禁止|禁止公开/ },
  { path: `${A}.denied.endangersSafety`, label: /危及|三安全/ },
  { path: `${A}.denied.thirdPartyRights`, label: /第三方/ },
  { path: `${A}.denied.internalAffairs`, label: /内部事务|三类内部/ },
  { path: `${A}.denied.processInformation`, label: /过程性|四类过程/ },
  { path: `${A}.denied.enforcementRecords`, label: /执法案卷|行政执法/ },
  { path: `${A}.denied.queryMatters`, label: /[查査]询事项|行政[查査]询|属于行政[查査]/ },
  { path: `${A}.unavailable`, label: /无法提供/, group: true },
  { path: `${A}.unavailable.notHeld`, label: /不掌握|本机关不掌/ },
  { path: `${A}.unavailable.needsCreation`, label: /没有现成|另行制作/ },
  { path: `${A}.unavailable.unclear`, label: /补正后|仍不明确/ },
  { path: `${A}.notProcessed`, label: /不予处理/, group: true },
  { path: `${A}.notProcessed.complaints`, label: /信访|举报投诉/ },
  { path: `${A}.notProcessed.repeated`, label: /重复申请/ },
  { path: `${A}.notProcessed.publications`, label: /出版物|公开出版/ },
  { path: `${A}.notProcessed.excessive`, label: /大量反复|理由大量/ },
  { path: `${A}.notProcessed.confirmation`, label: /确认或重新|重新出具|行政机关确认/ },
  // （六）其他处理 prints either three rows or one; which, the rows found below tell.
  { path: `${A}.otherHandling.total`, label: /其他处理/, optional: true, landmark: true },
  { path: `${A}.otherHandling.noCorrection`, label: /不补正|逾期不补/, optional: true },
  { path: `${A}.otherHandling.unpaidFees`, label: /逾期未按|收费通知|缴纳费用/, optional: true },
  { path: `${A}.otherHandling.other`, label: /(?:3|三)\)?[.、]?其他(?!处理)/, optional: true },
  // A narrow label column wraps （七）总计 as （七）总 and 计, which reading order may print far apart.
  { path: `${A}.total`, label: /总计|\(七\)总(?!计)/ },
  { path: `${A}.carriedForward`, label: /结转下年度|下年度继续/ },
];

/** The labels of section 三's groups of rows and each group's first row (order.ts, labelPairs). */
const GROUP_SPANS: GroupSpan[] = [
  { label: /办理结果$/, row: `${A}.granted` },
  { label: /不予公开$/, row: `${A}.denied.stateSecret` },
  { label: /无法提供$/, row: `${A}.unavailable.notHeld` },
  { label: /不予处理$/, row: `${A}.notProcessed.complaints` },
  { label: /其他处理$/, row: `${A}.otherHandling.noCorrection` },
];

const BALANCE_ROWS = new Set([`${A}.received`, `${A}.carriedOver`, `${A}.carriedForward`]);

const blankRow = (): ApplicantRow => Array(APPLICANT_COLUMNS.length).fill(null);

const SHAPE = { width: APPLICANT_COLUMNS.length, lastIsTotal: true };

/** Does this region hold the applications table? Its first two rows are unmistakable. */
export const holdsApplications = (text: string) => /本年新收|新收政府/.test(text) && /上年结转|予以公开/.test(text);

/**
 * Table 二's last header words: a figure right after them in table 三's region is table 二's (reading
 * order printed table 二's last part after section 三's heading, among table 三's labels).
 */
const TABLE_TWO_HEADER = /(?:采购总金额|项目数量|本年增\/?减|收费金额(?:[(（][^)）]{0,16}[)）])?|第二十条第?[(（][一二三四五六七八九][)）]项)$/u;

/** The stream without the figures printed right after table 二's header words. */
export function withoutTableTwoCells(stream: Stream, header = TABLE_TWO_HEADER): Stream {
  const cells = stream.cells.filter((c) => !header.test(stream.text.slice(Math.max(0, c.offset - 24), c.offset)));
  return cells.length === stream.cells.length ? stream : { ...stream, cells };
}

/** The region as a stream (table 二's stray figures left out) and where table 三 starts in it; null where it does not. */
export function tableStream(lines: readonly Line[]): { stream: Stream; from: number } | null {
  const stream = withoutTableTwoCells(toStream(lines));
  const first = findFrom(stream.text, FIRST_ROW, 0);
  return first ? { stream, from: Math.max(0, first.index - 4) } : null;
}

export function readApplications(lines: readonly Line[], notes: Notes): Applications | null {
  const table = tableStream(lines);
  if (!table) return null;
  const { from } = table;
  const putBack = withLastColumnsPutBack(table.stream, from);
  const stream = putBack?.stream ?? table.stream;
  if (putBack) notes.findings.push(putBack.finding);
  const byLabels = emptyNotes();
  const read = toApplications(readRows(stream, ROWS, SHAPE, byLabels, { from }), byLabels);
  const complete = !byLabels.findings.some((f) => f.code === 'row-missing');
  // A row holding more cells than the table has columns (the next rows' cells printed under its label)
  // is unread: identities over unread rows hold vacuously and say nothing.
  const crowded = byLabels.findings.some((f) => f.code === 'cells-unplaced') || byLabels.inferred.some((i) => i.rule.startsWith('surplus-cells-dropped'));
  if (complete && !crowded && checkApplications(read).every((c) => c.ok)) return keep(read, byLabels, notes);
  // Reading by labels does not add up. Only where the text shows reading order's marks (row labels not
  // found in table order, or crowded rows) is it read again as reading order: a layout text whose own
  // figures do not add up keeps its figures as printed.
  // All the cells printed after all the labels, in neither row nor column order, is reading order's
  // mark too: read as reading order, kept only where the whole table then adds up.
  const afterLabels = byLabels.inferred.some((i) => i.rule.startsWith('cells-after-labels'));
  if (complete && !crowded && !afterLabels) {
    // Its figures each on a line of their own, none beside a label: the text's order alone placed
    // them, and in reading order a blank row's figures may stand under the next row's label. Kept as
    // read, but the failing identities may be the reading's, not the report's: said so.
    if (figuresApart(stream, from)) byLabels.findings.push({ severity: 'warning', code: 'order-doubtful', message: `${A}: its figures stand on lines of their own, apart from its labels, and do not add up; any of them may be another row's`, path: A });
    return keep(read, byLabels, notes);
  }
  // A row whose label is nowhere in the region is no reading-order mark: cutting the cells into the
  // other rows would shift its figures into its neighbours' and the totals would still add up.
  if (!ROWS.filter((d) => !d.group && !d.optional).every((d) => findLabel(stream, d.label, from))) return keep(read, byLabels, notes);
  const runs = readInRuns(stream, from);
  if (runs) return keep(runs.applications, runs.notes, notes);
  const ordered = readOrdered(stream, from);
  if (ordered && checkApplications(ordered.applications).every((c) => c.ok)) return keep(ordered.applications, ordered.notes, notes);
  const headed = readWithHeadedCells(stream, from);
  if (headed) return keep(headed.applications, headed.notes, notes);
  const pieces = readWithFirstRowInPieces(stream, from);
  if (pieces) return keep(pieces.applications, pieces.notes, notes);
  const apart = readRowsApart(stream, from);
  if (apart) return keep(apart.applications, apart.notes, notes);
  const pages = readInPages(stream, from);
  if (pages) return keep(pages.applications, pages.notes, notes);
  const unwrapped = readWithFiguresWrapped(stream, from);
  if (unwrapped) return keep(unwrapped.applications, unwrapped.notes, notes);
  const grid = readAsGrid(stream, from);
  if (grid && !grid.partial) return keep(grid.applications, grid.notes, notes);
  const around = readWithDigitsAroundLabels(lines, stream, from);
  if (around) return keep(around.applications, around.notes, notes);
  // Rows left blank that printed nothing may be any of several (the sums do not say which): where the
  // orders disagree, the reading by labels, whose labels say, goes first.
  if (grid && !grid.blankRows) return keep(grid.applications, grid.notes, notes);
  // Neither reading adds up, in text that shows reading order's marks: a cell no identity vouches for
  // was likely cut from other rows' figures. Unread, not wrong.
  const left = unreadUnbalanced(read, byLabels);
  // What is left still does not add up: in text printed in reading order that says nothing of which
  // figures are off, so every row of the table is in doubt (a blank row may hold another row's figures).
  // The grid's cells, each the same under every order that adds up, are then the surer reading; so
  // they are too where they are as many as the labels' reading keeps.
  const leftAddsUp = checkApplications(left).every((c) => c.ok);
  if (grid && (!leftAddsUp || cellsRead(grid.applications) >= cellsRead(left))) return keep(grid.applications, grid.notes, notes);
  if (!leftAddsUp) {
    byLabels.findings.push({ severity: 'warning', code: 'order-doubtful', message: `${A}: printed in reading order and no reading of it adds up; any of its figures may be another row's or column's`, path: A });
  }
  return keep(left, byLabels, notes);
}

/**
 * The table with the cells that no identity vouches for left unread (null): a cell whose row does not
 * add up to its 总计 and whose column's identity over that row (（七）总计 = （一）..（六）, or
 * 一 + 二 = 三（七） + 四) fails too. Each row touched gets a finding. Only for reading-order text that
 * no reading makes add up: there such a cell was cut from the wrong figures; a layout text's own
 * arithmetic errors are kept as printed.
 */
export function unreadUnbalanced(read: Applications, notes: Notes): Applications {
  const checks = checkApplications(read);
  const rowsOff = new Set(checks.filter((c) => c.identity === 'rowTotal' && !c.ok).map((c) => c.where));
  if (rowsOff.size === 0) return read;
  const column = (identity: string, c: number) => checks.find((k) => k.identity === identity && k.where === columnWhere(c))?.ok ?? true;
  const out: Applications = structuredClone(read);
  for (const [path, row] of applicantRows(out)) {
    if (!row || !rowsOff.has(path)) continue;
    const identity = BALANCE_ROWS.has(path) ? 'balance' : 'columnTotal';
    const cleared: number[] = [];
    row.forEach((v, c) => {
      if (v === null || column(identity, c) && (path !== `${A}.total` || column('balance', c))) return;
      row[c] = null;
      cleared.push(c);
    });
    if (cleared.length === 0) continue;
    notes.inferred = notes.inferred.filter((i) => !cleared.some((c) => i.path === `${path}[${c}]`));
    notes.findings.push({ severity: 'warning', code: 'cells-unplaced', message: `${path}: its figures do not add up to its total and columns ${cleared.join(', ')} fail the table's identities (text printed in reading order); those cells left unread`, path, unread: true });
  }
  return out;
}

/** How many of the table's cells hold a figure. */
const cellsRead = (read: Applications) => applicantRows(read).reduce((n, [, row]) => n + (row ?? []).filter((v) => v !== null).length, 0);

/** No figure of the table stands on a line that holds label text: each stands on a line of its own. */
function figuresApart(stream: Stream, from: number): boolean {
  const labelLines = new Set(stream.lineAt.slice(from));
  const figures = stream.cells.filter((c) => c.offset >= from && c.token.kind === 'number');
  return figures.length > 0 && !figures.some((c) => labelLines.has(c.token.line));
}

function keep(applications: Applications, from: Notes, into: Notes): Applications {
  mergeNotes(from, into);
  return applications;
}

/** The rows whose labels the region holds, wherever they stand; （六）其他处理 as one row or three. */
function orderedRows(stream: Stream, from: number): { defs: RowDef[]; rows: RowDef[] } {
  const detailed = ROWS.filter((d) => /otherHandling\.(?!total)/.test(d.path)).some((d) => findLabel(stream, d.label, from));
  const defs = ROWS.filter((d) => !(detailed && d.path === `${A}.otherHandling.total`));
  return { defs, rows: rowsPresent(stream, defs, from) };
}

/** How many cells the rows present lack in the region (rows × columns less the cells printed); 0 where none. */
function cellsShort(lines: readonly Line[]): number {
  const table = tableStream(lines);
  if (!table) return 0;
  const { stream, from } = table;
  const printed = stream.cells.filter((c) => c.offset >= from).length;
  return Math.max(0, orderedRows(stream, from).rows.length * SHAPE.width - printed);
}

/** A line's cells (figures and blank marks), in order. */
const cellsOf = (line: Line) => tokenize(line).filter((t): t is CellToken => t.kind !== 'text');
const cellCount = (line: Line) => cellsOf(line).length;

/** Runs of neighbouring lines that hold figures (or blank marks) and nothing else. */
export function figureRuns(lines: readonly Line[]): Line[][] {
  const runs: Line[][] = [];
  let run: Line[] = [];
  for (const line of lines) {
    const tokens = tokenize(line);
    if (tokens.length > 0 && tokens.every((t) => t.kind !== 'text')) run.push(line);
    else if (run.length > 0) runs.push(run), (run = []);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The last lines of `run` that hold exactly `count` cells; null where no line boundary falls there. */
function lastCells(run: readonly Line[], count: number): Line[] | null {
  let cells = 0;
  for (let i = run.length - 1; i >= 0; i--) {
    cells += cellCount(run[i]!);
    if (cells === count) return run.slice(i);
    if (cells > count) return null;
  }
  return null;
}

/**
 * Table 三 completed by its last cells printed among section 四's figures: reading order may print
 * the last rows' final columns after section 四's heading, even after some of its figures (a
 * converter that takes a page's text in blocks). Where the table's rows lack n cells, the last n
 * figures of each run of figure lines in section 四 (`runs`) are tried after the table's own; taken
 * only where the table then reads whole with every identity holding, the last of them as its last
 * cell, and only one run does so.
 * Returns the table, its notes (a warning says where its cells came from) and the lines taken.
 */
export function readWithSpilledCells(lines: readonly Line[], runs: readonly Line[][]): { applications: Applications; notes: Notes; taken: Line[] } | null {
  const short = cellsShort(lines);
  if (short === 0) return null;
  const found = [...runEndReadings(runs, short, (taken) => readWithLinesAfter(lines, taken))];
  if (found.length === 0) return readWithRowApart(lines, runs, short) ?? readWithCellsApart(lines, runs, short);
  if (found.length !== 1) return null;
  const { notes, taken } = found[0]!;
  notes.findings.push({
    severity: 'warning',
    code: 'cells-inferred',
    message: `${A}: its last ${short} cells read from lines ${taken[0]!.no}–${taken.at(-1)!.no}, printed among section 四's figures (text in reading order); the table adds up with them`,
    path: A,
  });
  return found[0]!;
}

/**
 * For each run, its last `short` cells' lines read by `read`, where it reads them. Runs that end in
 * the same lines (section 四's rows of 0s or 无) read alike: each text read once, its reading given
 * again for every such run (two runs so read are still two).
 */
function* runEndReadings<T>(runs: readonly Line[][], short: number, read: (taken: Line[]) => T | null): Generator<T> {
  const readings = new Map<string, T | null>();
  for (const run of runs) {
    const taken = lastCells(run, short);
    if (!taken) continue;
    const text = taken.map((l) => l.text).join('\n');
    if (!readings.has(text)) readings.set(text, read(taken));
    const reading = readings.get(text);
    if (reading) yield reading;
  }
}

/** The table read with `taken` after its lines, where it then reads whole, adding up, `taken`'s last figure its last cell. */
function readWithLinesAfter(lines: readonly Line[], taken: Line[]): { applications: Applications; notes: Notes; taken: Line[] } | null {
  const notes = emptyNotes();
  const applications = readApplications([...lines, ...taken], notes);
  if (!applications || notes.findings.some((f) => f.unread) || !checkApplications(applications).every((c) => c.ok)) return null;
  // They are the table's end only where the last of them is its last cell (结转下年度's 总计): figures
  // of a row in the middle, appended, would add up as well in any row whose figures are all 0.
  const last = tokenize(taken.at(-1)!).at(-1)!;
  if ((last.kind === 'number' ? last.value : null) !== (applications.carriedForward?.[SHAPE.width - 1] ?? null)) return null;
  return { applications, notes, taken };
}

/** Columns whose header words LibreOffice may print after the first rows' other cells: 其他 and 总计. */
const LAST_TWO_COLUMNS = 2;
/** First rows printed so, at most (the header's height spans two or three rows). */
const MAX_ROWS_BEFORE_HEADER = 3;

/**
 * The stream with the first rows' last two cells put back after each row's first five, where
 * LibreOffice printed the header words 其他 and 总计 (header cells spanning the header's rows) after
 * the first rows' first five cells and then those rows' 其他 and 总计 cells, row by row. Taken only
 * where the counts fit exactly (five cells a row before the header words, two a row after them, up to
 * the next label text) and every row so joined adds up to its 总计; null where the text is not so.
 */
export function withLastColumnsPutBack(stream: Stream, from: number): { stream: Stream; finding: Finding } | null {
  const first = stream.cells.findIndex((c) => c.offset >= from);
  if (first < 0) return null;
  const header = stream.pieces.findIndex((start, k) => start > stream.cells[first]!.offset && OTHERS_HEADER.test(pieceText(stream, k)));
  if (header < 0) return null;
  let last = header;
  while (last + 1 < stream.pieces.length && last - header < LAST_TWO_COLUMNS - 1 && OTHERS_HEADER.test(pieceText(stream, last + 1))) last++;
  const headerStart = stream.pieces[header]!;
  const tailEnd = stream.pieces[last + 1] ?? Infinity;
  const heads = stream.cells.slice(first).filter((c) => c.offset <= headerStart);
  const tails = stream.cells.filter((c) => c.offset >= pieceEnd(stream, last) && c.offset <= tailEnd);
  const rows = tails.length / LAST_TWO_COLUMNS;
  const headWidth = SHAPE.width - LAST_TWO_COLUMNS;
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_ROWS_BEFORE_HEADER || heads.length !== rows * headWidth) return null;
  const joined = Array.from({ length: rows }, (_, r) => [...heads.slice(r * headWidth, (r + 1) * headWidth), ...tails.slice(r * LAST_TWO_COLUMNS, (r + 1) * LAST_TWO_COLUMNS)]);
  if (!joined.every((row) => addsUpAsPrinted(row.map((c) => c.token)))) return null;
  const moved = new Set(tails);
  const cells = stream.cells.filter((c) => !moved.has(c));
  // Each row's last two cells at its fifth's offset, so they stand where the row's label put the rest.
  cells.splice(first, heads.length, ...joined.flatMap((row) => row.map((c, i) => (i < headWidth ? c : { ...c, offset: row[headWidth - 1]!.offset }))));
  return {
    stream: { ...stream, cells },
    finding: {
      severity: 'info',
      code: 'cells-inferred',
      message: `${A}: the first ${rows === 1 ? 'row\'s' : `${rows} rows'`} 其他 and 总计 cells read from lines ${tails[0]!.token.line}–${tails.at(-1)!.token.line}, printed after those columns' header words, row by row (text in reading order); each row adds up with them`,
      path: A,
    },
  };
}

/** The header words of the last columns, joined as the stream joins label text. */
const LAST_COLUMNS_HEADER = /法律服务机构/;
const HEADER_PIECE = /^(?:法律服务机构|法律服务?|务?机构|其他|总计)$/u;

/**
 * Table 三 whose first row's last cells were printed with their columns' header words, further down
 * (LibreOffice's text takes the header cells of 法律服务机构, 其他 and the first row's cells under them
 * as one block, which may land among later rows' cells). Where 法律服务机构 stands after some of the
 * table's cells, the cells from it up to the next label text that is no column header are taken as
 * the first row's last cells, after the first row's others; read only where the table then reads
 * (a quarter of the search steps: it runs after a full reading failed) with every identity holding
 * and no other cut reading another table that does.
 */
function readWithHeadedCells(stream: Stream, from: number): { applications: Applications; notes: Notes } | null {
  const first = stream.cells.findIndex((c) => c.offset >= from);
  const header = first < 0 ? null : findFrom(stream.text, LAST_COLUMNS_HEADER, stream.cells[first]!.offset + 1);
  if (!header) return null;
  // The block ends at the first piece of label text after the header that is no column header.
  const next = stream.pieces.findIndex((start, k) => start >= header.end && !HEADER_PIECE.test(pieceText(stream, k)));
  const end = next < 0 ? Infinity : stream.pieces[next]!;
  const block = stream.cells.filter((c) => c.offset >= header.end && c.offset <= end);
  const kept = SHAPE.width - block.length;
  if (block.length === 0 || kept < 2) return null;
  const rest = stream.cells.filter((c) => !block.includes(c));
  const at = first + kept;
  if (at > rest.length) return null;
  const row = [...rest.slice(first, at), ...block].map((c) => c.token);
  if (!addsUpInSomeOrder(row)) return null;
  const cells = [...rest.slice(0, at), ...block.map((c) => ({ ...c, offset: rest[at - 1]!.offset })), ...rest.slice(at)];
  const read = readOrdered({ ...stream, cells }, from, 'all', RETRY_STEPS);
  if (!read || !read.ordered.certain() || read.ordered.partial > 0 || !checkApplications(read.applications).every((c) => c.ok)) return null;
  read.notes.findings.push({
    severity: 'warning',
    code: 'cells-inferred',
    message: `${A}: ${A}.received's last ${block.length} cells read from lines ${block[0]!.token.line}–${block.at(-1)!.token.line}, printed with the header words 法律服务机构 and 其他 among later rows (text in reading order); the table adds up with them`,
    path: A,
  });
  return read;
}

/** The header words of the columns 科研机构, 社会公益组织 and 法律服务机构, where their cells' block starts. */
const MIDDLE_COLUMNS_HEADER = /科研机/;
/** Label text that is no more than the applicant columns' header words (set in pieces, in any order). */
const ONLY_HEADER_WORDS = /^[科研机构社会公益组织法律服务商业企其他总计]*$/u;
const OTHERS_HEADER = /^(?:其他|总计)$/u;
/** Rows after the first printed in two passes with it, at most (as readTwoPass's blocks). */
const MAX_PIECE_ROWS = 5;
/** Rows cut alike printed column by column in both passes, at most (a tall label's rows). */
const MAX_PIECE_GROUP = 3;
/** Orders of those rows' cells checked against the whole table, at most. */
const MAX_PIECE_READINGS = 16;
/** Steps of the search over interleaved last rows, for each order read (an eighth of a retry's). */
const PIECE_STEPS = { search: RETRY_STEPS.search / 8, decode: 0 };

/**
 * Table 三 whose first row LibreOffice printed in column pieces with the header words: the header
 * cells of 科研机构, 社会公益组织 and 法律服务机构 and the first row's cells under them as one block,
 * then its 自然人 cell, then its 商业企业 cell (after that header's words), and its 其他 and 总计
 * cells after those header words, which may stand after the first cells of the next rows (those rows
 * then print in two passes: their first cells before 其他/总计, the rest after). So the first five
 * cells after the header words 科研机 are the row's third to fifth, first and second cells; its last
 * two the first after 其他 (where that header stands later), with only figures between. Every cut of
 * the next rows' two passes in which each row adds up is tried; the table is taken only where exactly
 * one of them reads (in table order, no doubt in the cut) a table passing every identity.
 */
function readWithFirstRowInPieces(stream: Stream, from: number, fixed?: FixedRows, doubt?: { found: boolean }): { applications: Applications; notes: Notes } | null {
  const first = stream.cells.findIndex((c) => c.offset >= from);
  if (first < 0 || first + SHAPE.width > stream.cells.length) return null;
  const header = findFrom(stream.text, MIDDLE_COLUMNS_HEADER, from);
  if (!header || stream.cells[first]!.offset <= header.index) return null;
  const head = stream.cells.slice(first, first + 5);
  if (!ONLY_HEADER_WORDS.test(stream.text.slice(header.index, head.at(-1)!.offset))) return null;
  // Where 其他 stands after the five cells, the row's last two follow it; figures alone stand between.
  // A piece starts at the offset of the cells printed just before it: those stand at or before its start.
  const last = head.at(-1)!.offset;
  const others = stream.pieces.findIndex((start, k) => start >= last && OTHERS_HEADER.test(pieceText(stream, k)));
  let tail = first + 5;
  if (others >= 0 && ONLY_HEADER_WORDS.test(stream.text.slice(last, stream.pieces[others]!))) {
    let end = others;
    while (stream.pieces[end + 1] !== undefined && OTHERS_HEADER.test(pieceText(stream, end + 1))) end++;
    const after = pieceEnd(stream, end);
    const next = stream.cells.findIndex((c, i) => i >= first + 5 && c.offset >= after && c.offset > stream.pieces[others]!);
    if (next >= 0) tail = next;
  }
  if (tail < first + 5 || tail + 2 > stream.cells.length) return null;
  const offset = head[0]!.offset;
  const row = [head[3]!, head[4]!, head[0]!, head[1]!, head[2]!, stream.cells[tail]!, stream.cells[tail + 1]!].map((c) => ({ ...c, offset }));
  if (!addsUpAsPrinted(row.map((c) => c.token))) return null;
  const heads = stream.cells.slice(first + 5, tail);
  const rest = stream.cells.slice(tail + 2);
  const found = new Map<string, { applications: Applications; notes: Notes }>();
  let checked = 0;
  for (const block of twoPassOrders(heads, rest, SHAPE.width)) {
    if (++checked > MAX_PIECE_READINGS) return doubted(doubt);
    const cells = [...stream.cells.slice(0, first), ...row, ...block];
    const read = readOrdered({ ...stream, cells }, from, 'untangled', PIECE_STEPS, fixed);
    if (!read || !read.ordered.certain() || read.ordered.partial > 0 || !checkApplications(read.applications).every((c) => c.ok)) continue;
    found.set(JSON.stringify(read.applications), read);
    if (found.size > 1) return doubted(doubt);
  }
  return theOneReading(found, `${A}.received's cells read in the pieces LibreOffice prints with the header words (科研机构 to 法律服务机构, 自然人, 商业企业, then 其他 and 总计${heads.length > 0 ? `, after the first ${heads.length} cells of the next rows, printed in two passes` : ''}) (text in reading order); the one reading under which the table adds up`);
}

/**
 * The cells after a first row printed apart, with the next rows put back in order where they were
 * printed in two passes (`heads`: their first cells, all printed before `rest`, which starts with the
 * rest of their cells): every number of rows and cut of each row whose row adds up to its total and
 * prints its empty cells one way, distinct orders of figures only. No heads: the cells as printed.
 */
function* twoPassOrders<T extends { token: CellToken }>(heads: readonly T[], rest: readonly T[], width: number): Generator<T[]> {
  if (heads.length === 0) {
    yield [...rest];
    return;
  }
  const fits = (cells: readonly T[]) => addsUpAsPrinted(cells.map((c) => c.token));
  const seen = new Set<string>();
  for (let k = 1; k <= MAX_PIECE_ROWS; k++) {
    const tails = k * width - heads.length;
    if (heads.length < k || tails < k || tails > rest.length) continue;
    // Rows j.. with `h` first-pass and `t` second-pass cells taken so far.
    const walk = function* (j: number, h: number, t: number, rows: T[][]): Generator<T[][]> {
      if (j === k) {
        if (h === heads.length) yield rows;
        return;
      }
      for (let cut = 1; cut < width && h + cut <= heads.length; cut++) {
        const cells = [...heads.slice(h, h + cut), ...rest.slice(t, t + width - cut)];
        if (fits(cells)) yield* walk(j + 1, h + cut, t + width - cut, [...rows, cells]);
        // Two or three rows cut alike printed column by column in both passes (a tall label's rows).
        for (let g = 2; g <= MAX_PIECE_GROUP; g++) {
          if (j + g > k || h + g * cut > heads.length) break;
          const group = [...heads.slice(h, h + g * cut), ...rest.slice(t, t + g * (width - cut))];
          const parts = Array.from({ length: g }, (_, q) => group.filter((_, i) => i % g === q));
          if (parts.every(fits)) yield* walk(j + g, h + g * cut, t + g * (width - cut), [...rows, ...parts]);
        }
      }
    };
    for (const rows of walk(0, 0, 0, [])) {
      const order = [...rows.flat(), ...rest.slice(tails)];
      const key = order.map((c) => value(c) ?? '-').join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      yield order;
    }
  }
}

/** No reading, where the search gave up or found two: said so in `doubt` (a caller's give-up is no "no"). */
function doubted(doubt?: { found: boolean }): null {
  if (doubt) doubt.found = true;
  return null;
}

/** Rows read apart from the cells the reading cuts: their values, lines and the rule that read them. */
interface FixedRows {
  values: ReadonlyMap<string, Cell[]>;
  lines: ReadonlyMap<string, number>;
  rule: string;
}

/** Table 二's last header words of the 2019 format, read only by readInRuns (table 二's figures after them). */
const TABLE_TWO_TOTAL_HEADER = /对外公开总数量$/u;
/** Of a run's rows, at most this many last ones printed column by column. */
const MAX_TRANSPOSED_ROWS = 4;
/** Readings of the later runs joined with the first run's readings, at most. */
const MAX_RUN_READINGS = 4;
const RUN_RULE = 'reading-order-runs: the rows of a run of labels read from the run of figures after it, row by row (its last rows maybe column by column)';

/**
 * The cells of a run of `rows` whole rows: row by row, or with its last 2 to MAX_TRANSPOSED_ROWS rows
 * printed column by column (LibreOffice's text of the table's last rows, whose labels span the
 * header columns); each distinct reading in which every row adds up to its total.
 */
function runReadings(cells: readonly Cell[], rows: number): Cell[][][] {
  const found = new Map<string, Cell[][]>();
  for (let k = 0; k <= Math.min(rows, MAX_TRANSPOSED_ROWS); k++) {
    if (k === 1) continue;
    const head = (rows - k) * SHAPE.width;
    const table = Array.from({ length: rows - k }, (_, r) => cells.slice(r * SHAPE.width, (r + 1) * SHAPE.width));
    for (let r = 0; r < k; r++) table.push(Array.from({ length: SHAPE.width }, (_, c) => cells[head + c * k + r]!));
    if (table.every((row) => sumsToTotal(row))) found.set(JSON.stringify(table), table);
  }
  return [...found.values()];
}

/**
 * Whether the table's first cells stand among the header words of its columns, as LibreOffice prints
 * a first row in column pieces (readWithFirstRowInPieces): after 科研机构 to 法律服务机构, with more
 * header words (商业企业) after the first of them and before its fifth.
 */
function firstRowInPieces(stream: Stream, from: number): boolean {
  const first = stream.cells.findIndex((c) => c.offset >= from);
  const header = findFrom(stream.text, MIDDLE_COLUMNS_HEADER, from);
  if (first < 0 || !header || first + 5 > stream.cells.length || stream.cells[first]!.offset <= header.index) return false;
  const fifth = stream.cells[first + 4]!.offset;
  return fifth > stream.cells[first]!.offset && ONLY_HEADER_WORDS.test(stream.text.slice(header.index, fifth));
}

/**
 * Table 三 printed as runs of labels each followed by a run of figures (LibreOffice's text of a table
 * over several pages: each page's labels, then its figures). From the table's end back, each run of
 * figures that holds whole rows, n × 7 cells, and follows label text holding the labels of the table's
 * n rows before the runs after it, is read as those rows (`runReadings`); the cells before the first
 * such run are read as the table's first rows, with the later runs' rows as read: by the rule for a
 * first row in column pieces where its first cells stand among the header words, else cut in table
 * order (no doubt in the cut), or, where that cut does not add up, with the groups' first rows in
 * pieces (`readWithRowsInPieces`). Taken only where exactly one table passes every identity over all
 * the later runs' readings. Tried before the readings of the whole table: where its runs are found,
 * the whole table's searches (rows interleaved anywhere) only spend their budgets.
 */
function readInRuns(whole: Stream, from: number): { applications: Applications; notes: Notes } | null {
  const stream = withoutTableTwoCells(whole, TABLE_TWO_TOTAL_HEADER);
  const { rows } = orderedRows(stream, from);
  const first = stream.cells.findIndex((c) => c.offset >= from);
  if (first < 0) return null;
  const runs = cellRuns(stream, first);
  const blocks: { rows: RowDef[]; start: number; end: number }[] = [];
  let end = rows.length;
  // Where the label text after the run ends: the next run's cells (the text's end after the last).
  let next = stream.text.length;
  for (let k = runs.length - 1; k >= 1; k--) {
    const [start, stop] = runs[k]!;
    const n = (stop - start) / SHAPE.width;
    // The first rows stay before the runs (at least one).
    if (!Number.isInteger(n) || n < 1 || n >= end) break;
    const own = rows.slice(end - n, end);
    const labelsFrom = stream.cells[runs[k - 1]![0]]!.offset;
    const labelsTo = stream.cells[start]!.offset;
    // Each row's label among the labels before the run; the last row's, wrapped over the page's end,
    // may be found only in the label text after it.
    const at = (d: RowDef) => findLabel(stream, d.label, labelsFrom)?.index ?? Infinity;
    if (!own.every((d, r) => at(d) < (r === n - 1 ? next : labelsTo))) break;
    blocks.unshift({ rows: own, start, end: stop });
    end -= n;
    next = labelsTo;
  }
  if (blocks.length === 0) return null;
  // A run none of whose readings adds up may hold 2 to MAX_TRANSPOSED_ROWS rows column by column
  // amid it (LibreOffice: the rows beside short labels, as 3.其他 and （七）总计 before 四、结转下年度).
  const readings = blocks.map((b) => {
    const cells = stream.cells.slice(b.start, b.end);
    const read = runReadings(cells.map(value), b.rows.length);
    return read.length > 0 ? read : (printedRows(cells) ?? []).map((rows) => rows.map((row) => row.map(value)));
  });
  if (readings.reduce((a, r) => a * r.length, 1) > MAX_RUN_READINGS || readings.some((r) => r.length === 0)) return null;
  const combos = everyCombination(readings);
  const lines = new Map(blocks.flatMap((b) => b.rows.map((d, r) => [d.path, stream.cells[b.start + r * SHAPE.width]?.token.line ?? stream.cells[b.start]!.token.line] as const)));
  const headStream = { ...stream, cells: stream.cells.slice(0, blocks[0]!.start) };
  const pieces = firstRowInPieces(headStream, from);
  const found = new Map<string, { applications: Applications; notes: Notes }>();
  for (const combo of combos) {
    const values = new Map(blocks.flatMap((b, i) => b.rows.map((d, r) => [d.path, combo[i]![r]!] as const)));
    const fixed: FixedRows = { values, lines, rule: RUN_RULE };
    // The first row in pieces with the header words is read so alone: cut in table order, those
    // cells make other tables, which may add up as well where most figures are 0.
    // A reading in doubt, or a search given up, under any of the later runs' readings leaves the
    // table unread: another table may pass there.
    const doubt = { found: false };
    const ordered = pieces ? null : readOrdered(headStream, from, 'all', RETRY_STEPS, fixed);
    if (ordered && (!ordered.ordered.certain() || ordered.ordered.partial > 0)) return null;
    const read = pieces ? readWithFirstRowInPieces(headStream, from, fixed, doubt) : ordered && checkApplications(ordered.applications).every((c) => c.ok) ? ordered : readWithRowsInPieces(headStream, from, fixed, doubt);
    if (doubt.found) return null;
    if (!read) continue;
    found.set(JSON.stringify(read.applications), read);
    if (found.size > 1) return null;
  }
  return theOneReading(found, `printed as runs of labels each followed by its rows' figures (text in reading order, a page at a time): the last ${blocks.reduce((a, b) => a + b.rows.length, 0)} rows read from ${blocks.length} such runs, the first rows from the cells before them; the one reading under which the table adds up`);
}

/** Steps of the walk over the cells of rows printed in pieces (`readWithRowsInPieces`), at most. */
const MAX_PIECE_STEPS = 20000;
const ROW_PIECES_RULE = 'reading-order-row-pieces: the rows read in table order, each group\'s first row from its first two cells (after its label), the two with its group\'s label and its last three (anywhere)';

/**
 * The first rows of a table 三 whose groups' first rows print in pieces (LibreOffice: the group's label
 * block holds the row's third and fourth cells, `labelPairs`; its first two and its last three cells
 * each print as a block of their own, the last three often before the rows above it and before its
 * own label, the first two after its label). With those pairs taken out, the other rows' cells print
 * row by row in table order, and each split row's two pieces among them: its first two after its
 * label (else two groups' first rows could trade pieces, which no identity tells), its last three
 * anywhere. Every walk of the cells so is made (rows adding up, no blank marks); taken only where
 * exactly one table passes every identity with the `fixed` rows. A walk given up is a doubt.
 */
function readWithRowsInPieces(stream: Stream, from: number, fixed: FixedRows, doubt: { found: boolean }): { applications: Applications; notes: Notes } | null {
  const { defs, rows: present } = orderedRows(stream, from);
  const rows = present.filter((d) => !fixed.values.has(d.path));
  const first = stream.cells.findIndex((c) => c.offset >= from);
  if (first < 0 || rows.length === 0) return null;
  const tokens = stream.cells.slice(first);
  const pairs = labelPairs(stream, tokens, rows, GROUP_SPANS);
  if (pairs.length === 0 || tokens.some((c) => value(c) === null)) return null;
  const taken = new Set(pairs.flatMap((p) => [p.index, p.index + 1]));
  const cells = tokens.filter((_, i) => !taken.has(i));
  if (cells.length !== rows.length * SHAPE.width - pairs.length * 2) return null;
  const at = labelsInOrder(stream, rows, from);
  if (!at) return null;
  const split = new Set(pairs.map((p) => p.row));
  // The floating pieces: each split row's first two cells (after its label) and its last three.
  const pieces = pairs.flatMap((p) => [{ row: p.row, at: 0, size: 2, after: at[p.row]! }, { row: p.row, at: 4, size: 3, after: -1 }]);
  const found = new Map<string, { applications: Applications; notes: Notes }>();
  let steps = 0;
  const placed: (StreamCell | undefined)[][] = rows.map(() => Array<StreamCell | undefined>(SHAPE.width));
  for (const p of pairs) [placed[p.row]![2], placed[p.row]![3]] = [tokens[p.index]!, tokens[p.index + 1]!];
  const walk = (i: number, r: number, used: number): boolean => {
    if (++steps > MAX_PIECE_STEPS) return false;
    while (r < rows.length && split.has(r)) r++;
    if (i === cells.length) {
      if (r < rows.length || used !== (1 << pieces.length) - 1) return true;
      if (!pairs.every((p) => sumsToTotal(placed[p.row]!.map((c) => value(c!)), { whole: true }))) return true;
      const values = new Map(rows.map((d, k) => [d.path, placed[k]!.map((c) => value(c!))] as const));
      const notes = emptyNotes();
      const all = new Map([...defs].filter((d) => !d.group && !d.optional).map((d) => [d.path, null] as [string, Cell[] | null]).concat([...values, ...fixed.values]));
      const applications = toApplications(all, notes, new Set([...values.keys(), ...fixed.values.keys()]));
      if (!checkApplications(applications).every((k) => k.ok)) return true;
      rows.forEach((d, k) => markRead(notes, d.path, ROW_PIECES_RULE, placed[k]![0]!.token.line));
      for (const path of fixed.values.keys()) markRead(notes, path, fixed.rule, fixed.lines.get(path));
      found.set(JSON.stringify(applications), { applications, notes });
      return true;
    }
    if (r < rows.length && i + SHAPE.width <= cells.length) {
      const row = cells.slice(i, i + SHAPE.width);
      if (sumsToTotal(row.map(value), { whole: true })) {
        placed[r] = row;
        if (!walk(i + SHAPE.width, r + 1, used)) return false;
        placed[r] = Array<StreamCell | undefined>(SHAPE.width);
      }
    }
    for (let k = 0; k < pieces.length; k++) {
      const { row, at: cell, size, after } = pieces[k]!;
      if (used & (1 << k) || i + size > cells.length || cells[i]!.offset <= after) continue;
      const before = placed[row]!.slice(cell, cell + size);
      placed[row]!.splice(cell, size, ...cells.slice(i, i + size));
      const go = walk(i + size, r, used | (1 << k));
      placed[row]!.splice(cell, size, ...before);
      if (!go) return false;
    }
    return true;
  };
  const done = walk(0, 0, 0);
  if (!done || found.size > 1) {
    doubt.found = true;
    return null;
  }
  return found.size === 1 ? [...found.values()][0]! : null;
}

/** At most this many figures wrapped inside their cells are joined (`readWithFiguresWrapped`). */
const MAX_WRAPS = 8;
/** At most this many sets of joins whose figures may be the table's are read; more leaves it unread. */
const MAX_WRAP_READINGS = 2;

/**
 * Table 三 whose figures were too wide for their cells, each going on on its cell's next line
 * (LibreOffice, full-width digits in narrow columns; `wrapJoins`): the region then holds one figure
 * more per wrap than its rows have cells. Every set of that many joins is made; a set whose figures
 * cannot be the table's (`sumsAsTableMay`) is dropped unread, the others (a few: each a search of a
 * quarter of the steps) read in reading order. Taken only where exactly one set gives a reading that
 * passes every identity, and that reading is certain.
 */
function readWithFiguresWrapped(stream: Stream, from: number): { applications: Applications; notes: Notes } | null {
  const first = stream.cells.findIndex((c) => c.offset >= from);
  if (first < 0) return null;
  const joins = stream.cells.length - first - orderedRows(stream, from).rows.length * SHAPE.width;
  const wrapped = joins <= MAX_WRAPS ? wrapJoins(stream.cells.slice(first), joins) : null;
  if (!wrapped) return null;
  const candidates = wrapped.sets.filter((cells) => sumsAsTableMay(cells.map(value)));
  if (candidates.length === 0 || candidates.length > MAX_WRAP_READINGS) return null;
  const found = new Map<string, { applications: Applications; notes: Notes }>();
  for (const cells of candidates) {
    const read = readOrdered({ ...stream, cells: [...stream.cells.slice(0, first), ...cells] }, from, 'all', RETRY_STEPS);
    if (!read || !checkApplications(read.applications).every((c) => c.ok)) continue;
    // Another table passing under the same joins is as much a doubt as one under other joins.
    if (!read.ordered.certain() || read.ordered.partial > 0) return null;
    found.set(JSON.stringify(read.applications), read);
  }
  return theOneReading(found, `${joins} figures too wide for their cells printed over two lines, ${wrapped.width} digits then the rest (text in reading order, full-width digits): of the ${wrapped.sets.length} ways to join as many such pairs, the one under which the table adds up`);
}

/**
 * Rows in order, at most three begun at once (LibreOffice prints two or three rows column by column
 * beside a tall cell; more makes the search too wide to end): a search of about 100 MB at most.
 */
const GRID_SEARCH: GridSearch = { maxOpen: 3, maxStates: 300_000 };
const GRID_RULE = 'reading-order-grid: every cell after the cell above it and the cell left of it, in whatever order the page printed them; the one table under which every row and column adds up';

/**
 * Table 三 whose every cell printed a figure or a blank mark, or whose rows left blank printed
 * nothing, in an order none of the readers above knows (two or three rows column by column beside
 * rows row by row, figures wrapped inside their cells): read as a grid printed in some order that
 * keeps each column top to bottom and each row left to right (`readInGridOrder`). A cell is read
 * where every such order under which the table adds up puts the same figure in it, the others left
 * unread (`partial`: taken only where no later reader reads the table whole and, with rows left
 * blank, where the labels' reading does not add up or reads no more cells).
 */
function readAsGrid(stream: Stream, from: number, apart: readonly CellToken[] = []): { applications: Applications; notes: Notes; partial: boolean; blankRows: boolean } | null {
  const first = stream.cells.findIndex((c) => c.offset >= from);
  if (first < 0) return null;
  const cells = stream.cells.slice(first);
  const { rows } = orderedRows(stream, from);
  // A wrapped figure's first line never starts with 0 (as in wrapJoins); wrap points hold digits only.
  const wraps = wrapPoints(cells).wraps.filter((k) => !digitsOf(cells[k]!)!.startsWith('0'));
  const joined = new Map(wraps.map((k) => [k, Number(`${digitsOf(cells[k]!)}${digitsOf(cells[k + 1]!)}`)] as const));
  const block = apart.map((token) => value({ token }));
  // The block begins at a line break between two figures (or after the last).
  const blockAt = new Set(block.length === 0 ? [] : cells.flatMap((c, k) => (k === cells.length - 1 || cells[k + 1]!.token.line !== c.token.line ? [k + 1] : [])));
  // Fewer figures than cells: rows left blank printed nothing (each skipped whole, where that reads).
  // Cells printed apart make up the count themselves (readWithCellsApart).
  const blankRows = block.length === 0 && cells.length < rows.length * SHAPE.width;
  const problem = { figures: cells.map(value), block, blockAt, joined, blankRows, rows: rows.length, width: SHAPE.width, identities: columnIdentities(rows) };
  // With every figure a cell, figures that cannot add up as the table does need no search.
  if (cells.length + block.length === rows.length * SHAPE.width && !sumsAsTableMay([...problem.figures, ...block])) return null;
  // Where no order adds up, wider orders, one after another (each a wider search, so only then):
  // each group's first row's cells in any order (LibreOffice prints them around the group's label),
  // then also the first row's (printed among the column headers) with a fourth row begun at once
  // (the headers' last columns print after the first rows' other cells).
  const firsts = new Set(GROUP_SPANS.map((g) => g.row));
  const groupFirsts = new Set(rows.flatMap((d, r) => (firsts.has(d.path) ? [r] : [])));
  const widenings = [
    { search: GRID_SEARCH, free: undefined, said: '' },
    { search: GRID_SEARCH, free: groupFirsts, said: ' (each group\'s first row\'s cells in any order)' },
    { search: { ...GRID_SEARCH, maxOpen: GRID_SEARCH.maxOpen + 1 }, free: new Set([0, ...groupFirsts]), said: ` (each group's first row's cells and the table's first row's in any order, ${GRID_SEARCH.maxOpen + 1} rows begun at once)` },
  ];
  let reading: GridReading = { kind: 'none' };
  let said = '';
  // Cells printed apart widen the search already: rows then in order only.
  for (const widening of block.length > 0 || blankRows ? widenings.slice(0, 1) : widenings) {
    reading = readInGridOrder({ ...problem, free: widening.free }, widening.search);
    said = widening.said;
    if (reading.kind !== 'none') break;
  }
  if (reading.kind !== 'read') return null;
  const read = reading.cells;
  // Rows left blank may be any of several: where the orders disagree, those that also keep each row
  // whose label printed alone just before a figure starting there (`labelAnchors`) place more, each
  // such row under a warning (a label may stand apart from its row).
  const byLabels = new Set<string>();
  const anchors = blankRows && read.some((row) => row.includes(undefined)) ? labelAnchors(stream, from, rows, first) : new Map<number, number>();
  if (anchors.size > 0) {
    const anchored = readInGridOrder({ ...problem, anchors }, GRID_SEARCH);
    if (anchored.kind === 'read') {
      rows.forEach((d, r) => read[r]!.forEach((v, c) => {
        const placed = anchored.cells[r]![c];
        if (v !== undefined || placed === undefined) return;
        read[r]![c] = placed;
        byLabels.add(d.path);
      }));
    }
  }
  // A cell orders that pass fill differently is left unread on its own; the others are certain.
  const unsure = rows.flatMap((d, r) => read[r]!.flatMap((v, c) => (v === undefined ? [{ row: d.path, cell: `${d.path}[${c}]` }] : [])));
  const notes = emptyNotes();
  const values = new Map(rows.map((d, r) => [d.path, read[r]!.map((v) => v ?? null)] as const));
  const applications = toApplications(values, notes, new Set(values.keys()));
  if (unsure.length === 0 && !checkApplications(applications).every((k) => k.ok)) return null;
  for (const d of rows) markRead(notes, d.path, GRID_RULE, stream.lineAt[findLabel(stream, d.label, from)!.index]);
  notes.inferred = notes.inferred.filter((i) => !unsure.some((u) => u.cell === i.path));
  for (const { row, cell } of unsure) {
    notes.findings.push({ severity: 'warning', code: 'cells-unplaced', message: `${cell}: different orders of the page that add up put different figures here (text in reading order); left unread`, path: cell, line: notes.lines[row], unread: true });
  }
  for (const row of byLabels) {
    notes.findings.push({ severity: 'warning', code: 'row-placed-by-label', message: `${row}: rows left blank printed nothing, and orders of the page that add up differ on this row; read under those that start each row whose label was printed alone just before a figure at that figure (text in reading order: a label may stand apart from its row)`, path: row, line: notes.lines[row] });
  }
  const joins = cells.length + block.length - rows.length * SHAPE.width;
  const partial = unsure.length > 0 || byLabels.size > 0;
  const byLabelsSaid = byLabels.size > 0 ? ` (in ${byLabels.size} rows, each order that also starts every row whose label was printed alone just before a figure at that figure)` : '';
  const unsureSaid = unsure.length > 0 ? ` (the ${unsure.length} cells where they differ left unread)` : '';
  return theOneReading(new Map([['grid', { applications, notes, partial, blankRows }]]), `printed in an order none of the row or column rules knows${joins > 0 ? `, ${joins} figures wrapped over two lines in their cells` : ''}${blankRows ? `, ${rows.length * SHAPE.width - cells.length} figures fewer than cells (rows left blank printing nothing)` : ''}; every order that keeps each column top to bottom and each row left to right${said} and under which the table adds up ${partial ? `puts the same figure in each cell read${byLabelsSaid}${unsureSaid}` : 'gives this one table'}`);
}

/**
 * Figures that start a row by its label (index among the table's cells from `first` → row): a row
 * label found in order, printed after a figure since the row label before it (not one of a run of
 * labels, which Chromium prints for rows left blank), and followed by a figure before any other label.
 */
function labelAnchors(stream: Stream, from: number, rows: readonly RowDef[], first: number): Map<number, number> {
  const found = anchorRows(stream, ROWS, from).filter((a) => a !== null).sort((a, b) => a.start - b.start);
  const cellsIn = (start: number, end: number) => stream.cells.some((c) => c.offset >= start && c.offset <= end);
  const out = new Map<number, number>();
  found.forEach((a, i) => {
    const r = rows.indexOf(a.def);
    if (r < 0 || a.def.landmark) return;
    const before = found.slice(0, i).findLast((b) => !b.def.group);
    if (!before || !cellsIn(before.end, a.start)) return;
    const k = stream.cells.findIndex((c, j) => j >= first && c.offset >= a.end);
    const next = found[i + 1];
    if (k < 0 || (next && stream.cells[k]!.offset > next.start)) return;
    out.set(k - first, r);
  });
  return out;
}

/** At most this many sets of joins are read by readWithDigitsAroundLabels; more leaves the table unread. */
const MAX_DIGIT_JOINS = 64;
/** At most this many of a row's figures' last digits on the lines after it (as `unwrapRow`). */
const MAX_DIGIT_RESTS = 3;

/**
 * Table 三 printed by Chromium with narrow columns and full-width digits, one digit a line. A figure
 * in the first column beside a one-line label prints its digits above and below the label's line
 * (１, （一）予以公开, ７ is 17): a place where a figure may go on is a digit alone on its line (not 0:
 * a 0 has no more digits) followed, past one line of label text, by another digit alone on its line;
 * joined, the figure stands where its last digit does (beside the label it wraps around). A row
 * printed whole on one line may have its figures' last digits each alone on the lines after it, in
 * column order (`unwrapRow`). Where each cell is a block of its own (a blank line before and after
 * it), a figure's digits stand on its block's lines. Every set of such joins is made and read as rows
 * apart from their figures (`readRowsApart`) or in reading order; taken only where exactly one table
 * passes every identity, each reading certain.
 */
function readWithDigitsAroundLabels(lines: readonly Line[], stream: Stream, from: number): { applications: Applications; notes: Notes } | null {
  const first = stream.cells.findIndex((c) => c.offset >= from);
  if (first < 0) return null;
  const index = new Map(lines.map((l, i) => [l.no, i] as const));
  const lineOf = (c: StreamCell) => index.get(c.token.line) ?? -1;
  const alone = (c: StreamCell) => digitsOf(c)?.length === 1 && lines[lineOf(c)]?.text === digitsOf(c);
  // Each join: the cells it takes (from `start`, `length` of them) and the cells it puts in their place.
  type Join = { start: number; length: number; cells: StreamCell[] };
  const choices: Join[][] = [];
  const cells = stream.cells;
  for (let k = first; k + 1 < cells.length; k++) {
    const [a, b] = [cells[k]!, cells[k + 1]!];
    // Around one line of label text: the line between holds no cell.
    if (alone(a) && alone(b) && value(a) !== 0 && lineOf(b) - lineOf(a) === 2 && tokenize(lines[lineOf(a) + 1]!).every((t) => t.kind === 'text')) {
      const printed = `${digitsOf(a)}${digitsOf(b)}`;
      choices.push([{ start: k, length: 2, cells: [{ offset: b.offset, token: { kind: 'number', value: Number(printed), line: b.token.line, printed } }] }]);
    }
    // A row whole on its line (its first cell the line's first), the next lines each a digit alone.
    const row = cells.slice(k, k + SHAPE.width);
    if (row.length < SHAPE.width || (k > 0 && lineOf(cells[k - 1]!) === lineOf(a)) || !row.every((c) => lineOf(c) === lineOf(a)) || cells[k + SHAPE.width]?.token.line === a.token.line) continue;
    const unwraps: Join[] = [];
    for (let m = 1; m <= MAX_DIGIT_RESTS; m++) {
      const rest = cells[k + SHAPE.width + m - 1];
      if (!rest || !alone(rest) || lineOf(rest) !== lineOf(a) + m) break;
      const values = unwrapRow(cells.slice(k, k + SHAPE.width + m).map(value), SHAPE.width);
      if (values) unwraps.push({ start: k, length: SHAPE.width + m, cells: row.map((c, i) => ({ offset: c.offset, token: { kind: 'number', value: values[i]!, line: c.token.line, printed: String(values[i]) } })) });
    }
    if (unwraps.length > 0) choices.push(unwraps);
  }
  // Each choice made or not; joins that take the same cells do not go together.
  if (choices.reduce((a, c) => a * (c.length + 1), 1) > MAX_DIGIT_JOINS) return null;
  const sets = everyCombination(choices.map((c) => [null, ...c]))
    .map((set) => set.filter((j): j is Join => j !== null).sort((x, y) => x.start - y.start))
    .filter((set) => set.length > 0 && set.every((j, i) => i === 0 || set[i - 1]!.start + set[i - 1]!.length <= j.start));
  // Each cell a block of its own, a blank line before and after it: a figure's digits on the lines
  // of its block, one a line. Every such block of two or more digits joined, all at once.
  const blankBefore = (i: number) => i === 0 || lines[i - 1]!.no < lines[i]!.no - 1;
  const blocks: Join[] = [];
  for (let k = first; k < cells.length; ) {
    let m = 1;
    const top = lineOf(cells[k]!);
    if (alone(cells[k]!)) while (k + m < cells.length && alone(cells[k + m]!) && lineOf(cells[k + m]!) === top + m && !blankBefore(top + m)) m++;
    const digits = cells.slice(k, k + m);
    const last = top + m - 1;
    if (m >= 2 && value(digits[0]!) !== 0 && blankBefore(lineOf(digits[0]!)) && (last + 1 >= lines.length || blankBefore(last + 1))) {
      const printed = digits.map(digitsOf).join('');
      blocks.push({ start: k, length: m, cells: [{ offset: digits[0]!.offset, token: { kind: 'number', value: Number(printed), line: digits[0]!.token.line, printed } }] });
    }
    k += m;
  }
  if (blocks.length > 0) sets.push(blocks);
  if (sets.length === 0) return null;
  const found = new Map<string, { applications: Applications; notes: Notes }>();
  for (const set of sets) {
    const joined: StreamCell[] = [];
    for (let k = 0, s = 0; k < cells.length; ) {
      const join = set[s];
      if (join?.start === k) {
        joined.push(...join.cells);
        k += join.length;
        s++;
      } else joined.push(cells[k++]!);
    }
    const table = { ...stream, cells: joined };
    const ordered = readOrdered(table, from, 'cuts', RETRY_STEPS);
    if (ordered && checkApplications(ordered.applications).every((c) => c.ok)) {
      if (!ordered.ordered.certain() || ordered.ordered.partial > 0) return null;
      found.set(JSON.stringify(ordered.applications), ordered);
    }
    const apart = readRowsApart(table, from);
    if (apart) found.set(JSON.stringify(apart.applications), apart);
    if (found.size > 1) return null;
  }
  return theOneReading(found, `figures printed a digit a line (text in reading order, full-width digits in narrow columns), around their rows' labels, after their rows or in blocks of their own: of the ${sets.length} ways to join such digits, the one under which the table adds up`);
}

/**
 * Whether `cells` may be the figures of table 三 (blank as 0): where every identity holds, they sum to
 * 6t + 4f, t the （七）总计 row's total and f 四、结转下年度's (each row sums to twice its total, the
 * results rows' totals to t, and 一 + 二 to t + f).
 */
function sumsAsTableMay(cells: readonly Cell[]): boolean {
  const figures = [...new Set([0, ...cells.map((v) => v ?? 0)])];
  const sum = cells.reduce<number>((a, v) => a + (v ?? 0), 0);
  return figures.some((t) => figures.some((f) => Math.abs(6 * t + 4 * f - sum) < 1e-6));
}

/** Rows of a table read a page at a time left with no figure at all (no blank mark either), at most. */
const MAX_BLANK_ROWS = 3;
/** Cells before the table's first row on its first page that may be another table's, at most. */
const MAX_STRAY_CELLS = 2;
/** Steps of the walk over a page's rows (row by row or column by column), at most. */
const MAX_PRINTED_STEPS = 4096;
/** Whole tables checked against the identities, at most. */
const MAX_PAGE_READINGS = 4096;
/** Combinations of the pages' readings, at most. */
const MAX_PAGE_COMBINATIONS = 64;
const PAGE_RULE = 'reading-order-pages: each page\'s rows read from the figures after its labels, row by row or a few rows column by column; a row with no figure on its page read as blank';

type StreamCell = Stream['cells'][number];

/**
 * The rows a page's figures print, each distinct way: one after another, each row by row or 2 to
 * MAX_TRANSPOSED_ROWS neighbouring rows column by column (LibreOffice's text of rows beside a label
 * spanning them), every row adding up to its total. Null where the walk grows too long.
 */
function printedRows(cells: readonly StreamCell[]): StreamCell[][][] | null {
  const found = new Map<string, StreamCell[][]>();
  let steps = 0;
  const walk = (i: number, rows: StreamCell[][]): boolean => {
    if (++steps > MAX_PRINTED_STEPS) return false;
    if (i === cells.length) {
      found.set(JSON.stringify(rows.map((row) => row.map(value))), rows);
      return true;
    }
    for (let g = 1; g <= MAX_TRANSPOSED_ROWS && i + g * SHAPE.width <= cells.length; g++) {
      const group = Array.from({ length: g }, (_, r) => Array.from({ length: SHAPE.width }, (_, c) => cells[i + c * g + r]!));
      if (group.every((row) => sumsToTotal(row.map(value), { whole: true })) && !walk(i + g * SHAPE.width, [...rows, ...group])) return false;
    }
    return true;
  };
  return walk(0, []) ? [...found.values()] : null;
}

/**
 * Table 三 printed a page at a time (LibreOffice's text of a table over several pages: each page's
 * labels, then its figures), with rows that print no figure at all: a row left blank prints nothing,
 * so a page's run of figures holds fewer rows than its labels. Only where the table prints no blank
 * mark (a table that prints them prints them in its blank rows too). Each row is placed on the page
 * whose labels hold its label (or the page before, for a page's first row: its label's first words
 * may stand there); each page's figures are read as its printed rows (`printedRows`), the first page's
 * after at most MAX_STRAY_CELLS cells standing apart before them, and every choice of up to
 * MAX_BLANK_ROWS rows left blank is tried. Taken only where exactly one table passes every identity:
 * a blank row among results rows could stand in any of its neighbours' places, so it is read only
 * where the identities pin it (上年结转, 结转下年度).
 */
function readInPages(whole: Stream, from: number): { applications: Applications; notes: Notes } | null {
  const stream = withoutTableTwoCells(whole, TABLE_TWO_TOTAL_HEADER);
  const { rows } = orderedRows(stream, from);
  const first = stream.cells.findIndex((c) => c.offset >= from);
  if (first < 0 || rows.length === 0 || stream.cells.slice(first).some((c) => value(c) === null)) return null;
  const at = labelsInOrder(stream, rows, from);
  if (!at) return null;
  const runs = cellRuns(stream, first);
  const lastOffset = (k: number) => stream.cells[runs[k]![1] - 1]!.offset;
  // Each run's printed rows, worked out once for all the cuts that take it as a later page.
  const printedOf = new Map<number, StreamCell[][][] | null>();
  const runRows = (k: number) => {
    if (!printedOf.has(k)) printedOf.set(k, printedRows(stream.cells.slice(runs[k]![0], runs[k]![1])));
    return printedOf.get(k)!;
  };
  const found = new Map<string, { applications: Applications; notes: Notes; blank: string[] }>();
  let tried = 0;
  // The later pages are the last runs from run c on, each of whole rows; the first page all before.
  for (let c = runs.length - 1; c >= 1 && (runs[c]![1] - runs[c]![0]) % SHAPE.width === 0; c--) {
    const pages = runs.length - c + 1;
    // A row's page: that of the labels before the first run after its label (the last page's for labels after it).
    const page = at.map((a) => {
      let p = 0;
      while (p < pages - 1 && lastOffset(c - 1 + p) <= a) p++;
      return p;
    });
    if (page.some((p, r) => r > 0 && p < page[r - 1]!)) continue;
    const allowed = (r: number, p: number) => page[r] === p || (page[r] === p + 1 && page[r - 1] !== page[r]);
    const later = runs.slice(c).map((_, k) => runRows(c + k));
    // A walk given up is no "no": another table may pass there.
    if (later.some((x) => x === null)) return null;
    if (later.some((x) => x!.length === 0)) continue;
    // The first page: its cells, less up to MAX_STRAY_CELLS cells standing apart before them.
    for (let s = 0, skipped = 0; s < c && skipped <= MAX_STRAY_CELLS; skipped += runs[s]![1] - runs[s]![0], s++) {
      const firstPage = printedRows(stream.cells.slice(runs[s]![0], runs[c]![0]));
      if (!firstPage) return null;
      const choices = [firstPage, ...(later as StreamCell[][][][])];
      if (choices.reduce((a, x) => a * x.length, 1) > MAX_PAGE_COMBINATIONS) return null;
      for (const printed of everyCombination(choices)) {
        // Every placing of the printed rows in table order, up to MAX_BLANK_ROWS rows left blank.
        const walk = (r: number, p: number, u: number, blanks: number, placed: (StreamCell[] | null)[]): boolean => {
          const left = printed[p]!.length - u + printed.slice(p + 1).reduce((a, x) => a + x.length, 0);
          if (rows.length - r < left) return true;
          if (r === rows.length) {
            if (++tried > MAX_PAGE_READINGS) return false;
            const values = new Map(rows.map((d, i) => [d.path, placed[i]?.map(value) ?? Array<Cell>(SHAPE.width).fill(null)] as const));
            const notes = emptyNotes();
            const applications = toApplications(values, notes, new Set(values.keys()));
            if (!checkApplications(applications).every((k) => k.ok)) return true;
            // A row's line: its first cell's, or its label's where it printed none.
            rows.forEach((d, i) => markRead(notes, d.path, PAGE_RULE, placed[i]?.[0]!.token.line ?? stream.lineAt[at[i]!]!));
            found.set(JSON.stringify(applications), { applications, notes, blank: rows.filter((_, i) => !placed[i]).map((d) => d.path) });
            return found.size <= 1;
          }
          // 本年新收 is not read as left blank in a table that prints figures: it and 上年结转 weigh
          // alike in every identity, so either of them blank would pass.
          if (blanks < MAX_BLANK_ROWS && rows[r]!.path !== `${A}.received` && !walk(r + 1, p, u, blanks + 1, [...placed, null])) return false;
          if (u < printed[p]!.length && allowed(r, p) && !walk(r + 1, p, u + 1, blanks, [...placed, printed[p]![u]!])) return false;
          if (u === printed[p]!.length && p + 1 < printed.length && allowed(r, p + 1) && !walk(r + 1, p + 1, 1, blanks, [...placed, printed[p + 1]![0]!])) return false;
          return true;
        };
        // Gave up, or two tables pass: unread.
        if (!walk(0, 0, 0, 0, [])) return null;
      }
    }
  }
  const blank = found.size === 1 ? [...found.values()][0]!.blank : [];
  // The one assumption no identity checks, said where it decided.
  const tie = blank.includes(`${A}.carriedOver`) ? ` (二、上年结转 and 一、本年新收 add up alike: the blank one taken to be 上年结转)` : '';
  return theOneReading(found, `printed a page at a time (each page's labels, then its rows' figures, text in reading order)${blank.length > 0 ? `, ${blank.join(', ')} printed with no figure and read as blank${tie}` : ''}; the one reading under which the table adds up`);
}

/**
 * Where each row's label stands, each searched after the one before (table order); with
 * `fromNumbering`, from its numbering (1., （一）) where that stands just before. Null where one is missing.
 */
function labelsInOrder(stream: Stream, rows: readonly RowDef[], from: number, { fromNumbering = false } = {}): number[] | null {
  const at: number[] = [];
  let pos = from;
  for (const d of rows) {
    const label = findLabel(stream, d.label, pos);
    if (!label) return null;
    at.push(fromNumbering ? labelStart(stream.text, label.index, pos) : label.index);
    pos = label.index;
  }
  return at;
}

/** A group's whole label (三、本年度办理结果, （三）不予公开 …), the text between two cells holding nothing else. */
const GROUP_LABELS_ONLY = /^(?:三、?本年度办理结果|[（(][三四五六][)）](?:不予公开|无法提供|不予处理|其他处理))+$/u;

/**
 * Runs of cells from `first` with no label text between them, [first cell, end) in stream.cells. A
 * group's whole label between two cells does not end a run: reading order prints a label spanning
 * rows where its middle falls, among those rows' figures.
 */
function cellRuns(stream: Stream, first: number): [number, number][] {
  const runs: [number, number][] = [];
  const joined = (a: number, b: number) => a === b || GROUP_LABELS_ONLY.test(stream.text.slice(a, b).replace(/\s+/g, ''));
  for (let i = first; i < stream.cells.length; ) {
    let j = i + 1;
    while (j < stream.cells.length && joined(stream.cells[j - 1]!.offset, stream.cells[j]!.offset)) j++;
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** Readings of all the runs of rows printed apart from their figures joined, at most. */
const MAX_APART_READINGS = 16;
const APART_RULE = 'reading-order-rows-apart: rows whose labels stand with few or none of their figures, their other figures read from the run of exactly those after the last of them';

/**
 * The readings of a run of figures that holds exactly the figures `missing` of the rows `heads` lack
 * (each row's first heads[r].length columns printed beside its label): row by row, or with its last
 * rows (lacking the same columns) printed column by column for their first columns, then row by row.
 * Each reading in which every row adds up to its total.
 */
function apartReadings(run: readonly Cell[], all: readonly Cell[][], blank: boolean): Cell[][][] {
  const found = new Map<string, Cell[][]>();
  // Blank rows (no figure beside their label, where `blank`) are set aside and put back empty.
  const isBlank = all.map((h) => blank && h.length === 0);
  const heads = all.filter((_, r) => !isBlank[r]);
  const withBlanks = (rows: Cell[][]) => {
    let k = 0;
    return all.map((_, r) => (isBlank[r] ? Array<Cell>(SHAPE.width).fill(null) : rows[k++]!));
  };
  const n = heads.length;
  const missing = heads.map((h) => SHAPE.width - h.length);
  // Rows p..p+q-1 lack the same columns: their first t missing columns printed column by column;
  // the last rows so (any number), or 2 to MAX_TRANSPOSED_ROWS rows amid the run, all their columns so.
  const read = (p: number, q: number, t: number) => {
    const rows: Cell[][] = [];
    let i = 0;
    const byRow = (r: number) => {
      rows.push([...heads[r]!, ...run.slice(i, i + missing[r]!)]);
      i += missing[r]!;
    };
    for (let r = 0; r < p; r++) byRow(r);
    const group = Array.from({ length: q }, (_, r) => [...heads[p + r]!]);
    const width = missing[p] ?? 0;
    for (let c = 0; c < t; c++) for (let r = 0; r < q; r++) group[r]!.push(run[i++]!);
    for (let r = 0; r < q; r++) for (let c = t; c < width; c++) group[r]!.push(run[i++]!);
    rows.push(...group);
    for (let r = p + q; r < n; r++) byRow(r);
    // A row of blank marks only is a blank row, printed so.
    if (rows.every((row) => row.every((v) => v === null) || sumsToTotal(row, { whole: true }))) found.set(JSON.stringify(rows), withBlanks(rows));
  };
  const alike = (p: number, q: number) => missing.slice(p, p + q).every((m) => m === missing[p]);
  read(n, 0, 0);
  for (let p = 0; p < n - 1; p++) {
    if (alike(p, n - p)) for (let t = 1; t <= missing[p]!; t++) read(p, n - p, t);
    for (let q = 2; q <= MAX_TRANSPOSED_ROWS && p + q < n; q++) if (alike(p, q)) read(p, q, missing[p]!);
  }
  return [...found.values()];
}

/**
 * Table 三 with runs of rows printed as their labels with few or none of their figures, the rest
 * of those figures after the last of them (Chromium's text of narrow label columns: a label wrapped
 * over many lines pushes its row's figures, and its next rows', past the labels), while the other
 * rows keep their figures beside their labels. Each run of figures with no label text among it that
 * holds exactly the figures lacked by the rows before it (walking back to a row printed whole, at
 * least two rows, each row's figures beside its label taken as its first columns) is read as those
 * rows' other figures (`apartReadings`); the rest of the table is read in reading order with those
 * rows fixed. Taken only where exactly one table passes every identity over all the runs' readings,
 * each with no doubt in its cut. Tried last: its orders of a run are few, and where a reading of the
 * whole table adds up too (two rows' figures read in another order), that reading's wider search
 * stands (tried first, it read 4 cells of one held-apart report otherwise than that reading).
 */
function readRowsApart(stream: Stream, from: number): { applications: Applications; notes: Notes } | null {
  const { defs, rows } = orderedRows(stream, from);
  const first = stream.cells.findIndex((c) => c.offset >= from);
  // The rule reads tables printed whole, in as many cells as rows × columns or fewer (blank rows).
  if (first < 0 || rows.length === 0 || stream.cells.length - first > rows.length * SHAPE.width) return null;
  // The rule needs the labels in table order, each from its numbering.
  const at = labelsInOrder(stream, rows, from, { fromNumbering: true });
  if (!at) return null;
  const runs = cellRuns(stream, first);
  // Each row's cells beside its label: offset in (at[r], at[r + 1]], in one pass over the cells.
  const besideRow: number[][] = rows.map(() => []);
  for (let i = first, r = -1; i < stream.cells.length; i++) {
    const offset = stream.cells[i]!.offset;
    while (r + 1 < rows.length && at[r + 1]! < offset) r++;
    if (r >= 0 && offset > at[r]!) besideRow[r]!.push(i);
  }
  const owner = (offset: number) => {
    let r = -1;
    while (r + 1 < rows.length && at[r + 1]! < offset) r++;
    return r;
  };
  // Each run's readings: the rows it completes, the cells it takes (beside the labels and the run's), their values.
  type Apart = { rows: number[]; cells: number[]; values: Cell[][] };
  const blocks: Apart[][] = [];
  for (const [runStart, stop] of runs) {
    // A run's first figure on its label's line is that row's figure beside its label, not the run's.
    const lead = stream.cells[runStart]!;
    const start = stop - runStart > 1 && lead.offset > 0 && stream.lineAt[lead.offset - 1] === lead.token.line ? runStart + 1 : runStart;
    const offset = stream.cells[start]!.offset;
    const n = stop - start;
    // The rows before the run, back from the row whose label holds it, each with its cells beside its label.
    const last = owner(offset);
    if (last < 0) continue;
    const mine = (r: number) => besideRow[r]!.filter((i) => i < start || i >= stop);
    // Rows with no figure beside their label lack all seven (the run holds their rows), or, where
    // some rows of the run keep their first figures beside their labels, are blank rows.
    const alternatives = new Map<string, Apart>();
    for (const blank of [false, true]) {
      const own: number[] = [];
      let lacking = 0;
      let partial = 0;
      for (let r = last; r >= 0 && lacking < n; r--) {
        const beside = mine(r);
        if (beside.length >= SHAPE.width) break;
        // A row's cells beside its label stand before the run.
        if (beside.some((i) => i > start)) break;
        own.unshift(r);
        if (beside.length > 0) partial++;
        lacking += beside.length === 0 && blank ? 0 : SHAPE.width - beside.length;
      }
      if (blank) while (own.length > 0 && mine(own[0]!).length === 0) own.shift();
      if (lacking !== n || own.length < 2 || (blank && partial < 2)) continue;
      const besideCells = own.map(mine);
      const heads = besideCells.map((b) => b.map((i) => value(stream.cells[i]!)));
      const readings = apartReadings(stream.cells.slice(start, stop).map(value), heads, blank);
      const cells = [...besideCells.flat(), ...Array.from({ length: n }, (_, i) => start + i)];
      for (const values of readings) alternatives.set(JSON.stringify([own, values]), { rows: own, cells, values });
    }
    if (alternatives.size > 0) blocks.push([...alternatives.values()]);
  }
  if (blocks.length === 0) return null;
  if (blocks.reduce((a, b) => a * b.length, 1) > MAX_APART_READINGS) return null;
  const combos = everyCombination(blocks);
  const found = new Map<string, { applications: Applications; notes: Notes }>();
  let rowsRead = 0;
  for (const combo of combos) {
    // Runs whose readings take the same cells or rows do not go together.
    const taken = new Set(combo.flatMap((b) => b.cells));
    const fixedRows = new Set(combo.flatMap((b) => b.rows));
    if (taken.size !== combo.reduce((a, b) => a + b.cells.length, 0) || fixedRows.size !== combo.reduce((a, b) => a + b.rows.length, 0)) continue;
    const rest = { ...stream, cells: stream.cells.filter((_, i) => !taken.has(i)) };
    const values = new Map(combo.flatMap((b) => b.rows.map((r, k) => [rows[r]!.path, b.values[k]!] as const)));
    const lines = new Map(combo.flatMap((b) => b.rows.map((r) => [rows[r]!.path, stream.cells[b.cells[0]!]!.token.line] as const)));
    const ordered = fixedRows.size === rows.length ? null : readOrdered(rest, from, 'all', RETRY_STEPS, { values, lines, rule: APART_RULE });
    const read = ordered ? { ...ordered, sure: ordered.ordered.certain() && ordered.ordered.partial === 0 } : fixedRows.size === rows.length ? fixedOnly(defs, values, lines) : null;
    if (read && !read.sure) return null;
    if (!read || !checkApplications(read.applications).every((c) => c.ok)) continue;
    found.set(JSON.stringify(read.applications), read);
    rowsRead = fixedRows.size;
    if (found.size > 1) return null;
  }
  return theOneReading(found, `${rowsRead} rows printed with few or none of their figures beside their labels, the others after the last of them (text in reading order): read from those figures, the other rows in reading order; the one reading under which the table adds up`);
}

/** The table from rows all read by readRowsApart: as readOrdered's reading, with no cells left to cut. */
function fixedOnly(defs: readonly RowDef[], values: ReadonlyMap<string, Cell[]>, lines: ReadonlyMap<string, number>): { applications: Applications; notes: Notes; sure: boolean } {
  const notes = emptyNotes();
  const read = new Map<string, Cell[] | null>();
  for (const def of defs) {
    if (def.group) continue;
    const row = values.get(def.path);
    const line = lines.get(def.path);
    if (row) {
      read.set(def.path, row);
      markRead(notes, def.path, APART_RULE, line);
    } else if (!def.optional) read.set(def.path, null);
  }
  return { applications: toApplications(read, notes, new Set(values.keys())), notes, sure: true };
}

/**
 * Table 三 with a few cells printed apart, one after another, among section 四's figures (LibreOffice's
 * text of a table over two pages may take a block of its right-hand cells after the next heading):
 * the last `short` figures of each run (as readWithSpilledCells) are placed by the grid search
 * (`readAsGrid`), which finds where in the page's order they were printed. Taken only where exactly
 * one run gives a reading.
 */
function readWithCellsApart(lines: readonly Line[], runs: readonly Line[][], short: number): { applications: Applications; notes: Notes; taken: Line[] } | null {
  if (short > MAX_CELLS_APART) return null;
  const table = tableStream(lines);
  if (!table) return null;
  const found: { applications: Applications; notes: Notes; taken: Line[] }[] = [];
  const readings = runEndReadings(runs, short, (taken) => {
    const grid = readAsGrid(table.stream, table.from, taken.flatMap(cellsOf));
    return grid && { ...grid, taken };
  });
  for (const reading of readings) {
    found.push(reading);
    if (found.length > 1) return null;
  }
  if (found.length !== 1) return null;
  const { notes, taken } = found[0]!;
  notes.findings.push({
    severity: 'warning',
    code: 'cells-inferred',
    message: `${A}: ${short} of its cells read from lines ${taken[0]!.no}–${taken.at(-1)!.no}, printed among section 四's figures (text in reading order); placed where the page's order and the table's sums put them`,
    path: A,
  });
  return found[0]!;
}

/** At most this many cells printed apart are placed by the grid search (each one more widens it). */
const MAX_CELLS_APART = 4;

/**
 * Table 三 with one row's last cells printed apart: LibreOffice's text may take a group's first row
 * (beside the tall cell of the group's label, printed among that row's cells) in two blocks, the
 * second, its last columns, after the table among section 四's figures. The last `short` figures of
 * each run (as readWithSpilledCells) are tried as the last cells of each group's first row whose
 * printed cells stand around the group's label; taken only where exactly one table then cuts into
 * rows in table order, with no doubt in the cut and every identity holding.
 */
function readWithRowApart(lines: readonly Line[], runs: readonly Line[][], short: number): { applications: Applications; notes: Notes; taken: Line[] } | null {
  const table = tableStream(lines);
  const kept = SHAPE.width - short;
  if (!table || kept < 2) return null;
  const { stream, from } = table;
  const { defs, rows } = orderedRows(stream, from);
  const first = stream.cells.findIndex((c) => c.offset >= from);
  const found = new Map<string, { applications: Applications; notes: Notes; taken: Line[]; row: string }>();
  for (const run of runs) {
    const taken = lastCells(run, short);
    if (!taken) continue;
    const apart = taken.flatMap(cellsOf);
    defs.forEach((group, g) => {
      const row = defs[g + 1];
      const label = group.group ? findLabel(stream, group.label, from) : null;
      if (!row || !label || !rows.includes(row)) return;
      // The first cell printed after the label: the row's printed cells stand on both sides of it.
      const after = stream.cells.findIndex((c) => c.offset > label.index);
      for (let start = Math.max(0, after - kept + 1); after > 0 && start < after && found.size < 2; start++) {
        // Read with no row short of cells, every row before it holds all its cells or none.
        if (start < first || (start - first) % SHAPE.width !== 0) continue;
        const at = start + kept;
        if (!addsUpInSomeOrder([...stream.cells.slice(start, at).map((c) => c.token), ...apart])) continue;
        const offset = stream.cells[at - 1]!.offset;
        const cells = [...stream.cells.slice(0, at), ...apart.map((token) => ({ token, offset })), ...stream.cells.slice(at)];
        const read = readOrdered({ ...stream, cells }, from, 'cuts');
        if (!read || !read.ordered.certain() || read.ordered.partial > 0 || !labelsAmongFirstRows(stream, from, defs, rows, read.ordered)) continue;
        found.set(JSON.stringify(read.applications), { ...read, taken, row: row.path });
      }
    });
  }
  if (found.size !== 1) return null;
  const [{ applications, notes, taken, row }] = [...found.values()] as [{ applications: Applications; notes: Notes; taken: Line[]; row: string }];
  notes.findings.push({
    severity: 'warning',
    code: 'cells-inferred',
    message: `${A}: ${row}'s last ${short} cells read from lines ${taken[0]!.no}–${taken.at(-1)!.no}, printed among section 四's figures (text in reading order); the one row that, so completed, makes the table add up`,
    path: A,
  });
  return { applications, notes, taken };
}

/** The one reading found, marked as inferred with `message` (why it was taken); none where there are several or none. */
function theOneReading<T extends { notes: Notes }>(found: ReadonlyMap<string, T>, message: string): T | null {
  if (found.size !== 1) return null;
  const [read] = [...found.values()] as [T];
  read.notes.findings.push({ severity: 'warning', code: 'cells-inferred', message: `${A}: ${message}`, path: A });
  return read;
}

/** Every way to take one choice from each list, in order. */
function everyCombination<T>(choices: readonly (readonly T[])[]): T[][] {
  let combinations: T[][] = [[]];
  for (const list of choices) combinations = combinations.flatMap((c) => list.map((t) => [...c, t]));
  return combinations;
}

/** Row `path`'s cells noted as read by `rule`, and the row's line where known. */
function markRead(notes: Notes, path: string, rule: string, line: number | undefined): void {
  if (line !== undefined) notes.lines[path] = line;
  for (let c = 0; c < SHAPE.width; c++) notes.inferred.push({ path: `${path}[${c}]`, rule, line });
}

/** A cell's figure, or null for a blank mark. */
const value = (c: { token: CellToken }): number | null => (c.token.kind === 'number' ? c.token.value : null);

/** A row of read values whose cells add up to its last (blank as 0; with `whole`, no cell blank). */
function sumsToTotal(row: readonly Cell[], { whole = false } = {}): boolean {
  if (whole && row.includes(null)) return false;
  return Math.abs(row.slice(0, -1).reduce<number>((a, b) => a + (b ?? 0), 0) - (row.at(-1) ?? 0)) < 1e-9;
}

/** A row's cells that add up to their last, with its empty cells printed one way (blank marks or 0s). */
function addsUpAsPrinted(row: readonly CellToken[]): boolean {
  const values = row.map((t) => (t.kind === 'number' ? t.value : null));
  const sum = values.slice(0, -1).reduce<number>((a, b) => a + (b ?? 0), 0);
  return Math.abs(sum - (values.at(-1) ?? 0)) < 1e-9 && !(values.includes(null) && values.includes(0));
}

/** A row's cells that add up to their total, as printed or with the total among them (a row printed out of order). */
function addsUpInSomeOrder(row: readonly CellToken[]): boolean {
  const values = row.map((t) => (t.kind === 'number' ? t.value : 0));
  const sum = values.reduce((a, b) => a + b, 0);
  return Math.abs(sum - 2 * values.at(-1)!) < 1e-9 || Math.abs(sum - 2 * Math.max(...values)) < 1e-9;
}

/**
 * Does each group's label stand among its first row's cells in `read` (on or after the line of the
 * row's first cell, up to the next row's)? LibreOffice's text prints it so; a reading that puts a
 * group's first cells in another row has cut the table elsewhere.
 */
function labelsAmongFirstRows(stream: Stream, from: number, defs: readonly RowDef[], rows: readonly RowDef[], read: OrderedRows): boolean {
  return defs.every((group, g) => {
    const first = defs[g + 1];
    const label = group.group && first ? findLabel(stream, group.label, from) : null;
    if (!label || !rows.includes(first!)) return true;
    const next = rows[rows.indexOf(first!) + 1];
    const line = stream.lineAt[label.index]!;
    const start = read.lines.get(first!.path);
    const end = next ? read.lines.get(next.path) : undefined;
    return start !== undefined && start <= line && (end === undefined || line <= end);
  });
}

/** The table read as reading-order text (order.ts), with every cell marked as placed by that rule. */
function readOrdered(stream: Stream, from: number, depth: Depth = 'all', steps?: typeof RETRY_STEPS, fixed?: FixedRows): { applications: Applications; notes: Notes; ordered: OrderedRows } | null {
  const { defs, rows: present } = orderedRows(stream, from);
  // Rows read elsewhere (`fixed`) are not cut from these cells; the identities are checked with them.
  const rows = fixed ? present.filter((d) => !fixed.values.has(d.path)) : present;
  const withFixed = (values: Map<string, Cell[]>) => (fixed ? new Map([...values, ...fixed.values]) : values);
  const accept = (values: Map<string, Cell[]>) => {
    const scratch = emptyNotes();
    const read = toApplications(new Map([...defs].filter((d) => !d.group && !d.optional).map((d) => [d.path, values.get(d.path) ?? null] as const).concat([...withFixed(values)])), scratch);
    return checkApplications(read).every((c) => c.ok);
  };
  const place: typeof placeJumbled = fixed ? (values, jumbled) => placeJumbled(withFixed(values), jumbled) : placeJumbled;
  const ordered = readInReadingOrder(stream, rows, SHAPE, from, accept, place, columnIdentities(rows), GROUP_SPANS, depth, steps);
  if (!ordered) return null;
  const notes = emptyNotes();
  const values = new Map<string, Cell[] | null>();
  for (const def of defs) {
    if (def.group) continue;
    const row = ordered.values.get(def.path) ?? fixed?.values.get(def.path);
    const line = ordered.lines.get(def.path) ?? fixed?.lines.get(def.path);
    if (row) {
      values.set(def.path, row);
      markRead(notes, def.path, fixed?.values.has(def.path) ? fixed.rule : ordered.placed?.includes(def.path) ? PLACED_BY_TOTALS : ordered.rule, line);
    } else if (!def.optional) {
      values.set(def.path, null);
      notes.findings.push({ severity: 'warning', code: 'row-missing', message: `${def.path}: row not found in the report`, path: def.path, unread: true });
    }
  }
  // Every cell placed by a rule over the whole table: a person should know, even where it adds up.
  notes.findings.push({ severity: 'warning', code: 'cells-inferred', message: `${A}: ${ordered.doubt ?? ordered.rule}`, path: A });
  const printed = fixed ? new Set([...ordered.printed, ...fixed.values.keys()]) : ordered.printed;
  return { applications: toApplications(values, notes, printed), notes, ordered };
}

/**
 * The table's column identities as weights over `rows`: （七）总计 = the sum of the results rows, and
 * 一 + 二 = 三（七） + 四 (checks.ts).
 */
function columnIdentities(rows: readonly RowDef[]): number[][] {
  const paths = rows.map((d) => d.path);
  if (!paths.includes(`${A}.total`)) return [];
  const results = rows.map((d) => (EDGE.has(d.path) ? 0 : 1) - (d.path === `${A}.total` ? 1 : 0));
  const balance = paths.map((p) => (p === `${A}.received` || p === `${A}.carriedOver` ? 1 : p === `${A}.total` || p === `${A}.carriedForward` ? -1 : 0));
  return [results, balance];
}

const PLACED_BY_TOTALS = 'printed-out-of-order: the row\'s printed figures placed where the table\'s column identities require';
const EDGE = new Set([`${A}.received`, `${A}.carriedOver`, `${A}.total`, `${A}.carriedForward`]);

/**
 * Rows whose figures were printed out of order (reading order took a tall row's cells in pieces),
 * placed by the identities of each column: 三（七）总计 = the sum of the results rows, and 一 + 二 =
 * 三（七） + 四. A row is placed only where it is the one unknown of an identity, and only where the
 * figures it comes to are exactly those printed (the same figures, in another order); else null.
 */
function placeJumbled(values: Map<string, Cell[]>, jumbled: readonly string[]): Map<string, Cell[]> | null {
  const out = new Map(values);
  const open = new Set(jumbled);
  const results = [...values.keys()].filter((p) => !EDGE.has(p));
  const row = (p: string) => out.get(p)?.map((v) => v ?? 0) ?? Array<number>(SHAPE.width).fill(0);
  const add = (sign: number, ...paths: string[]) => (acc: number[]) => acc.map((v, c) => v + sign * paths.reduce((s, p) => s + row(p)[c]!, 0));
  const solve = (path: string, computed: number[]): boolean => {
    const printed = values.get(path)!;
    const key = (xs: readonly number[]) => JSON.stringify([...xs].sort((a, b) => a - b));
    if (computed.some((v) => v < -1e-9) || key(computed.map((v) => Math.round(v * 1e6) / 1e6)) !== key(printed.map((v) => v ?? 0))) return false;
    // Which of the zeros were printed blank cannot be told where the row prints both.
    const blanks = printed.some((v) => v === null);
    if (blanks && printed.some((v) => v === 0)) return false;
    out.set(path, computed.map((v) => (v === 0 && blanks ? null : v)));
    open.delete(path);
    return true;
  };
  const zero = () => Array<number>(SHAPE.width).fill(0);
  for (let round = 0; round < jumbled.length; round++) {
    for (const path of [...open]) {
      const openResults = results.filter((p) => open.has(p));
      const balance = [...EDGE].filter((p) => open.has(p));
      let computed: number[] | null = null;
      if (results.includes(path) && openResults.length === 1 && !open.has(`${A}.total`) && values.has(`${A}.total`)) {
        computed = add(-1, ...results.filter((p) => p !== path))(row(`${A}.total`));
      } else if (path === `${A}.total` && openResults.length === 0) {
        computed = add(1, ...results)(zero());
      } else if (EDGE.has(path) && balance.length === 1 && [...EDGE].every((p) => values.has(p))) {
        const a = add(1, `${A}.received`, `${A}.carriedOver`)(zero());
        const b = add(1, `${A}.total`, `${A}.carriedForward`)(zero());
        const self = row(path);
        // The unknown is on one side of 一 + 二 = 三（七） + 四: the other side minus its partner.
        computed = path === `${A}.received` || path === `${A}.carriedOver` ? b.map((v, c) => v - (a[c]! - self[c]!)) : a.map((v, c) => v - (b[c]! - self[c]!));
      }
      if (computed && !solve(path, computed)) return null;
    }
  }
  // Two results rows out of order: each ordering of the first's figures that adds up fixes the second
  // through 三（七）总计; placed only where exactly one ordering gives the second's printed figures.
  const openResults = results.filter((p) => open.has(p));
  if (openResults.length === 2 && !open.has(`${A}.total`) && values.has(`${A}.total`)) {
    const [first, second] = openResults as [string, string];
    const rest = add(-1, ...results.filter((p) => !open.has(p)))(row(`${A}.total`));
    const fits: number[][] = [];
    for (const order of orderings(row(first))) {
      if (Math.abs(order.slice(0, -1).reduce((a, b) => a + b, 0) - order.at(-1)!) > 1e-9) continue;
      const attempt = new Map(out);
      attempt.set(first, order);
      const other = rest.map((v, c) => v - order[c]!);
      const key = (xs: readonly number[]) => JSON.stringify([...xs].sort((a, b) => a - b));
      if (other.every((v) => v >= -1e-9) && key(other.map((v) => Math.round(v * 1e6) / 1e6)) === key(row(second))) fits.push(order);
      if (fits.length > 1) return null;
    }
    if (fits.length !== 1) return null;
    const rest2 = rest.map((v, c) => v - fits[0]![c]!);
    if (!solve(first, fits[0]!) || !solve(second, rest2)) return null;
  }
  return open.size === 0 ? out : null;
}

/**
 * The rows read, as the table's JSON; （六）其他处理 as one row or three, as the rows found say. `printed`
 * (reading order): rows that printed cells, so that （六）其他处理 printed as one row of blank marks is
 * that row, not a bare heading.
 */
function toApplications(rows: Map<string, Cell[] | null>, notes: Notes, printed?: ReadonlySet<string>): Applications {
  const row = (name: string): ApplicantRow => rows.get(`${A}.${name}`) ?? null;

  const detailed = ['noCorrection', 'unpaidFees', 'other'].some((k) => rows.has(`${A}.otherHandling.${k}`));
  let otherHandling: Applications['otherHandling'];
  if (detailed) {
    otherHandling = { noCorrection: row('otherHandling.noCorrection'), unpaidFees: row('otherHandling.unpaidFees'), other: row('otherHandling.other') };
    delete notes.lines[`${A}.otherHandling.total`];
    notes.inferred = notes.inferred.filter((i) => !i.path.startsWith(`${A}.otherHandling.total`));
    notes.findings = notes.findings.filter((f) => f.path !== `${A}.otherHandling.total`);
    const printedSubtotal = rows.get(`${A}.otherHandling.total`)?.some((v) => v !== null);
    if (printedSubtotal) {
      notes.findings.push({ severity: 'warning', code: 'cells-ignored', message: `${A}.otherHandling: a subtotal beside （六）其他处理 was not read`, path: `${A}.otherHandling` });
    }
    for (const k of ['noCorrection', 'unpaidFees', 'other']) {
      if (!rows.has(`${A}.otherHandling.${k}`)) {
        notes.findings.push({ severity: 'warning', code: 'row-missing', message: `${A}.otherHandling.${k}: row not found in the report`, path: `${A}.otherHandling.${k}`, unread: true });
      }
    }
  } else if (rows.get(`${A}.otherHandling.total`)?.every((v) => v === null) && !printed?.has(`${A}.otherHandling.total`)) {
    // （六）其他处理 printed bare, without sub-rows or figures: the three rows of the format, all blank.
    otherHandling = { noCorrection: blankRow(), unpaidFees: blankRow(), other: blankRow() };
    notes.findings.push({ severity: 'info', code: 'rows-blank', message: `${A}.otherHandling: （六）其他处理 printed without sub-rows or figures; read as its three rows left blank`, path: `${A}.otherHandling` });
  } else {
    otherHandling = { total: row('otherHandling.total') };
    if (!rows.has(`${A}.otherHandling.total`)) {
      notes.findings.push({ severity: 'warning', code: 'row-missing', message: `${A}.otherHandling: row not found in the report`, path: `${A}.otherHandling.total`, unread: true });
    }
  }

  return {
    received: row('received'),
    carriedOver: row('carriedOver'),
    granted: row('granted'),
    partlyGranted: row('partlyGranted'),
    denied: {
      stateSecret: row('denied.stateSecret'),
      prohibitedByLaw: row('denied.prohibitedByLaw'),
      endangersSafety: row('denied.endangersSafety'),
      thirdPartyRights: row('denied.thirdPartyRights'),
      internalAffairs: row('denied.internalAffairs'),
      processInformation: row('denied.processInformation'),
      enforcementRecords: row('denied.enforcementRecords'),
      queryMatters: row('denied.queryMatters'),
    },
    unavailable: { notHeld: row('unavailable.notHeld'), needsCreation: row('unavailable.needsCreation'), unclear: row('unavailable.unclear') },
    notProcessed: {
      complaints: row('notProcessed.complaints'),
      repeated: row('notProcessed.repeated'),
      publications: row('notProcessed.publications'),
      excessive: row('notProcessed.excessive'),
      confirmation: row('notProcessed.confirmation'),
    },
    otherHandling,
    total: row('total'),
    carriedForward: row('carriedForward'),
  };
}
