// Runs parseReport in a worker thread and gives up after `limitMs`: a parse that backtracks
// quadratically fails the test instead of hanging the run (a synchronous loop cannot be timed out
// from the thread it blocks).
import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../../src/lib/parse/index.ts';

const PARSER = new URL('../../src/lib/parse/index.ts', import.meta.url).href;
const CODE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.parser).then(({ parseReport }) => {
  const t0 = performance.now();
  const result = parseReport(workerData.text, { source: 'long.txt' });
  parentPort.postMessage({ result, ms: performance.now() - t0 });
}, (e) => parentPort.postMessage({ error: String(e && e.stack || e) }));
`;

export type Bounded = { done: true; result: ParseResult; ms: number } | { done: false; ms: number };

export function parseWithin(text: string, limitMs: number): Promise<Bounded> {
  const t0 = performance.now();
  const worker = new Worker(CODE, { eval: true, workerData: { text, parser: PARSER } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ done: false, ms: performance.now() - t0 });
    }, limitMs);
    worker.once('message', (m: { result?: ParseResult; ms?: number; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve({ done: true, result: m.result!, ms: m.ms! });
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
