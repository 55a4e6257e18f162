// node scripts/fuzz/pdf-readers.ts [--cases N] FILE.pdf ...
// The two PDF readers on damaged copies of PDFs: each file's bytes mutated N times (scripts/fuzz/mutate.ts),
// every copy parsed with the fast reader and with PDFium (PDF_READER=pdfium), each figure compared with
// the undamaged file's. Prints how often each reader gave a report marked consistent with a figure
// other than the undamaged one's (a silent wrong figure), and every copy the two read differently.
// A benchmark-style check, not a test: it prints, it asserts nothing.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseBytes } from '../../src/lib/ingest/read.ts';
import type { ParseResult } from '../../src/lib/parse/index.ts';
import { createRng } from '../synth/prng.ts';
import { mutateBytes } from './mutate.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--cases');
const cases = at >= 0 ? Number(args[at + 1]) : 100;
const files = args.filter((_, i) => i !== at && i !== at + 1);
if (files.length === 0) throw new Error('name one or more PDF files');

const leaves = (v: unknown, p = ''): [string, unknown][] =>
  Array.isArray(v) ? v.flatMap((x, i) => leaves(x, `${p}[${i}]`)) : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => leaves(x, p ? `${p}.${k}` : k)) : [[p, v]];
/** Every figure of the report's tables by its path. */
const figures = (r: ParseResult & { ok: true }) => {
  const { active, applications, review, litigationDirect, litigationAfterReview } = r.report;
  return new Map(leaves({ active, applications, review, litigationDirect, litigationAfterReview }));
};
async function parse(bytes: Uint8Array, reader: 'fast' | 'pdfium'): Promise<ParseResult> {
  if (reader === 'pdfium') process.env.PDF_READER = 'pdfium';
  try {
    return await parseBytes(bytes, 'fuzz.pdf');
  } finally {
    delete process.env.PDF_READER;
  }
}

const tally = { copies: 0, bothRejected: 0, silentFast: 0, silentPdfium: 0, readDifferently: 0 };
const notes: string[] = [];
for (const file of files) {
  const original = new Uint8Array(readFileSync(file));
  const undamaged = await parse(original, 'pdfium');
  if (!undamaged.ok) throw new Error(`${file}: not read undamaged (${undamaged.error})`);
  const truth = figures(undamaged);
  for (let i = 0; i < cases; i++) {
    const rng = createRng(`pdf-readers:${basename(file)}:${i}`);
    const { bytes, ops } = mutateBytes(rng, original, rng.int(1, 4));
    const [fast, slow] = [await parse(bytes, 'fast'), await parse(bytes, 'pdfium')];
    tally.copies++;
    if (!fast.ok && !slow.ok) {
      tally.bothRejected++;
      continue;
    }
    const wrong = (r: ParseResult) => r.ok && r.report.consistent && [...figures(r)].some(([k, v]) => v !== null && truth.get(k) !== v);
    const silent = [wrong(fast) && 'fast', wrong(slow) && 'PDFium'].filter(Boolean);
    if (silent.includes('fast')) tally.silentFast++;
    if (silent.includes('PDFium')) tally.silentPdfium++;
    if (silent.length) notes.push(`${basename(file)} #${i} (${ops.join(', ')}): consistent and another figure than the undamaged file's: ${silent.join(' and ')}`);
    const slowFigures = slow.ok ? figures(slow) : null;
    const same = fast.ok && slowFigures !== null && [...figures(fast)].every(([k, v]) => slowFigures.get(k) === v);
    if (!same) {
      tally.readDifferently++;
      notes.push(`${basename(file)} #${i} (${ops.join(', ')}): fast ${fast.ok ? `read, consistent ${fast.report.consistent}` : 'rejected'}; PDFium ${slow.ok ? `read, consistent ${slow.report.consistent}` : 'rejected'}`);
    }
  }
}
console.log(tally);
for (const n of notes) console.log(`  ${n}`);
