// The note `npm ci` prints after the EBADENGINE warnings when npm runs on an old Node.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const note = (agent: string) =>
  execFileSync(process.execPath, ['scripts/node-note.mjs'], { encoding: 'utf8', env: { ...process.env, npm_config_user_agent: agent } });

describe('scripts/node-note.mjs', { timeout: 30_000 }, () => {
  it('explains the warnings and how to run scripts when npm runs on Node 20', () => {
    const out = note('npm/11.19.1 node/v20.20.2 linux x64 workspaces/false');
    expect(out).toContain('npm runs on Node v20.20');
    expect(out).toContain('EBADENGINE');
    expect(out).toContain('npm run parse -- FILE');
  });
  it('says nothing on a Node that runs TypeScript (22.18 and later)', () => {
    expect(note('npm/11.19.1 node/v22.18.0 linux x64')).toBe('');
    expect(note('npm/11.19.1 node/v24.21.0 linux x64')).toBe('');
  });
  it('runs after every install', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.postinstall).toBe('node scripts/node-note.mjs');
  });
});
