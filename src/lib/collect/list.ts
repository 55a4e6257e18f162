// The collection list: a CSV of what to collect, one address a line: `code,year,url[,kind]`.
// The code (GB/T 2260) or the year may be empty where unknown; kind is `report` (the default: a
// report's file or article page) or `listing` (a county's 政府信息公开年报 listing page, whose report
// links are found and collected). A header line and `#` comments are allowed.
import { parse } from 'csv-parse/sync';

export interface ListEntry {
  url: string;
  region?: string;
  year?: number;
  kind: 'report' | 'listing';
  /** 1-based line in the list, for messages. */
  line: number;
}

export interface ParsedList {
  entries: ListEntry[];
  /** One message per bad line, naming the file and the line; the other lines are still collected. */
  errors: string[];
}

const HEADER = /^(code|region|county|地区代码|代码)$/i;

/** Checks one address: absolute http(s), returned normalised (WHATWG URL). */
export function normaliseUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

export function parseCollectList(text: string, fileName: string): ParsedList {
  let records: { record: string[]; line: number }[];
  try {
    records = (
      parse(text.replace(/^\uFEFF/, ''), {
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
        comment: '#',
        comment_no_infix: true,
        info: true,
      }) as unknown as { record: string[]; info: { lines: number } }[]
    ).map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (e) {
    return { entries: [], errors: [`${fileName}: not a readable CSV (${(e as Error).message})`] };
  }
  const entries: ListEntry[] = [];
  const errors: string[] = [];
  records.forEach(({ record, line }, i) => {
    if (i === 0 && HEADER.test(record[0] ?? '')) return;
    if (record.every((c) => c === '')) return;
    const bad = (what: string) => errors.push(`${fileName}:${line}: ${what}`);
    const [code = '', year = '', rawUrl = '', kind = ''] = record;
    if (record.length < 3) return bad(`expected code,year,url, got ${record.length} field(s)`);
    if (record.length > 4) return bad(`expected at most 4 fields (code,year,url,kind), got ${record.length}`);
    if (code !== '' && !/^\d{6}$/.test(code)) return bad(`the county code "${code}" is not six digits (GB/T 2260)`);
    if (year !== '' && !(/^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100)) return bad(`the year "${year}" is not a year`);
    const url = normaliseUrl(rawUrl);
    if (!url) return bad(`"${rawUrl}" is not an http(s) address`);
    if (kind !== '' && kind !== 'report' && kind !== 'listing') return bad(`the kind "${kind}" is neither report nor listing`);
    entries.push({
      url,
      ...(code ? { region: code } : {}),
      ...(year ? { year: Number(year) } : {}),
      kind: kind === 'listing' ? 'listing' : 'report',
      line,
    });
  });
  return { entries, errors };
}
