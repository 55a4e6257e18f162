// The intermediate form every front stage yields: the report as lines of text, each with where in the
// source document it was read. Everything after the front stages works on this and nothing else, so
// no later stage knows which format a report came in.
import type { Origin, SourceFormat } from '../schema.ts';
import type { Rejection } from '../parse/rejections.ts';

export interface SourceText {
  format: SourceFormat;
  /** The report as text: table rows as one line each (cells separated by tabs or runs of spaces). */
  text: string;
  /** Where line i + 1 of `text` was read; empty for plain text, where the line is the origin. */
  origins: (Origin | undefined)[];
  /** Pages of a paged document (PDF). */
  pages?: number;
  /** What the front stage found about the whole document that the report must say (a scan's OCR text). */
  notices?: Notice[];
}

/** A front stage's word on the whole document, passed on as a warning finding without a path. */
export interface Notice {
  code: string;
  message: string;
}

export type ReadResult = { ok: true; source: SourceText } | ({ ok: false } & Rejection);

/** Lines with their origins into a SourceText. */
export function fromLines(format: SourceFormat, lines: readonly { text: string; origin?: Origin }[], pages?: number): SourceText {
  return {
    format,
    text: lines.map((l) => l.text).join('\n'),
    origins: lines.map((l) => l.origin),
    ...(pages !== undefined ? { pages } : {}),
  };
}
