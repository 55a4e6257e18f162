// A private copy of the site's sources for building from a synthetic corpus (bench, scale test).
// Astro writes build intermediates into <root>/.astro/ whatever --outDir says, so two builds in one
// checkout at the same time break each other; other work in the checkout can also change the code
// between a build and its timed rebuild. Building from a copy (node_modules linked, not copied)
// avoids both: the code is frozen for the run and nothing is shared but node_modules.
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** Copy the project's site sources from `root` into `dir` (replacing an older copy); returns `dir`. */
export function copySite(root: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of SOURCES) {
    rmSync(join(dir, name), { recursive: true, force: true });
    if (existsSync(join(root, name))) cpSync(join(root, name), join(dir, name), { recursive: true, preserveTimestamps: true });
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
