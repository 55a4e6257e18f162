// The mutants Stryker makes of a file (static ones included), as `npm run mutation` instruments it,
// counted with Stryker's own instrumenter: what the scores are out of, and the frame a sample is drawn from.
import { readFileSync } from 'node:fs';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import { createRng } from '../synth/prng.ts';

/** Where `--sample` keeps each sampled file's draw. */
export const SAMPLE_FILE = 'reports/mutation-sample.json';
export interface SampleRecord {
  seed: string;
  fraction: number;
  /** How many lines the frame has (lines holding a one-line mutant), and the ones drawn. */
  frame: number;
  lines: number[];
}

export interface MadeMutant {
  /** 1-based, as in Stryker's reports and `--mutate file:line-line`. */
  startLine: number;
  endLine: number;
}

const quiet = { isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };

export async function mutantsOf(file: string): Promise<MadeMutant[]> {
  const content = readFileSync(file, 'utf8');
  const result = await new Instrumenter(quiet as never).instrument([{ name: file, content, mutate: true }], { plugins: null, excludedMutations: [], ignorers: [], noHeader: false } as never);
  // The instrumenter counts lines from 0.
  return result.mutants.map((m) => ({ startLine: m.location.start.line + 1, endLine: m.location.end.line + 1 }));
}

/** The lines a sample is drawn from: those holding a mutant that starts and ends on them. A range
 * `file:L-L` mutates exactly those; a mutant over several lines (a block, a function body) is outside
 * the frame. */
export function frameLines(mutants: readonly MadeMutant[]): number[] {
  return [...new Set(mutants.filter((m) => m.startLine === m.endLine).map((m) => m.startLine))].sort((a, b) => a - b);
}

/** k of the lines, drawn without replacement with the project's seeded generator (the same seed draws
 * the same lines), in line order. */
export function drawLines(lines: readonly number[], k: number, seed: string): number[] {
  return createRng(seed).shuffle(lines).slice(0, k).sort((a, b) => a - b);
}
