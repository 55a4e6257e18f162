// Draws its share of the share images (ogImages.ts) in a worker thread, off the thread that renders the pages.
import { parentPort, workerData } from 'node:worker_threads';
import { drawJobs, type OgJob } from './ogImages.ts';

const { jobs, cacheDir } = workerData as { jobs: OgJob[]; cacheDir: string };
parentPort!.postMessage(await drawJobs(jobs, cacheDir));
