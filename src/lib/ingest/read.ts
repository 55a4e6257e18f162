// Reading one report file from disk: its text, decoded, and its sidecar metadata, into parseReport.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseReport, MAX_TEXT_LENGTH, type ParseResult } from '../parse/index.ts';
import { rejection } from '../parse/rejections.ts';
import { readDocument } from '../read/index.ts';
import { decodeText } from '../read/text.ts';
import { SourceInfo } from '../schema.ts';
import { sidecarName } from './listing.ts';

/** `NAME.txt` may have `NAME.meta.json` beside it: where the report was published, and when. */
export const sidecarPath = (file: string) => join(dirname(file), sidecarName(basename(file)));

/** A sidecar read: its fields, or why it is not used, in English and Chinese (then none of it is: a bad `url` is not a link). */
export type Sidecar = { info?: SourceInfo; error?: string; errorZh?: string };

/** The sidecar's fields in Chinese, for the reasons on the site. */
const SIDECAR_FIELDS: Record<string, string> = { url: '原文网址（url）', published: '发布日期（published）', retrieved: '获取日期（retrieved）', title: '标题（title）' };

export function sidecarFromBytes(name: string, bytes: Buffer): Sidecar {
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes).text);
  } catch (e) {
    return { error: `${name}: not valid JSON (${(e as Error).message})`, errorZh: `${name} 不是有效的 JSON` };
  }
  const parsed = SourceInfo.safeParse(json);
  if (parsed.success) return { info: parsed.data };
  const issues = parsed.error.issues;
  const zh = issues.map((i) => {
    const field = String(i.path[0] ?? '');
    if (field === 'url') return `${SIDECAR_FIELDS.url}只能是 http: 或 https: 网址`;
    return field ? `${SIDECAR_FIELDS[field] ?? field}无效` : '内容应为一个 JSON 对象';
  });
  return { error: `${name}: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`, errorZh: `${name}：${zh.join('；')}` };
}

export function readSidecar(file: string): Sidecar {
  const path = sidecarPath(file);
  if (!existsSync(path)) return {};
  return sidecarFromBytes(basename(path), readFileSync(path));
}

/** Larger than any published report file (a PDF of a long report with scanned seals is a few MB). */
export const MAX_FILE_BYTES = MAX_TEXT_LENGTH * 4;

/** A document's bytes through its front stage into the parser. */
export async function parseBytes(bytes: Uint8Array, source: string, sidecar: SourceInfo = {}): Promise<ParseResult> {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, ...rejection.tooLargeBytes(bytes.length) };
  const read = await readDocument(bytes);
  if (!read.ok) return read;
  const { text, format, origins, pages, notices } = read.source;
  const result = parseReport(text, { source, format, origins, ...(pages !== undefined ? { pages } : {}), ...(sidecar.region ? { region: sidecar.region } : {}) });
  if (result.ok) for (const n of notices ?? []) result.report.findings.push({ severity: 'warning', ...n });
  // No report tables: say so in the words of the file's kind (a Word file, a web page).
  if (!result.ok && result.error === rejection.notReport().error) {
    if (format === 'docx' || format === 'doc') return { ok: false, ...rejection.wordNoReport() };
    if (format === 'html') return { ok: false, ...rejection.htmlNoReport() };
  }
  return result;
}

/** The parse pool's parser (pool.ts, `parserModule`): one file by path, named by its file name. */
export async function parseFile(path: string, name: string): Promise<ParseResult> {
  return parseBytes(readFileSync(path), name, readSidecar(path).info);
}

export async function readReportFile(file: string): Promise<ParseResult> {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) return { ok: false, ...rejection.directory() };
    bytes = readFileSync(file);
  } catch (e) {
    return { ok: false, ...rejection.unreadable((e as NodeJS.ErrnoException).code ?? (e as Error).message) };
  }
  const sidecar = readSidecar(file);
  const result = await parseBytes(bytes, basename(file), sidecar.info);
  if (!result.ok) return result;
  if (sidecar.info) result.report.sourceInfo = sidecar.info;
  if (sidecar.error) result.report.findings.push({ severity: 'warning', code: 'sidecar-invalid', message: sidecar.error });
  return result;
}
