// Every finding code the parser and the ingest can write has its own Chinese sentence on the page:
// a new code without one would reach readers as 「解析提示（some-code）」. The codes are collected from
// the sources, so a code added later is held to this without anyone listing it here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINDING_TEXT } from '../../src/lib/site/view/checks.ts';

const lib = fileURLToPath(new URL('../../src/lib/', import.meta.url));
const sources = ['parse', 'ingest', 'read'].flatMap((dir) =>
  readdirSync(join(lib, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(lib, dir, f), 'utf8')),
);
// A finding is written as `{ severity: …, code: '…' }`, or its code chosen between literals (checks.ts).
const codes = new Set(
  sources.flatMap((s) => [
    ...[...s.matchAll(/severity: '(?:error|warning|info)', code: '([a-z-]+)'/g)].map((m) => m[1]!),
    ...[...s.matchAll(/code: [^\n]*\?[^\n]*/g)].flatMap((m) => [...m[0].matchAll(/'([a-z]+(?:-[a-z]+)+)'/g)].map((x) => x[1]!)),
  ]),
);

describe('finding wording', () => {
  it('finds the codes the parser writes', () => {
    expect(codes.size).toBeGreaterThanOrEqual(12);
    expect(codes).toContain('cells-of-missing-row');
    expect(codes).toContain('identity-failed');
  });

  it.each([...codes].sort())('%s has a Chinese sentence', (code) => {
    expect(Object.keys(FINDING_TEXT)).toContain(code);
  });
});
