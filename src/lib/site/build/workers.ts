// Work dealt out to worker threads, each running a module that posts back one result for its share.
// A worker that cannot start or run the module (no TypeScript in workers, a crash) has its share done
// in this thread instead, where a real fault shows; why it failed is returned for the build log.
import { Worker } from 'node:worker_threads';

/** `items` dealt round-robin into at most `n` non-empty shares. */
export function shares<T>(items: readonly T[], n: number): T[][] {
  const k = Math.max(1, n);
  return Array.from({ length: k }, (_, i) => items.filter((_, j) => j % k === i)).filter((s) => s.length > 0);
}

/**
 * Runs `module` in a worker thread per share, with `data(share)` as its workerData; each posts one
 * message, its result. `inThread(share)` does the same work here when a worker fails.
 */
export async function inWorkers<S, R>(module: URL, work: readonly S[], data: (share: S) => unknown, inThread: (share: S) => Promise<R>): Promise<{ results: R[]; failed: string[] }> {
  const failed: string[] = [];
  const results = await Promise.all(
    work.map(
      (share) =>
        new Promise<R>((resolve, reject) => {
          const fallBack = (why: string) => {
            failed.push(why);
            inThread(share).then(resolve, reject);
          };
          let worker: Worker;
          try {
            worker = new Worker(module, { workerData: data(share) });
          } catch (e) {
            fallBack((e as Error).message);
            return;
          }
          let done = false;
          worker.once('message', (result: R) => {
            done = true;
            resolve(result);
          });
          worker.once('error', (e) => {
            if (done) return;
            done = true;
            fallBack(e.message);
          });
          worker.once('exit', (code) => {
            if (!done) reject(new Error(`${module.pathname.split('/').pop()}: worker stopped (exit ${code}) before it finished`));
          });
        }),
    ),
  );
  return { results, failed };
}
