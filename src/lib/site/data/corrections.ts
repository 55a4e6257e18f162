// The corrections log (content/corrections.json, schema CorrectionsLog): read and checked once.
// A malformed file stops the build naming the file and what is wrong: the log is a promise to readers.
import { readFileSync } from 'node:fs';
import { CorrectionsLog, type Correction } from '../../schema.ts';
import { pathLabel } from '../view/labels.ts';

export const CORRECTIONS_FILE = process.env.CORRECTIONS_FILE ?? 'content/corrections.json';

export function readCorrections(file = CORRECTIONS_FILE): Correction[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = CorrectionsLog.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new Error(`${file}: ${where}`);
  }
  // Newest first: what a returning reader looks for.
  return [...parsed.data.corrections].sort((a, b) => b.date.localeCompare(a.date) || a.report.localeCompare(b.report));
}

/** The corrected figure in Chinese: 申请情况表 （一）予以公开，“总计”栏. */
export const correctionWhere = (c: Correction): string => (c.path ? pathLabel(c.path) : '整份报告');
