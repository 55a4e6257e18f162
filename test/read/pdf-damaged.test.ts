// A damaged PDF is rejected with a reason and leaves nothing behind: pdf.js rejects promises of its own
// (inside its in-process worker) that nobody can await; unhandled, they end the process or the worker
// thread that reads the file. Found by `npm run fuzz` (fuzz:15172: huaian-2024.pdf with bytes changed).
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { makeCase } from '../../scripts/fuzz/cases.ts';

const READER = new URL('../../src/lib/read/pdf.ts', import.meta.url).href;
// Read in a thread of its own, with Node's default handling of unhandled rejections (they end the thread).
const CODE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.reader).then(async ({ readPdf }) => {
  const result = await readPdf(workerData.bytes);
  setTimeout(() => parentPort.postMessage({ result }), 500);
});
`;

function readInThread(bytes: Uint8Array): Promise<{ result?: { ok: boolean; error?: string }; crashed?: string }> {
  const worker = new Worker(CODE, { eval: true, workerData: { bytes, reader: READER } });
  return new Promise((resolve) => {
    worker.once('message', (m) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => resolve({ crashed: String(e) }));
  });
}

describe('damaged PDF', () => {
  it('a broken cross-reference entry is a rejection, and nothing rejects unhandled after it (fuzz:15172)', async () => {
    const c = await makeCase('fuzz:15172');
    expect(c.kind).toBe('pdf');
    const answer = await readInThread(c.bytes);
    expect(answer.crashed).toBeUndefined();
    expect(answer.result?.ok).toBe(false);
    expect(answer.result?.error).toMatch(/damaged/);
  }, 60_000);
});
