// Reading one report file from disk: its text, decoded, and its sidecar metadata, into parseReport.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseReport, MAX_TEXT_LENGTH, type ParseResult } from '../parse/index.ts';
import { rejection } from '../parse/rejections.ts';
import { readDocument } from '../read/index.ts';
import { SourceInfo } from '../schema.ts';

/** `NAME.txt` may have `NAME.meta.json` beside it: where the report was published, and when. */
export const sidecarPath = (file: string) => file.replace(/\.[^./]+$/, '') + '.meta.json';

export function readSidecar(file: string): { info?: SourceInfo; error?: string } {
  const path = sidecarPath(file);
  if (!existsSync(path)) return {};
  try {
    const parsed = SourceInfo.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? { info: parsed.data } : { error: `${basename(path)}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` };
  } catch (e) {
    return { error: `${basename(path)}: not valid JSON (${(e as Error).message})` };
  }
}

/** Larger than any published report file (a PDF of a long report with scanned seals is a few MB). */
export const MAX_FILE_BYTES = MAX_TEXT_LENGTH * 4;

/** A document's bytes through its front stage into the parser. */
export async function parseBytes(bytes: Uint8Array, source: string, sidecar: SourceInfo = {}): Promise<ParseResult> {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, ...rejection.tooLargeBytes(bytes.length) };
  const read = await readDocument(bytes);
  if (!read.ok) return read;
  const { text, format, origins, pages } = read.source;
  const result = parseReport(text, { source, format, origins, ...(pages !== undefined ? { pages } : {}), ...(sidecar.region ? { region: sidecar.region } : {}) });
  // No report tables: say so in the words of the file's kind (a Word file, a web page).
  if (!result.ok && result.error === rejection.notReport().error) {
    if (format === 'docx' || format === 'doc') return { ok: false, ...rejection.wordNoReport() };
    if (format === 'html') return { ok: false, ...rejection.htmlNoReport() };
  }
  return result;
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
