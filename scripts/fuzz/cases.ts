// Fuzz cases, each made from its seed alone (so any case can be replayed): a sample report or a
// synthetic one (text in a converter's layout, a web page, a Word file) with random mutations, or a
// pre-made PDF with its bytes damaged. Cases with a known truth carry it, to compare the parse with.
import { readFileSync, readdirSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { counties } from '../../src/lib/region.ts';
import {
  createRng,
  encodeHtml,
  generateTruth,
  randomDocumentOptions,
  randomLayout,
  randomTruthOptions,
  renderReportDocx,
  renderReportHtml,
  writeReport,
  type HtmlOptions,
  type Rng,
  type Truth,
} from '../synth/index.ts';
import { encodeText, mutateBytes, mutateText, TEXT_ENCODINGS, type TextMutation } from './mutate.ts';

export type CaseKind = 'sample' | 'txt' | 'html' | 'docx' | 'pdf';

export interface FuzzCase {
  seed: string;
  kind: CaseKind;
  /** What the case was made from: a sample's file name, or the synthetic report's county and year. */
  from: string;
  name: string;
  bytes: Uint8Array;
  /** The values the report was written from (none for PDFs): a figure read otherwise is wrong. */
  truth?: Truth;
  /** Every mutation applied, in words; empty when the report is as written. */
  ops: string[];
}

const root = new URL('../../', import.meta.url);
const samplesDir = new URL('content/reports/', root);
const expectedDir = new URL('test/fixtures/expected/', root);

interface Sample {
  name: string;
  text: string;
  truth: Truth;
}

let samples: Sample[] | undefined;
/** The five .txt samples with their hand-checked values. */
export function loadSamples(): Sample[] {
  samples ??= readdirSync(samplesDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, samplesDir), 'utf8'), truth: JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.json'), expectedDir), 'utf8')) as Truth }));
  if (samples.length !== 5) throw new Error(`expected the five .txt samples in content/reports, found ${samples.length}`);
  return samples;
}

let pdfs: { name: string; bytes: Uint8Array }[] | undefined;
/** Pre-made PDFs (a PDF per case would take seconds): the real one in content/reports and the damaged test documents. */
export function loadPdfs(): { name: string; bytes: Uint8Array }[] {
  pdfs ??= [
    ...readdirSync(samplesDir).filter((f) => f.endsWith('.pdf')).map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(new URL(f, samplesDir))) })),
    ...readdirSync(new URL('test/fixtures/documents/', root))
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(new URL(`test/fixtures/documents/${f}`, root))) })),
  ].sort((a, b) => a.name.localeCompare(b.name));
  if (pdfs.length === 0) throw new Error('no PDF found in content/reports or test/fixtures/documents');
  return pdfs;
}

/** How many mutations a case gets: some none (the report as written), most one or two. */
const mutationCount = (rng: Rng) => rng.weighted([[0, 10], [1, 50], [2, 25], [3, 10], [4, 5]] as const);

/** The first line with words: what a report's pages repeat as their letterhead. */
const firstLine = (text: string) => text.split('\n').find((l) => l.trim().length > 0)?.trim() ?? '';

function synthetic(rng: Rng, seed: string) {
  const year = rng.int(2019, 2024);
  const county = counties[rng.int(0, counties.length - 1)]!;
  const truth = generateTruth(rng.fork('truth'), county, year, randomTruthOptions(rng.fork('options'), year));
  return { truth, from: `${county.code} ${year}`, layout: randomLayout(rng.fork('layout'), seed) };
}

/** Text mutations inside a Word file's text runs only (the zip and XML stay whole). */
const DOCX_MUTATIONS: TextMutation[] = ['digit', 'whitespace', 'fullWidth', 'unicode'];

/** Word files take the `docx` package a quarter of a second each: cases mutate one of a few hundred, each made once. */
export const DOCX_BASES = 300;
const docxBases = new Map<number, Promise<{ truth: Truth; from: string; bytes: Uint8Array }>>();
function docxBase(k: number) {
  let base = docxBases.get(k);
  if (!base) {
    const rng = createRng(`docx-base:${k}`);
    const { truth, from } = synthetic(rng, `docx-base:${k}`);
    base = renderReportDocx(truth, randomDocumentOptions(rng.fork('document'), `docx-base:${k}`)).then((bytes) => ({ truth, from, bytes }));
    docxBases.set(k, base);
  }
  return base;
}

