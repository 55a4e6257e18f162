// A private copy of the site's sources (and the ingest) for building from a synthetic corpus (bench, scale test).
// Astro writes build intermediates into <root>/.astro/ whatever --outDir says, so two builds in one
// checkout at the same time break each other; other work in the checkout can also change the code
// between a build and its timed rebuild. Building from a copy (node_modules linked, not copied)
// avoids both: the code is frozen for the run and nothing is shared but node_modules.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'public', 'scripts/ingest.ts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** Copy the project's site sources from `root` into `dir` (replacing an older copy); returns `dir`.
 *  `from: 'HEAD'` takes the last commit instead of the working tree (a bench run while others edit). */
export function copySite(root: string, dir: string, from: 'working-tree' | 'HEAD' = 'working-tree'): string {
  mkdirSync(dir, { recursive: true });
  for (const name of SOURCES) rmSync(join(dir, name), { recursive: true, force: true });
  if (from === 'HEAD') {
    const present = SOURCES.filter((name) => execFileSync('git', ['ls-tree', '--name-only', 'HEAD', name], { cwd: root, encoding: 'utf8' }).trim() !== '');
    const tar = execFileSync('git', ['archive', '--format=tar', 'HEAD', ...present], { cwd: root, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  } else {
    for (const name of SOURCES) if (existsSync(join(root, name))) cpSync(join(root, name), join(dir, name), { recursive: true, preserveTimestamps: true });
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
