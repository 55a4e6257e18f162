// npm run bench:parse: reports parsed per second on one core, the sample reports repeated.
// A benchmark, not a test: it prints figures. Target: >= 1,000 reports per second.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportFiles } from '../src/lib/ingest/ingest.ts';
import { parseReport } from '../src/lib/parse/index.ts';

const dir = fileURLToPath(new URL('../content/reports/', import.meta.url));
const texts = reportFiles(dir).map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8') }));
const seconds = Number(process.env.BENCH_SECONDS ?? 5);

for (let i = 0; i < 200; i++) for (const { f, text } of texts) parseReport(text, { source: f }); // warm-up
let count = 0;
let bytes = 0;
const cpuStarted = process.cpuUsage();
const started = performance.now();
while (performance.now() - started < seconds * 1000) {
  for (const { f, text } of texts) {
    if (!parseReport(text, { source: f }).ok) throw new Error(`${f} did not parse`);
    count++;
    bytes += text.length;
  }
}
const elapsed = (performance.now() - started) / 1000;
// CPU time of this process too: on a busy machine wall time understates what one core does.
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `parse: ${count} reports in ${elapsed.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU = ${Math.round(count / elapsed)} reports/s wall, ` +
    `${Math.round(count / cpuSeconds)} reports/s per CPU-second (${(bytes / elapsed / 1e6).toFixed(1)} M characters/s; ${texts.length} sample reports repeated; target >= 1000/s on one core)`,
);
