// A file that holds more than one report (two files joined) or one report's tables twice: reading
// it would mix the figures of both (the first table of each kind wins, row by row). Found by what
// only a table or a report's start prints once: a table's own header and row lines, a second title
// followed by a second 总体情况.
import type { Line } from './lines.ts';

/** Lines a table prints once, matched on the line without spaces; the table's name for the reason. */
const ONCE: { table: string; line: RegExp }[] = [
  { table: '二（主动公开）', line: /^第二十条第\(一\)项/ },
  { table: '二（主动公开）', line: /^第二十条第\(八\)项/ },
  { table: '三（依申请公开）', line: /^(?:一、)?本年新收.{0,12}申请数/ },
  { table: '三（依申请公开）', line: /^(?:四、)?结转下年度继续办理/ },
  { table: '四（复议诉讼）', line: /未经复议直接起诉/ },
];
/** A report's title: the year, then 政府信息公开…年度报告 at the end of a short line. */
const TITLE = /(?:19|20)\d{2}年度?.{0,30}(?:政府信息公开|政务公开).{0,8}年度?报告$/;
const OVERVIEW = /^[一1][、.](?:总体情况|基本情况|概述)/;

/** Prose mentions row names too; a table's line has no sentence punctuation and no 件. */
const tableLike = (compact: string) => compact.length <= 60 && !/[，。；件]/.test(compact);

/** Why the text holds more than one report, or null. */
export function repeatedReport(lines: readonly Line[]): string | null {
  // This runs on every report: a line is compacted only when it holds a character of the words sought.
  const cache = new Map<number, string>();
  const compact = (i: number) => {
    let c = cache.get(i);
    if (c === undefined) cache.set(i, (c = lines[i]!.text.length <= 200 ? lines[i]!.text.replace(/\s+/g, '') : ''));
    return c;
  };
  const candidates = lines.flatMap((l, i) => (l.text.length <= 200 && /[条收续诉]/.test(l.text) ? [i] : []));
  let firstTable = -1;
  for (const { table, line } of ONCE) {
    const at = candidates.filter((i) => tableLike(compact(i)) && line.test(compact(i)));
    if (at.length > 0 && (firstTable < 0 || at[0]! < firstTable)) firstTable = at[0]!;
    if (at.length >= 2) {
      return `table ${table} printed twice (line ${lines[at[0]!]!.no} and line ${lines[at[1]!]!.no}: ${lines[at[1]!]!.text.slice(0, 30)})`;
    }
  }
  if (firstTable < 0) return null;
  // A title after the first table, followed by a report's first section: a second report. (A page's
  // running head repeats the title too, but no 一、总体情况 follows it.)
  for (let i = firstTable + 1; i < lines.length; i++) {
    if (!lines[i]!.text.includes('告') || compact(i).length > 80 || !TITLE.test(compact(i))) continue;
    const overview = lines.findIndex((l, j) => j > i && /^[一1]/.test(l.text) && OVERVIEW.test(compact(j)));
    if (overview >= 0) return `a second title at line ${lines[i]!.no} (${compact(i)}), followed by its own sections at line ${lines[overview]!.no}`;
  }
  return null;
}
