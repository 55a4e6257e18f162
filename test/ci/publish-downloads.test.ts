// scripts/publish-downloads.sh against a repository on disk (DOWNLOADS_GIT_URL): the deploy
// workflow's push of the report downloads to the second Pages repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const base = mkdtempSync(join(tmpdir(), 'publish-downloads-'));
const remote = join(base, 'remote.git');
const out = join(base, 'dist-downloads');
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
git('init', '--quiet', '--bare', remote);

const publish = () =>
  execFileSync('bash', ['scripts/publish-downloads.sh', out, 'owner/county-downloads'], {
    encoding: 'utf8',
    env: { ...process.env, DOWNLOADS_GIT_URL: `file://${remote}`, DOWNLOADS_DEPLOY_KEY: '', GITHUB_SHA: 'abc123' },
  });
const branchFiles = () => git('--git-dir', remote, 'ls-tree', '-r', '--name-only', 'gh-pages').split('\n').sort();
const branchFile = (path: string) => git('--git-dir', remote, 'show', `gh-pages:${path}`);
const commits = () => Number(git('--git-dir', remote, 'rev-list', '--count', 'gh-pages'));

function writeOut(files: Record<string, string>) {
  rmSync(out, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(out, path, '..'), { recursive: true });
    writeFileSync(join(out, path), text);
  }
}

afterAll(() => rmSync(base, { recursive: true, force: true }));

// Each case runs git several times: slow on a busy machine.
describe('publish-downloads.sh', { timeout: 60_000 }, () => {
  it('starts the gh-pages branch with the files and .nojekyll', () => {
    writeOut({ 'counties/630222-minhe/2021/report.json': '{"a":1}\n', 'counties/630222-minhe/2021/report.csv': 'x\r\n' });
    expect(publish()).toMatch(/3 file\(s\) changed/);
    expect(branchFiles()).toEqual(['.nojekyll', 'counties/630222-minhe/2021/report.csv', 'counties/630222-minhe/2021/report.json']);
    expect(git('--git-dir', remote, 'log', '-1', '--format=%s', 'gh-pages')).toBe('Report downloads of abc123');
  });

  it('mirrors the folder on the next run: changed files updated, files no longer built removed', () => {
    writeOut({ 'counties/630222-minhe/2021/report.json': '{"a":2}\n', 'counties/632224-gangcha/2021/report.json': '{"b":1}\n' });
    publish();
    expect(branchFiles()).toEqual(['.nojekyll', 'counties/630222-minhe/2021/report.json', 'counties/632224-gangcha/2021/report.json']);
    expect(branchFile('counties/630222-minhe/2021/report.json')).toBe('{"a":2}');
    expect(commits()).toBe(2);
  });

  it('adds no commit when nothing changed', () => {
    expect(publish()).toMatch(/already holds these files/);
    expect(commits()).toBe(2);
  });

  it('names what is missing: the folder, or the deploy key', () => {
    const run = (args: string[], env: Record<string, string> = {}) => () =>
      execFileSync('bash', ['scripts/publish-downloads.sh', ...args], { stdio: 'pipe', env: { ...process.env, DOWNLOADS_GIT_URL: '', DOWNLOADS_DEPLOY_KEY: '', ...env } });
    expect(run([join(base, 'nowhere'), 'owner/dl'])).toThrow(/is not a folder/);
    expect(run([out, 'owner/dl'])).toThrow(/no DOWNLOADS_DEPLOY_KEY/);
  });
});