async function docxCase(rng: Rng, seed: string): Promise<FuzzCase> {
  const { truth, from, bytes } = await docxBase(rng.int(0, DOCX_BASES - 1));
  const count = mutationCount(rng);
  if (rng.chance(0.1)) {
    const damaged = mutateBytes(rng, bytes, Math.max(1, count));
    return { seed, kind: 'docx', from, name: 'fuzz.docx', bytes: damaged.bytes, truth, ops: damaged.ops };
  }
  if (count === 0) return { seed, kind: 'docx', from, name: 'fuzz.docx', bytes, truth, ops: [] };
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']!);
  // Mutate the text of the runs, joined by a separator no mutation writes, then put each back.
  const runs = [...xml.matchAll(/(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g)];
  const SEP = '\n';
  const joined = runs.map((m) => m[2]).join(SEP);
  const mutated = mutateText(rng, joined, count, '', DOCX_MUTATIONS);
  const parts = mutated.text.split(SEP);
  if (parts.length !== runs.length) return { seed, kind: 'docx', from, name: 'fuzz.docx', bytes, truth, ops: [] };
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  let k = 0;
  files['word/document.xml'] = strToU8(xml.replace(/(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g, (_, open: string, text: string, close: string) => {
    const part = parts[k++]!;
    return `${open}${part === text ? text : escape(part)}${close}`;
  }));
  return { seed, kind: 'docx', from, name: 'fuzz.docx', bytes: zipSync(files), truth, ops: mutated.ops.map((o) => `in the Word text: ${o}`) };
}

function htmlCase(rng: Rng, seed: string): FuzzCase {
  const { truth, from } = synthetic(rng, seed);
  const options: HtmlOptions = {
    ...randomDocumentOptions(rng.fork('document'), seed),
    page: rng.pick(['portal', 'layoutTables', 'bare'] as const),
    narrowLabels: rng.chance(0.3),
    breakTables: rng.chance(0.5),
    cellLines: rng.pick(['br', 'p'] as const),
    charset: rng.chance(0.3) ? 'gbk' : 'utf-8',
  };
  const html = renderReportHtml(truth, options);
  const mutated = mutateText(rng, html, mutationCount(rng), '');
  return { seed, kind: 'html', from, name: 'fuzz.html', bytes: encodeHtml(mutated.text, options.charset), truth, ops: mutated.ops.map((o) => `in the HTML: ${o}`) };
}

function textCase(rng: Rng, seed: string, kind: 'sample' | 'txt'): FuzzCase {
  let text: string;
  let truth: Truth;
  let from: string;
  if (kind === 'sample') {
    const s = rng.pick(loadSamples());
    [text, truth, from] = [s.text, s.truth, s.name];
  } else {
    const made = synthetic(rng, seed);
    [text, truth, from] = [writeReport(made.truth, made.layout).text, made.truth, made.from];
  }
  const mutated = mutateText(rng, text, mutationCount(rng), firstLine(text));
  const encoding = rng.weighted(TEXT_ENCODINGS.map((e) => [e, e === 'utf-8' ? 60 : e === 'mojibake' ? 2 : 8] as const));
  const ops = encoding === 'utf-8' ? mutated.ops : [...mutated.ops, `encoded as ${encoding}`];
  return { seed, kind, from, name: 'fuzz.txt', bytes: encodeText(mutated.text, encoding), truth, ops };
}

function pdfCase(rng: Rng, seed: string): FuzzCase {
  const pdf = rng.pick(loadPdfs());
  const damaged = mutateBytes(rng, pdf.bytes, rng.int(1, 4));
  return { seed, kind: 'pdf', from: pdf.name, name: 'fuzz.pdf', bytes: damaged.bytes, ops: damaged.ops };
}

/** The case of a seed: its kind by weight (PDFs are few: each takes a fraction of a second to read). */
export async function makeCase(seed: string): Promise<FuzzCase> {
  const rng = createRng(seed);
  const kind = rng.weighted([['sample', 20], ['txt', 45], ['html', 18], ['docx', 15], ['pdf', 1.5]] as const);
  switch (kind) {
    case 'sample':
    case 'txt':
      return textCase(rng, seed, kind);
    case 'html':
      return htmlCase(rng, seed);
    case 'docx':
      return docxCase(rng, seed);
    case 'pdf':
      return pdfCase(rng, seed);
  }
}
