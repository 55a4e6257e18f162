// Reading one report file from disk: its text, decoded, and its sidecar metadata, into parseReport.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseReport, MAX_TEXT_LENGTH, type ParseResult } from '../parse/index.ts';
import { rejection } from '../parse/rejections.ts';
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
    json = JSON.parse(decode(bytes));
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

/** Decodes bytes as UTF-8 (with or without BOM) or, failing that, UTF-16 with a BOM. */
export function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

export function parseBytes(bytes: Buffer, source: string): ParseResult {
  // Several bytes per character at most: a file this large cannot be a report's text.
  if (bytes.length > MAX_TEXT_LENGTH * 4) {
    return { ok: false, ...rejection.tooLargeBytes(bytes.length) };
  }
  return parseReport(decode(bytes), { source });
}

/** The parse pool's parser (pool.ts, `parserModule`): one file by path, named by its file name. */
export async function parseFile(path: string, name: string): Promise<ParseResult> {
  return parseBytes(readFileSync(path), name);
}

export function readReportFile(file: string): ParseResult {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) return { ok: false, ...rejection.directory() };
    bytes = readFileSync(file);
  } catch (e) {
    return { ok: false, ...rejection.unreadable((e as NodeJS.ErrnoException).code ?? (e as Error).message) };
  }
  const result = parseBytes(bytes, basename(file));
  if (!result.ok) return result;
  const sidecar = readSidecar(file);
  if (sidecar.info) result.report.sourceInfo = sidecar.info;
  if (sidecar.error) result.report.findings.push({ severity: 'warning', code: 'sidecar-invalid', message: sidecar.error });
  return result;
}
