// The chart embed pages of a split build (DOWNLOADS_SITE): published on the downloads site, not the
// site. ~32,958 of them at national scale, ~103 MiB: without them the site fits GitHub Pages' 1 GB
// (README, "What each kind of file costs").
//
// Astro's incremental build keeps a page only while its file is in the output, so they stay in
// dist/: the build copies each one it rendered into the downloads output (with the assets it
// loads there, and a favicon), and the site is uploaded from a tree of dist/ without them
// (pagesTree). Pages it left in place keep their copy.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** A chart embed page's file, relative to the output: `counties/{slug}/{year}/embed/{chart}/index.html`. */
export const EMBED_PAGE = /^counties\/[^/]+\/\d{4}\/embed\/[^/]+\/index\.html$/;
/** The directory of a report's embed pages, relative to the output. */
const EMBED_DIR = /^counties\/[^/]+\/\d{4}\/embed$/;

export interface EmbedOptions {
  /** The site's output (dist/), where Astro wrote the pages. */
  out: string;
  /** The downloads site's output (DOWNLOADS_OUT_DIR). */
  downloadsOut: string;
  /** The site's base path (`/portal/`) and the downloads site's path (`/portal-downloads/`). */
  base: string;
  downloadsBase: string;
  /** Every embed page this build has (written or left in place), relative to `out`. */
  pages: readonly string[];
  /** When the build started: a page modified since was rendered (or restored) by it. */
  since: number;
  /** Where the last run recorded what it published (a cache file). */
  statePath: string;
}

export interface EmbedCounts {
  written: number;
  kept: number;
  removed: number;
  /** Files of `_astro/` (and the favicon) in the downloads output. */
  assets: number;
}

interface State {
  /** What the copies were made for: another base or downloads path makes them all stale. */
  key: string;
  pages: string[];
}

/** What an embed page loads from its own site: Astro's assets and the favicon (mirrored by publishEmbeds). */
const LOADED = ['_astro/', 'favicon.svg'];

/**
 * A page of the site made a page of the downloads site: the addresses of what it loads (`{base}_astro/…`,
 * `{base}favicon.svg`) become the downloads site's path, so that they stay on the page's own
 * origin (its CSP says 'self'). Everything else on an embed page is absolute (Embed.astro, in a
 * split build); a root-relative address left over would be broken there, so it is an error naming the page.
 */
export function rehomeEmbedPage(html: string, base: string, downloadsBase: string, page = 'an embed page'): string {
  let rehomed = html;
  for (const p of LOADED) rehomed = rehomed.replaceAll(`="${base}${p}`, `="${downloadsBase}${p}`);
  for (const m of rehomed.matchAll(/\s(?:href|src)="(\/(?!\/)[^"]*)"/g)) {
    if (!LOADED.some((p) => m[1].startsWith(downloadsBase + p)))
      throw new Error(`${page}: ${m[1]} is an address of the site, which the downloads site does not serve (an embed page links the site by its absolute address: is SITE set?)`);
  }
  return rehomed;
}

const readState = (path: string): State | undefined => {
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as State;
    return Array.isArray(s.pages) && typeof s.key === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
};

const mtime = (file: string): number => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};

/** A hard link where the two outputs are on one file system (no bytes twice), else a copy. */
function linkOrCopy(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function removeUp(file: string, root: string): boolean {
  try {
    unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  for (let dir = dirname(file); dir.length > root.length && dir.startsWith(root); dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      break; // not empty
    }
  }
  return true;
}

/** Embed pages found in an output by walking `counties/*\/*\/embed/` (when no record says which). */
function embedPagesIn(root: string): string[] {
  const counties = join(root, 'counties');
  if (!existsSync(counties)) return [];
  const found: string[] = [];
  for (const county of readdirSync(counties, { withFileTypes: true })) {
    if (!county.isDirectory()) continue;
    for (const year of readdirSync(join(counties, county.name), { withFileTypes: true })) {
      const dir = join(counties, county.name, year.name, 'embed');
      if (!year.isDirectory() || !existsSync(dir)) continue;
      for (const chart of readdirSync(dir)) found.push(`counties/${county.name}/${year.name}/embed/${chart}/index.html`);
    }
  }
  return found;
}

/**
 * Publishes the embed pages in the downloads output: each page this build rendered (or whose copy
 * is missing) rehomed there, the others kept; the copies of pages no longer built removed; the
 * site's `_astro/` files (the CSS and the scripts with the chunks they import: 0.2 MiB) and the
 * favicon mirrored beside them.
 */
export function publishEmbeds(o: EmbedOptions): EmbedCounts {
  const key = `${o.base}\n${o.downloadsBase}`;
  const previous = readState(o.statePath);
  const fresh = previous?.key === key;
  let written = 0;
  let kept = 0;
  for (const page of o.pages) {
    const from = join(o.out, page);
    const to = join(o.downloadsOut, page);
    if (fresh && mtime(from) < o.since && mtime(to) >= 0) {
      kept++;
      continue;
    }
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, rehomeEmbedPage(readFileSync(from, 'utf8'), o.base, o.downloadsBase, from));
    written++;
  }
  const current = new Set(o.pages);
  let removed = 0;
  for (const page of previous ? previous.pages : embedPagesIn(o.downloadsOut)) if (!current.has(page) && removeUp(join(o.downloadsOut, page), o.downloadsOut)) removed++;
  writeFileSync(o.statePath, JSON.stringify({ key, pages: [...o.pages] } satisfies State));
  return { written, kept, removed, assets: mirrorAssets(o.out, o.downloadsOut) };
}

/** `_astro/` of the site as it is now, and its favicon, in the downloads output. */
function mirrorAssets(out: string, downloadsOut: string): number {
  const from = join(out, '_astro');
  const to = join(downloadsOut, '_astro');
  const files = existsSync(from) ? readdirSync(from, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(from, join(e.parentPath, e.name))) : [];
  const wanted = new Set(files);
  if (existsSync(to)) for (const e of readdirSync(to, { recursive: true, withFileTypes: true })) if (e.isFile() && !wanted.has(relative(to, join(e.parentPath, e.name)))) removeUp(join(e.parentPath, e.name), downloadsOut);
  for (const f of files) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    if (mtime(join(to, f)) < 0 || statSync(join(to, f)).ino !== statSync(join(from, f)).ino) linkOrCopy(join(from, f), join(to, f));
  }
  const favicon = existsSync(join(out, 'favicon.svg'));
  if (favicon) linkOrCopy(join(out, 'favicon.svg'), join(downloadsOut, 'favicon.svg'));
  return files.length + (favicon ? 1 : 0);
}

/**
 * The site as GitHub Pages gets it in a split build: every file of dist/ hard-linked into `tree`
 * (emptied first) but the chart embed pages, which the downloads site serves. Returns how many
 * files it holds and how many embed pages were left out.
 */
export function pagesTree(dist: string, tree: string): { files: number; embeds: number } {
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  let files = 0;
  let embeds = 0;
  const visit = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (EMBED_DIR.test(r)) {
          embeds += readdirSync(join(dir, e.name)).length;
          continue;
        }
        mkdirSync(join(tree, r));
        visit(join(dir, e.name), r);
      } else if (e.isFile()) {
        linkOrCopy(join(dir, e.name), join(tree, r));
        files++;
      }
    }
  };
  visit(dist, '');
  return { files, embeds };
}
