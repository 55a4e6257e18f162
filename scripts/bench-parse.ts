// npm run bench:parse: documents read and parsed per second on one core, per format (bytes in, report
// out: the front stage and the parser). The documents: the samples in content/reports and synthetic
// reports written as text, web pages and Word files (BENCH_SYNTHETIC of each, default 20), printed
// to PDF by Chromium (BENCH_SYNTHETIC_PDF, default 5) and saved as .doc by LibreOffice
// (BENCH_SYNTHETIC_DOC, default 10; 0 where soffice is not installed).
// PDFs are timed apart by how they were made, as their fonts set the reader's work: the published
// samples; Chromium printing with Noto CJK (CFF outlines, which it embeds as a Type 3 font per few
// glyphs, each glyph a compressed procedure); Chromium printing with a TrueType CJK font (CID TrueType,
// as Word, WPS and a browser on Windows embed theirs; where fonts-wqy-zenhei is installed); LibreOffice
// exporting the Word file (its fonts' metrics send the file to PDFium). "pdf, all" sums them.
// A benchmark, not a test: it prints figures. Targets: text >= 1,000 reports/s; PDF >= 50 reports/s.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportFiles } from '../src/lib/ingest/ingest.ts';
import { parseBytes } from '../src/lib/ingest/read.ts';
import { sniff } from '../src/lib/read/sniff.ts';
import { counties } from '../src/lib/region.ts';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { renderEntry, type CorpusFormat } from './corpus.ts';
import { renderReportHtml, TRUETYPE_CJK_FONT } from './synth/html.ts';
import { convertDocxToDoc, convertDocxToPdf, LIBREOFFICE, printHtmlToPdf } from './synth/pdf.ts';
import { createRng, generateTruth, randomDocumentOptions, randomLayout, randomTruthOptions, writeReport } from './synth/index.ts';

const dir = fileURLToPath(new URL('../content/reports/', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const synthetic = Number(process.env.BENCH_SYNTHETIC ?? 20);
const syntheticPdf = Number(process.env.BENCH_SYNTHETIC_PDF ?? 5);
const syntheticDoc = Number(process.env.BENCH_SYNTHETIC_DOC ?? (LIBREOFFICE ? 10 : 0));

interface Doc {
  name: string;
  bytes: Uint8Array;
}

const byFormat = new Map<string, Doc[]>();
const add = (format: string, doc: Doc) => byFormat.set(format, [...(byFormat.get(format) ?? []), doc]);
const PDF = { published: 'pdf: published samples', type3: 'pdf: Chromium, Type 3 glyphs', trueType: 'pdf: Chromium, TrueType', libreOffice: 'pdf: LibreOffice' };
/** A TrueType CJK font for Chromium to embed as CID TrueType (Debian's fonts-wqy-zenhei). */
const TRUETYPE_CJK = existsSync('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc') ? TRUETYPE_CJK_FONT : undefined;

for (const f of reportFiles(dir)) {
  const bytes = new Uint8Array(readFileSync(join(dir, f)));
  const format = sniff(bytes);
  add(format === 'pdf' ? PDF.published : format, { name: f, bytes });
}
let launched: Promise<Browser> | undefined;
const browser = () => (launched ??= launchChromium());
const docx: Uint8Array[] = [];
const docxForPdf: Uint8Array[] = [];
for (let i = 0; i < Math.max(synthetic, syntheticPdf, syntheticDoc); i++) {
  const rng = createRng(`bench-parse:${i}`);
  const year = rng.int(2019, 2024);
  const truth = generateTruth(rng, counties[rng.int(0, counties.length - 1)]!, year, randomTruthOptions(rng, year));
  const text = writeReport(truth, randomLayout(rng.fork('layout'), `bench:${i}`)).text;
  const formats: CorpusFormat[] = i < syntheticPdf ? ['txt', 'html', 'docx', 'pdf'] : ['txt', 'html', 'docx'];
  for (const format of formats) {
    const out = await renderEntry({ truth, text }, format, { ...randomDocumentOptions(rng.fork(format), `bench:${i}`), charset: rng.chance(0.3) ? 'gbk' : 'utf-8' }, browser);
    add(format === 'pdf' ? PDF.type3 : format, { name: `synthetic-${i}.${format}`, bytes: typeof out === 'string' ? new TextEncoder().encode(out) : out });
    if (format === 'docx' && i < syntheticDoc) docx.push(out as Uint8Array);
    if (format === 'docx' && i < syntheticPdf && LIBREOFFICE) docxForPdf.push(out as Uint8Array);
  }
  if (i < syntheticPdf && TRUETYPE_CJK) {
    const html = renderReportHtml(truth, { ...randomDocumentOptions(rng.fork('pdf'), `bench:${i}`), charset: 'utf-8', fontFamily: TRUETYPE_CJK });
    add(PDF.trueType, { name: `synthetic-${i}-truetype.pdf`, bytes: await printHtmlToPdf(await browser(), html) });
  }
}
// The .doc files and LibreOffice's PDFs: the same Word files saved by LibreOffice, in one run of it each.
if (docx.length) convertDocxToDoc(docx).forEach((bytes, i) => add('doc', { name: `synthetic-${i}.doc`, bytes }));
if (docxForPdf.length) convertDocxToPdf(docxForPdf).forEach((bytes, i) => add(PDF.libreOffice, { name: `synthetic-${i}-libreoffice.pdf`, bytes }));
if (!TRUETYPE_CJK) console.log('(no TrueType CJK font: install fonts-wqy-zenhei to time Chromium PDFs with CID TrueType fonts)');
if (launched) await (await launched).close();

const pdfs = [...byFormat].filter(([format]) => format.startsWith('pdf:')).flatMap(([, docs]) => docs);
if (pdfs.length) byFormat.set('pdf, all', pdfs);

for (const [format, docs] of [...byFormat].sort(([a], [b]) => a.localeCompare(b))) {
  for (const d of docs) await parseBytes(d.bytes, d.name); // warm-up
  let count = 0;
  let failed = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (const d of docs) {
      if (!(await parseBytes(d.bytes, d.name)).ok) failed++;
      count++;
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  // CPU time of this process too: on a busy machine wall time understates what one core does.
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `parse ${format.padEnd(30)}: ${String(Math.round(count / elapsed)).padStart(5)} documents/s wall, ${String(Math.round(count / cpuSeconds)).padStart(5)} per CPU-second ` +
      `(${count} parses of ${docs.length} documents in ${elapsed.toFixed(2)} s${failed ? `; ${failed} REJECTED` : ''})`,
  );
}
