// Writes its share of the chart embed pages (embeds.ts) in a worker thread.
import { parentPort, workerData } from 'node:worker_threads';
import { writeEmbedShare, type EmbedShare } from './embeds.ts';

parentPort!.postMessage(writeEmbedShare(workerData as EmbedShare));
