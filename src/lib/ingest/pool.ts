// Parsing under a time limit: every file is parsed in a worker thread, one file at a time per
// worker, on every core. A file whose parse outlasts the limit is rejected with that reason and its
// worker terminated (a synchronous loop cannot be interrupted any other way); a fresh worker takes
// the next file, so one pathological file never stops or stalls the build.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../parse/index.ts';
import { fate } from './fates.ts';

/** What a parser module exports as `parseFile`: synchronous today, asynchronous once PDFs are read. */
export type FileParser = (path: string, name: string) => ParseResult | Promise<ParseResult>;

/** Default time limit of one file's parse; `PARSE_TIME_LIMIT` (seconds) overrides it. */
export const DEFAULT_TIME_LIMIT_MS = 20_000;
export function timeLimitFromEnv(env = process.env): number {
  const s = Number(env.PARSE_TIME_LIMIT);
  return Number.isFinite(s) && s > 0 ? s * 1000 : DEFAULT_TIME_LIMIT_MS;
}

export interface PoolOptions {
  dir: string;
  files: readonly string[];
  timeLimitMs: number;
  threads?: number;
  /** URL of the module whose `parseFile` reads a file (default ./read.ts). */
  parserModule?: string;
}

/** Messages: the worker says `{ ready }` once its parser is loaded, then answers each file name with `{ file, result }`. */
type FromWorker = { ready: true } | { file: string; result: ParseResult };

const DEFAULT_PARSER = new URL('./read.ts', import.meta.url).href;

function startWorker(dir: string, parserModule: string): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { dir, parserModule } });
    const fail = (e: Error) => reject(e);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the parse worker exited (${code}) before it was ready`)));
    worker.once('message', (m: FromWorker) => {
      worker.removeAllListeners('error').removeAllListeners('exit');
      if ('ready' in m) resolve(worker);
      else reject(new Error('the parse worker answered before it was ready'));
    });
  });
}

/** One file in one worker: its result, or a rejection when the time is up or the worker died. */
function parseOne(worker: Worker, file: string, limitMs: number): Promise<{ result: ParseResult; healthy: boolean }> {
  return new Promise((resolve) => {
    const done = (result: ParseResult, healthy: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve({ result, healthy });
    };
    const onMessage = (m: FromWorker) => {
      if ('file' in m && m.file === file) done(m.result, true);
    };
    const onError = (e: Error) => done({ ok: false, ...fate.crashed(e.message) }, false);
    const onExit = (code: number) => done({ ok: false, ...fate.crashed(`the worker exited with code ${code}`) }, false);
    const timer = setTimeout(() => done({ ok: false, ...fate.timeout(limitMs / 1000) }, false), limitMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(file);
  });
}

/** Parses `files` of `dir`, each under the time limit; results by file name. */
export async function parseUnderTimeLimit(options: PoolOptions): Promise<Map<string, ParseResult>> {
  const { dir, timeLimitMs } = options;
  const parserModule = options.parserModule ?? DEFAULT_PARSER;
  const queue = [...options.files];
  const results = new Map<string, ParseResult>();
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), queue.length));

  async function lane(): Promise<void> {
    let worker: Worker | undefined;
    try {
      while (queue.length) {
        if (!worker) {
          try {
            worker = await startWorker(dir, parserModule);
          } catch (e) {
            // No worker can run here (a Node that cannot load TypeScript in a worker): parse in this
            // thread, without a time limit, and say so.
            console.warn(`ingest: no parse worker (${(e as Error).message}); parsing without a time limit`);
            const { parseFile } = (await import(parserModule)) as { parseFile: FileParser };
            for (let file = queue.shift(); file !== undefined; file = queue.shift()) results.set(file, await parseFile(join(dir, file), file));
            return;
          }
        }
        const file = queue.shift()!;
        const { result, healthy } = await parseOne(worker, file, timeLimitMs);
        results.set(file, result);
        if (!healthy) {
          await worker.terminate();
          worker = undefined;
        }
      }
    } finally {
      await worker?.terminate();
    }
  }

  await Promise.all(Array.from({ length: threads }, lane));
  return results;
}
