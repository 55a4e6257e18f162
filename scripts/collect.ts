// npm run collect -- LIST [--discover URL [--region CODE]] [options]: downloads the reports the list
// names (and those found on listing pages) into content/reports/ with their provenance, and records
// every address's fate in content/collection-log.json. See README, "Collecting reports".
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { collect, type CollectJob } from '../src/lib/collect/collect.ts';
import { DEFAULT_CLIENT } from '../src/lib/collect/http.ts';
import { normaliseUrl, parseCollectList } from '../src/lib/collect/list.ts';

const USAGE = `usage: npm run collect -- [LIST.csv] [--discover URL [--region CODE] [--year YYYY]] [--recheck]
  LIST.csv           lines of code,year,url[,kind]; kind is report (default) or listing
  --discover URL     a county's 政府信息公开年报 listing page: its report links are collected, across its pages
  --region CODE      the GB/T 2260 code of the county of --discover
  --recheck          fetch addresses already answered again (changed or vanished files)
  --delay S          seconds between two requests to one host (default ${DEFAULT_CLIENT.delayMs / 1000})
  --timeout S        seconds without a byte before a request fails (default ${DEFAULT_CLIENT.timeoutMs / 1000})
  --retries N        further attempts on 5xx and network errors (default ${DEFAULT_CLIENT.retries})
  --backoff S        first wait before a retry, doubled each time (default ${DEFAULT_CLIENT.backoffMs / 1000})
  --max-size MB      largest file kept (default ${DEFAULT_CLIENT.maxBytes / 1024 / 1024})
  --max-pages N      listing pages followed per listing (default 50)
  --hosts N          hosts fetched at the same time, each one request at a time (default 4)
  --user-agent S     the User-Agent (default names the project; add a contact address)
  --reports DIR      where reports go (default REPORTS_DIR or content/reports)
  --log FILE         the collection log (default collection-log.json beside the reports folder)`;

const fail = (message: string): never => {
  console.error(`collect: ${message}\n${USAGE}`);
  process.exit(2);
};

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      discover: { type: 'string', multiple: true },
      region: { type: 'string' },
      year: { type: 'string' },
      recheck: { type: 'boolean' },
      delay: { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      backoff: { type: 'string' },
      'max-size': { type: 'string' },
      'max-pages': { type: 'string' },
      hosts: { type: 'string' },
      'user-agent': { type: 'string' },
      reports: { type: 'string' },
      log: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
try {
  args = parse();
} catch (e) {
  fail((e as Error).message);
}
const { values, positionals } = args!;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length > 1) fail(`one list at a time, got ${positionals.join(', ')}`);
if (positionals.length === 0 && !values.discover) fail('give a LIST or --discover URL');

const number = (name: string, raw: string | undefined, min: number): number | undefined => {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) fail(`--${name} ${raw}: expected a number ≥ ${min}`);
  return n;
};

const root = fileURLToPath(new URL('..', import.meta.url));
const reportsDir = resolve(values.reports ?? process.env.REPORTS_DIR ?? resolve(root, 'content/reports'));
// The log sits beside the reports folder: content/collection-log.json by default.
const logPath = resolve(values.log ?? resolve(dirname(reportsDir), 'collection-log.json'));

const jobs: CollectJob[] = [];
let listErrors: string[] = [];
if (positionals[0]) {
  let text = '';
  try {
    text = readFileSync(positionals[0], 'utf8');
  } catch (e) {
    fail(`${positionals[0]}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const list = parseCollectList(text, positionals[0]);
  listErrors = list.errors;
  for (const e of list.errors) console.error(`collect: ${e}`);
  for (const e of list.entries) jobs.push({ url: e.url, role: e.kind === 'listing' ? 'listing' : 'file', ...(e.region ? { region: e.region } : {}), ...(e.year ? { year: e.year } : {}) });
}
if (values.region !== undefined && !/^\d{6}$/.test(values.region)) fail(`--region ${values.region}: not a six-digit GB/T 2260 code`);
if (values.year !== undefined && !/^20\d{2}$/.test(values.year)) fail(`--year ${values.year}: not a year`);
for (const raw of values.discover ?? []) {
  const url = normaliseUrl(raw) ?? fail(`--discover ${raw}: not an http(s) address`);
  jobs.push({ url, role: 'listing', ...(values.region ? { region: values.region } : {}), ...(values.year ? { year: Number(values.year) } : {}) });
}

const seconds = (name: string, raw: string | undefined) => {
  const n = number(name, raw, 0);
  return n === undefined ? undefined : n * 1000;
};
const client = Object.fromEntries(
  Object.entries({
    delayMs: seconds('delay', values.delay),
    timeoutMs: seconds('timeout', values.timeout),
    backoffMs: seconds('backoff', values.backoff),
    retries: number('retries', values.retries, 0),
    maxBytes: values['max-size'] === undefined ? undefined : number('max-size', values['max-size'], 0)! * 1024 * 1024,
    userAgent: values['user-agent'],
  }).filter(([, v]) => v !== undefined),
);

console.log(`collect: ${jobs.length} address(es) → ${reportsDir}, log ${logPath}`);
try {
  const { counts, requests } = await collect(jobs, {
    reportsDir,
    logPath,
    tmpDir: resolve(dirname(reportsDir), '.collect-tmp'),
    client,
    recheck: values.recheck ?? false,
    ...(values.hosts ? { hosts: number('hosts', values.hosts, 1) } : {}),
    ...(values['max-pages'] ? { maxPages: number('max-pages', values['max-pages'], 1) } : {}),
    onFate: (_, line) => console.log(line),
  });
  const said = Object.entries(counts).map(([k, v]) => `${v} ${k}`);
  console.log(`collect: ${said.join(', ') || 'nothing to do'} (${requests} requests)${listErrors.length ? `; ${listErrors.length} bad line(s) in the list, not collected` : ''}`);
  process.exit(listErrors.length > 0 ? 1 : 0);
} catch (e) {
  console.error(`collect: ${(e as Error).message}`);
  process.exit(1);
}
