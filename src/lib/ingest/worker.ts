// A parse worker: reads and parses the files it is sent, so that a large ingest uses every core.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { parseBytes, readSidecar } from './read.ts';

const { dir, files } = workerData as { dir: string; files: string[] };
for (const file of files) parentPort!.postMessage({ file, result: await parseBytes(readFileSync(join(dir, file)), file, readSidecar(join(dir, file)).info) });
parentPort!.postMessage({ done: true });
