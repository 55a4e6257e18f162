// npm run --silent parse -- FILE: prints FILE's report JSON on stdout. A file that is not a report:
// exit 1 and one line on stderr naming the file and why.
import { basename } from 'node:path';
import { readReportFile } from '../src/lib/ingest/read.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run --silent parse -- FILE');
  process.exit(2);
}
const result = await readReportFile(file);
if (!result.ok) {
  console.error(`${basename(file)}: ${result.error}`);
  process.exit(1);
}
process.stdout.write(JSON.stringify(result.report, null, 2) + '\n');
