// Runs writeDownloads in a worker thread, so that the downloads are written on the second core
// while Astro renders the pages on the first (they read only the ingest output, never the pages).
import { parentPort, workerData } from 'node:worker_threads';
import { writeDownloads, type DownloadOptions } from './downloads.ts';

parentPort!.postMessage(await writeDownloads({ ...(workerData as DownloadOptions), syncWrites: true }));
