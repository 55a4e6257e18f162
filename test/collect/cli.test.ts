// `npm run collect` as a process against a local server on 127.0.0.1: the list read with its errors
// named, the summary printed, and a run killed at any moment leaving no half-written file in the
// reports folder, then resumed to completion.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLog } from '../../src/lib/collect/log.ts';
import { SourceInfo } from '../../src/lib/schema.ts';
import { pdfBytes } from './files.ts';
import { send, startServer, type TestServer } from './server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const NODE = join(root, 'node_modules/.bin/node');
const SCRIPT = join(root, 'scripts/collect.ts');
const FAST = ['--delay', '0', '--timeout', '5', '--retries', '0'];

let server: TestServer;
let work: string;
let reportsDir: string;
beforeEach(async () => {
  server = await startServer();
  work = mkdtempSync(join(tmpdir(), 'collect-cli-'));
  reportsDir = join(work, 'content', 'reports');
});
afterEach(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

/** The collector as a process; asynchronous, as the server answering it runs in this one. */
function runCli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every report file has its sidecar, and its bytes are the digest its name and sidecar give. */
function assertWhole(): number {
  if (!existsSync(reportsDir)) return 0;
  const files = readdirSync(reportsDir).filter((f) => !f.endsWith('.meta.json'));
  for (const f of files) {
    expect(f, 'only reports and sidecars, no temporary files').toMatch(/^\d{6}-\d{4}-[0-9a-f]{12}\.pdf$/);
    const bytes = readFileSync(join(reportsDir, f));
    const info = SourceInfo.parse(JSON.parse(readFileSync(join(reportsDir, f.replace('.pdf', '.meta.json')), 'utf8')));
    expect(info.sha256).toBe(sha(bytes));
    expect(f).toContain(sha(bytes).slice(0, 12));
    expect(info.size).toBe(bytes.length);
  }
  return files.length;
}

describe('npm run collect', { timeout: 60_000 }, () => {
  it('collects a list, names its bad lines with file and line, prints a summary, exits 1 for the bad lines', async () => {
    server.routes.set('/2021.pdf', send(pdfBytes(), 'application/pdf'));
    const list = join(work, 'list.csv');
    writeFileSync(list, `code,year,url\n630222,2021,${server.url('/2021.pdf')}\n630222,2020,${server.url('/2020.pdf')}\n6302,2020,${server.url('/x.pdf')}\n`);
    const result = await runCli([list, '--reports', reportsDir, ...FAST]);
    expect(result.stderr).toContain(`collect: ${list}:4: the county code "6302" is not six digits (GB/T 2260)`);
    expect(result.stdout).toMatch(/saved +630222 2021 http:\/\/127\.0\.0\.1:\d+\/2021\.pdf → 630222-2021-[0-9a-f]{12}\.pdf/);
    expect(result.stdout).toMatch(/not-found +630222 2020 .*: HTTP 404/);
    expect(result.stdout).toMatch(/collect: 1 saved, 1 not-found \(3 requests\); 1 bad line\(s\) in the list, not collected/);
    expect(result.status).toBe(1);
    // the log sits beside the reports folder
    expect(readLog(join(work, 'content', 'collection-log.json')).urls.map((u) => u.status)).toEqual(['not-found', 'saved']);
  });

  it('--discover with --region; no list and no --discover is a usage error', async () => {
    server.routes.set('/nb/', send(`<html><body><a href="/a.pdf">2021年政府信息公开工作年度报告</a></body></html>`, 'text/html'));
    server.routes.set('/a.pdf', send(pdfBytes(), 'application/pdf'));
    const result = await runCli(['--discover', server.url('/nb/'), '--region', '630222', '--reports', reportsDir, ...FAST]);
    expect(result.status).toBe(0);
    expect(readdirSync(reportsDir).filter((f) => f.endsWith('.pdf'))).toEqual([expect.stringMatching(/^630222-2021-/)]);
    const usage = await runCli([]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/give a LIST or --discover URL/);
  });

  it('killed at any moment it leaves only whole files with their sidecars; run again, it resumes and finishes', async () => {
    const N = 6;
    const bodies = Array.from({ length: N }, (_, i) => Buffer.concat([pdfBytes(`report ${i}`), Buffer.alloc(4 * 1024 * 1024, 0x20 + i)]));
    bodies.forEach((b, i) => server.routes.set(`/r${i}.pdf`, send(b, 'application/pdf')));
    // The fourth file stalls half way until released: the first kill lands mid-download.
    let release = false;
    server.routes.set('/r3.pdf', (req, res) => {
      if (release) return send(bodies[3], 'application/pdf')(req, res);
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': bodies[3].length });
      res.write(bodies[3].subarray(0, bodies[3].length >> 1));
    });
    const list = join(work, 'list.csv');
    writeFileSync(list, bodies.map((_, i) => `630222,${2010 + i},${server.url(`/r${i}.pdf`)}`).join('\n') + '\n');
    const args = [list, '--reports', reportsDir, ...FAST];
    const fileHits = () => server.hits.filter((h) => h.path.endsWith('.pdf')).length;

    /** Starts a run and kills it `after` ms once `requests` more files have been asked for. */
    const killRun = async (requests: number, after: number) => {
      const before = fileHits();
      const child = spawn(NODE, [SCRIPT, ...args], { stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (fileHits() >= before + requests || child.exitCode !== null) {
            clearInterval(poll);
            setTimeout(resolve, after);
          }
        }, 2);
      });
      child.kill('SIGKILL');
      await exited;
    };

    await killRun(4, 50); // r0..r2 saved, r3 half received
    expect(assertWhole()).toBe(3);
    expect(readLog(join(work, 'content', 'collection-log.json')).urls).toHaveLength(3);
    release = true;
    // Then killed at other moments: while a file or its sidecar is being written, or the log.
    for (let k = 1; k <= 2; k++) {
      await killRun(k, k * 6);
      assertWhole();
    }
    const held = assertWhole();
    const hitsBefore = fileHits();

    const result = await runCli(args);
    expect(result.status, result.stderr).toBe(0);
    expect(assertWhole()).toBe(N);
    // resumed: the files already held were not fetched again
    expect(fileHits() - hitsBefore).toBe(N - held);
    expect(result.stdout).toContain(held > 0 ? `${held} skipped` : '');
    const log = readLog(join(work, 'content', 'collection-log.json'));
    expect(log.urls.map((u) => u.status)).toEqual(Array(N).fill('saved'));
    expect(existsSync(join(work, 'content', '.collect-tmp'))).toBe(false);
  });
});
