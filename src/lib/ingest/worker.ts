// A parse worker (pool.ts): loads the parser module it is given, then parses each file name it is
// sent and answers with the result. The parser may be synchronous or asynchronous; an exception is
// answered as a rejection of that file, not a dead worker.
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { fate } from './fates.ts';
import type { FileParser } from './pool.ts';

const { dir, parserModule } = workerData as { dir: string; parserModule: string };
const { parseFile } = (await import(parserModule)) as { parseFile: FileParser };
parentPort!.on('message', async (file: string) => {
  let result;
  try {
    result = await parseFile(join(dir, file), file);
  } catch (e) {
    result = { ok: false as const, ...fate.crashed((e as Error).message) };
  }
  parentPort!.postMessage({ file, result });
});
parentPort!.postMessage({ ready: true });
