// The data downloads: every linked .json parses, every linked .csv is UTF-8 and rectangular; the
// data page offers all reports as JSON and as one CSV (BOM for Excel, a row per county-year) whose
// cells agree with each report's own JSON download.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS, OUTCOME_COLUMNS } from '../../src/lib/schema.ts';
import { attr, elements, listFiles, loadDocument, textOf, urlPathOf } from './dom.ts';
import { DIST, ROOT, loadBuildInfo } from './paths.ts';
import { parseCsv } from '../site/csv.ts';
import { expectedCsvRows, missingCsvRows } from './figures.ts';
import { reportPages } from './reports.ts';
import { resolveUrl } from './resolve.ts';

const info = loadBuildInfo();
const opts = { dist: DIST, base: info.base, site: info.site };
const pages = listFiles(DIST, ['.html']);
const reports = reportPages(info).filter((p) => p.json);

/** Files of dist/ that pages link to with the extension, and the pages linking to each. */
function linked(ext: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const page of pages) {
    const from = urlPathOf(DIST, page, info.base);
    for (const a of elements(loadDocument(page), 'a')) {
      const r = resolveUrl(attr(a, 'href') ?? '', from, opts);
      if (r.kind === 'file' && r.file.endsWith(ext)) out.set(r.file, [...(out.get(r.file) ?? []), from]);
    }
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const readCsv = (file: string) => {
  const bytes = readFileSync(file);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { bom, rows: parseCsv(utf8.decode(bom ? bytes.subarray(3) : bytes)) };
};

/** A CSV header such as applications.granted.naturalPersons or review.total, read in a report JSON. */
function valueAt(report: unknown, header: string): unknown {
  let v: unknown = report;
  for (const part of header.split('.')) {
    if (Array.isArray(v)) {
      const columns: readonly string[] = v.length === APPLICANT_COLUMNS.length ? APPLICANT_COLUMNS : OUTCOME_COLUMNS;
      const i = columns.indexOf(part);
      if (i < 0) return undefined;
      v = v[i];
    } else if (v && typeof v === 'object') v = (v as Record<string, unknown>)[part];
    else return undefined;
  }
  return v;
}

describe('downloads', () => {
  const jsons = linked('.json');
  const csvs = linked('.csv');

  it('every linked .json parses', () => {
    expect(jsons.size).toBeGreaterThan(reports.length);
    const bad = [...jsons.keys()].flatMap((f) => {
      try {
        JSON.parse(readFileSync(f, 'utf8'));
        return [];
      } catch (e) {
        return [`${urlPathOf(DIST, f, info.base)}: ${(e as Error).message}`];
      }
    });
    expect(bad).toEqual([]);
  });

  it('every linked .csv is UTF-8 with rows of equal length', () => {
    expect(csvs.size).toBeGreaterThan(0);
    const bad = [...csvs.keys()].flatMap((f) => {
      const url = urlPathOf(DIST, f, info.base);
      try {
        const { rows } = readCsv(f);
        const widths = new Set(rows.map((r) => r.length));
        return widths.size === 1 ? [] : [`${url}: rows of ${[...widths].join(', ')} fields`];
      } catch (e) {
        return [`${url}: ${(e as Error).message}`];
      }
    });
    expect(bad).toEqual([]);
  });

  // Each report page's own CSV: the report's tables as printed, every figure of its JSON in place.
  const reportCsv = (p: (typeof reports)[number]) => {
    for (const a of elements(loadDocument(p.file), 'a')) {
      const r = resolveUrl(attr(a, 'href') ?? '', p.url, opts);
      if (r.kind === 'file' && r.file.endsWith('.csv') && r.file.startsWith(p.file.slice(0, -'index.html'.length))) return r.file;
    }
    return undefined;
  };

  it.each(reports.map((p) => ({ page: p.url, p })))('$page: its CSV names county, year and source first and prints every figure of its JSON in its tables', ({ p }) => {
    const file = reportCsv(p);
    expect(file, `${p.url} links no CSV of its own`).toBeDefined();
    const { bom, rows } = readCsv(file!);
    expect(bom, 'UTF-8 BOM so that Excel reads it as UTF-8').toBe(true);
    const report = p.json!.data as { source: string; year: number; region: { name: string } };
    expect(rows[0][0]).toContain(report.region.name);
    expect(rows[0][0]).toContain(`${report.year}`);
    expect(rows[0][0]).toContain(report.source);
    // The printed column heads of 三 and 四, in order.
    expect(rows.some((r) => r[1] === '自然人' && /商业企业/.test(r[2]) && /科研机构/.test(r[3]) && /社会公益组织/.test(r[4]) && /法律服务机构/.test(r[5]) && /其他/.test(r[6]) && r[7] === '总计')).toBe(
      p.json!.data.applications !== null,
    );
    expect(rows.some((r) => r.slice(1, 6).join() === '结果维持,结果纠正,其他结果,尚未审结,总计')).toBe(true);
    const expected = expectedCsvRows(p.json!.data);
    expect(expected.length).toBeGreaterThan(p.json!.data.applications ? 20 : 2);
    expect(missingCsvRows(expected, rows)).toEqual([]);
    // And the hand-checked values, for the sample reports.
    const fixture = join(ROOT, 'test/fixtures/expected', report.source.replace(/\.txt$/, '.json'));
    if (existsSync(fixture)) expect(missingCsvRows(expectedCsvRows(JSON.parse(readFileSync(fixture, 'utf8'))), rows)).toEqual([]);
  });

  // The data page: the page that publishes the manifest (names every input file).
  const dataPage = pages.find((f) => info.inputs.every((i) => textOf(loadDocument(f)).includes(i.file)));
  const dataUrl = dataPage && urlPathOf(DIST, dataPage, info.base);
  const fromDataPage = (m: Map<string, string[]>) => [...m].filter(([, from]) => from.includes(dataUrl!)).map(([f]) => f);
  const sources = reports.map((r) => r.json!.data.source).sort();

  it('the data page offers every report in one JSON file', () => {
    expect(dataUrl, 'a data page').toBeDefined();
    const all = fromDataPage(jsons).find((f) => {
      const d = JSON.parse(readFileSync(f, 'utf8'));
      const list = Array.isArray(d) ? d : Array.isArray(d?.reports) ? d.reports : [];
      return JSON.stringify(list.map((r: { source?: string }) => r.source).sort()) === JSON.stringify(sources);
    });
    expect(all, `a JSON linked from ${dataUrl} listing the reports ${sources.join(', ')}`).toBeDefined();
  });

  it('the data page offers one CSV with a BOM and a row per county-year that agrees with each report JSON', () => {
    const candidates = fromDataPage(csvs).map((f) => ({ f, ...readCsv(f) }));
    const bulk = candidates.find(({ rows }) => rows.length === reports.length + 1 && rows[0].includes('region.code') && rows[0].includes('year'));
    expect(bulk, `a CSV linked from ${dataUrl} with a header and ${reports.length} rows`).toBeDefined();
    expect(bulk!.bom, 'UTF-8 BOM so that Excel reads it as UTF-8').toBe(true);
    const [header, ...rows] = bulk!.rows;
    const mismatches: string[] = [];
    for (const p of reports) {
      const report = p.json!.data;
      const row = rows.find((r) => r[header.indexOf('region.code')] === p.code && r[header.indexOf('year')] === String(p.year));
      if (!row) {
        mismatches.push(`${p.code} ${p.year}: no row`);
        continue;
      }
      let compared = 0;
      header.forEach((h, i) => {
        const v = valueAt(report, h);
        if (v === undefined || (v !== null && typeof v === 'object')) return;
        compared++;
        const ok = v === null ? row[i] === '' : typeof v === 'number' ? row[i] !== '' && Number(row[i]) === v : row[i] === String(v);
        if (!ok) mismatches.push(`${p.code} ${p.year} ${h}: CSV "${row[i]}", JSON ${JSON.stringify(v)}`);
      });
      // Every figure of the tables has a column: 25 rows x 7 of section 三, 15 of section 四, those of 二.
      if (compared < 150) mismatches.push(`${p.code} ${p.year}: only ${compared} columns match report fields`);
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});
