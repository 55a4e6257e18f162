// The Astro integration that finishes the build output after the pages: writes the download files,
// indexes the county pages for the finder, and removes what an earlier build left behind.
//
// The output directory is not emptied before a build (astro.config.mjs: vite.build.emptyOutDir
// false), so that the incremental build can leave unchanged pages where they are instead of
// copying them back from its cache, and unchanged downloads need not be written again. What this
// build did not produce is removed at the end (pruneOutput), so the result is the same as a build
// into an empty directory.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { writeDownloads, type DownloadCounts, type DownloadOptions } from './downloads.ts';
import { EMBED_SHELL, mirrorAssets, rehomeEmbedPage, writeEmbeds } from './embeds.ts';
import { writeOgImages, type OgCounts } from './ogImages.ts';
import { DOWNLOADS_SITE } from '../view/paths.ts';

/**
 * Whether the output directory can be trusted to hold what the last incremental build left there:
 * Astro keeps a page it skips only when the file is already in the output, so the output must be
 * exactly the one the cache's manifest describes. Recorded at the end of every build; a build that
 * did not finish, a build without the incremental cache, another output directory or a later write
 * to the output by anything else all make the next build start from an empty directory.
 */
interface OutputStamp {
  outDir: string;
  incremental: boolean;
  finished: number; // ms since the epoch, after the last write
  /** Every file the build left in the LISTED directories (so that the next need not walk them). */
  listed: string[];
}

/** The last build's stamp, when the output is still as that build left it; otherwise undefined. */
function trustedStamp(stampPath: string, outDir: string, incremental: boolean): OutputStamp | undefined {
  let stamp: OutputStamp;
  try {
    stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
  } catch {
    return undefined;
  }
  if (!incremental || !stamp.incremental || stamp.outDir !== outDir || !Array.isArray(stamp.listed)) return undefined;
  // Every build writes the home page: a newer one means another build wrote here since.
  try {
    return statSync(join(outDir, 'index.html')).mtimeMs <= stamp.finished ? stamp : undefined;
  } catch {
    return undefined;
  }
}

function emptyDir(dir: string): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir)) rmSync(join(dir, e), { recursive: true, force: true });
}

/**
 * The downloads worker's heap: it holds ~100 MB at national scale (the state of every report's
 * files), but left to itself V8 let its heap grow past 600 MB of garbage (parsed reports, CSV
 * text) before collecting, a third of the build's peak. Over this limit the worker fails and the
 * main thread writes the downloads instead (below).
 */
const DOWNLOADS_HEAP_MB = 512;

/**
 * The downloads, written in a worker thread from the start of the build: they depend on the ingest
 * output only, so they need not wait for the pages, and the machine's second core is otherwise
 * idle while Astro renders on one. Where no worker can run this module, the main thread writes them.
 */
function downloadsInBackground(options: DownloadOptions, logger: AstroIntegrationLogger): Promise<DownloadCounts & { ms: number }> {
  const started = Date.now();
  const inProcess = () => writeDownloads(options).then((c) => ({ ...c, ms: Date.now() - started }));
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./downloadsWorker.ts', import.meta.url), { workerData: options, resourceLimits: { maxOldGenerationSizeMb: DOWNLOADS_HEAP_MB } });
    } catch (e) {
      logger.warn(`downloads: no worker thread (${(e as Error).message}); writing them after the pages`);
      inProcess().then(resolve, reject);
      return;
    }
    let done = false;
    worker.once('message', (counts: DownloadCounts) => {
      done = true;
      resolve({ ...counts, ms: Date.now() - started });
    });
    // A worker that cannot run this module (a Node without TypeScript in workers) or that fails:
    // the main thread writes the downloads instead, and a real fault shows there with its message.
    worker.once('error', (e) => {
      if (done) return;
      done = true;
      logger.warn(`downloads: the worker thread failed (${e.message}); writing them in the main thread`);
      inProcess().then(resolve, reject);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`downloads worker stopped (exit ${code}) before it finished`));
    });
  });
}

/**
 * Where the build writes what the downloads site publishes (each report's files, the share images
 * og/CODE.png): with a downloads site, its own output (DOWNLOADS_OUT_DIR, default dist-downloads);
 * without, the site's.
 */
export function downloadsOutput(outDir: string, downloadsSite: string | undefined, downloadsOutDir: string | undefined): string {
  return downloadsSite ? resolve(downloadsOutDir || 'dist-downloads') : outDir;
}

/** A report page at real report lengths (34 KiB median in the bench) and the others, rounded up. */
const PAGE_BYTES_ESTIMATE = 36 * 1024;
/** A chart embed page: 3.5 KiB in the bench (3,500 reports, real length). */
const EMBED_BYTES_ESTIMATE = 4 * 1024;
/** Warn from here: 900 MiB leaves ~5 % of GitHub Pages' 1 GB (10^9 bytes) for what the estimate misses. */
const SITE_BYTES_WARNING = 900 * 2 ** 20;
/** Threads writing the chart embed pages while the main thread waits on Pagefind (a process of its own). */
const EMBED_WORKERS = Math.min(2, availableParallelism());

export function siteOutput(): AstroIntegration {
  let cacheDir = '';
  let root = '';
  let siteUrl: string | undefined;
  let siteOrigin: string | undefined;
  let base = '/';
  let outDir = '';
  let incremental = false;
  let started = 0;
  let downloads: Promise<DownloadCounts & { ms: number }> | undefined;
  let ogImages: Promise<OgCounts & { ms: number }> | undefined;
  let reportOutDir = '';
  let building = false;
  let previous: OutputStamp | undefined;
  const stampPath = () => join(cacheDir, 'site-output.json');
  return {
    name: 'site-output',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config, logger }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
        incremental = !!config.experimental.incrementalBuild;
        // No SITE: no absolute address anywhere (a report's CSV then names no page address).
        siteUrl = config.site ? new URL(config.base, config.site).href : undefined;
        siteOrigin = config.site;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        if (!building || downloads) return;
        // The downloads need only the ingest output: they start now, beside the content sync and
        // the page rendering, in a worker thread.
        started = Date.now();
        previous = trustedStamp(stampPath(), outDir, incremental);
        if (!previous) {
          logger.info(`starting from an empty ${outDir} (no record of an incremental build that wrote it last)`);
          emptyDir(outDir);
        }
        // Until this build has finished, its output is not to be trusted.
        rmSync(stampPath(), { force: true });
        // With a downloads site (paths.ts, DOWNLOADS_SITE) each report's files and the share images go to its own output.
        reportOutDir = downloadsOutput(outDir, DOWNLOADS_SITE, process.env.DOWNLOADS_OUT_DIR);
        if (DOWNLOADS_SITE) logger.info(`report downloads to ${reportOutDir}, for ${DOWNLOADS_SITE}`);
        downloads = downloadsInBackground({ outDir, reportOutDir, siteUrl, statePath: join(cacheDir, 'site-downloads.json') }, logger);
        // The share images likewise: from the ingest output, drawn in worker threads (ogImages.ts).
        ogImages = writeOgImages({ outDir: reportOutDir, statePath: join(cacheDir, 'site-og.json') }).then((c) => ({ ...c, ms: Date.now() - started }));
        // Awaited in astro:build:done; a failure is reported there, not as an unhandled rejection.
        downloads.catch(() => undefined);
        ogImages.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, pages, assets, logger }) => {
        const out = fileURLToPath(dir);
        if (!downloads) throw new Error('site-output: the downloads were not started (astro:config:setup did not say build)');
        let t = Date.now();
        const dl = await downloads;
        logger.info(
          `downloads of ${dl.reports} reports (${dl.sources} source texts): ${dl.written} written, ${dl.reports - dl.written} unchanged, ${dl.removed} files of reports no longer built removed; bulk files written — ${dl.ms} ms beside the pages, waited ${Date.now() - t} ms`,
        );
        t = Date.now();
        if (!ogImages) throw new Error('site-output: the share images were not started');
        const og = await ogImages;
        for (const why of og.failed) logger.warn(`share images: a worker thread failed (${why}); its share was drawn in the main thread`);
        logger.info(
          `share images of ${og.cards} counties: ${og.made} drawn in ${og.workers} worker thread(s), ${og.copied} from the cache, ${og.kept} unchanged — ${og.ms} ms beside the pages, waited ${Date.now() - t} ms`,
        );
        // The chart embed pages, into the shell Astro rendered (embeds.ts): on the downloads site in a
        // split build, written there while the county finder is indexed here; beside the pages otherwise.
        const split = resolve(reportOutDir) !== resolve(out);
        const shellFile = join(out, EMBED_SHELL);
        if (!existsSync(shellFile)) throw new Error(`site-output: ${shellFile} is missing: the chart embed pages have no shell (src/pages/embed-shell/)`);
        const rendered = readFileSync(shellFile, 'utf8');
        rmSync(dirname(shellFile), { recursive: true, force: true });
        const embedsStarted = Date.now();
        const embeds = writeEmbeds({
          out: reportOutDir,
          shell: split ? rehomeEmbedPage(rendered, base, new URL(DOWNLOADS_SITE!).pathname.replace(/\/?$/, '/'), shellFile) : rendered,
          addresses: { site: siteOrigin, base, downloadsSite: split ? DOWNLOADS_SITE : undefined },
          statePath: join(cacheDir, 'site-embeds.json'),
          workers: EMBED_WORKERS,
        }).then((c) => ({ ...c, ms: Date.now() - embedsStarted, assets: split ? mirrorAssets(out, reportOutDir) : 0 }));
        embeds.catch(() => undefined);
        // Pagefind walks the site's output: not while embed pages are being written into it.
        if (!split) await embeds;
        t = Date.now();
        const search = await indexCounties(out, join(cacheDir, 'site-pagefind.json'), pagefindVersion(root), logger);
        logger.info(`county finder: ${search.indexed === null ? 'county names unchanged, index kept' : `indexed ${search.indexed} county pages`} — ${Date.now() - t} ms`);
        t = Date.now();
        const em = await embeds;
        for (const why of em.failed) logger.warn(`chart embed pages: a worker thread failed (${why}); its share was written in the main thread`);
        logger.info(
          `chart embed pages${split ? ' on the downloads site' : ''}: ${em.written} written, ${em.kept} unchanged, ${em.removed} of reports no longer built removed${split ? `; ${em.assets} asset files beside them` : ''} — ${em.ms} ms, waited ${Date.now() - t} ms`,
        );
        // GitHub Pages publishes at most 1 GB per site: each report page is ~35 KB at real report lengths.
        const estimate = (split ? 0 : dl.reportBytes + em.files.length * EMBED_BYTES_ESTIMATE) + pages.length * PAGE_BYTES_ESTIMATE;
        if (estimate > SITE_BYTES_WARNING)
          logger.warn(
            `this site will be about ${(estimate / 2 ** 20).toFixed(0)} MiB: near or over GitHub Pages' 1 GB. Set DOWNLOADS_SITE (and DOWNLOADS_OUT_DIR) to publish each report's files on a second site (README, "National scale").`,
          );
        t = Date.now();
        // Pages by their pathname; endpoints (the compare page's JSON) by the files their routes wrote
        // or kept: a skipped endpoint is in no list of pages.
        const keep = new Set<string>([
          ...(split ? [] : [...dl.files, ...og.files, ...em.files]),
          ...dl.bulk,
          ...search.files,
          ...pages.flatMap((p) => pageFiles(p.pathname)),
          ...routeFiles(out, assets),
        ]);
        const removed = pruneOutput(out, keep, started, previous?.listed ?? []);
        logger.info(`removed ${removed} file(s) an earlier build left behind — ${Date.now() - t} ms`);
        const listed = [...keep].filter((f) => LISTED.some((d) => f.startsWith(`${d}/`)));
        const stamp: OutputStamp = { outDir: out, incremental, finished: Date.now(), listed };
        writeFileSync(stampPath(), JSON.stringify(stamp));
      },
    },
  };
}

/** Every file of the output the routes wrote or kept in place (Astro's `assets`: route → files), relative. */
export function routeFiles(out: string, assets: ReadonlyMap<string, readonly URL[]>): string[] {
  const files: string[] = [];
  for (const urls of assets.values()) for (const u of urls) files.push(relative(out, fileURLToPath(u)).split(sep).join('/'));
  return files;
}

/** The files a page pathname (`counties/630222-minhe/2021/`, `404`) may have been written to. */
function pageFiles(pathname: string): string[] {
  const p = pathname.replace(/^\/+/, '').replace(/\/+$/, '');
  return p === '' ? ['index.html'] : [`${p}/index.html`, `${p}.html`];
}

const walk = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)) : [];

/**
 * Directories whose every file this integration knows (report and county pages, downloads): the
 * last build's list of them stands in for walking 14,000 directories on every build.
 */
const LISTED = ['counties'];

/**
 * Remove every file of the output that this build neither wrote (modified since it started) nor
 * kept (`keep`: pages the incremental build left in place, unchanged downloads, an unchanged
 * search index), then the directories left empty. In the LISTED directories, the files of the
 * last build's list (`previous`) that this build did not keep; elsewhere, by walking. Returns how
 * many files went.
 */
export function pruneOutput(out: string, keep: ReadonlySet<string>, since: number, previous: readonly string[] = []): number {
  let removed = 0;
  const remove = (file: string) => {
    try {
      unlinkSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    removed++;
    // Its directories, up to the output, while they are empty.
    for (let dir = dirname(file); dir.length > out.length && dir.startsWith(out); dir = dirname(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        break; // not empty
      }
    }
  };
  for (const rel of previous) if (!keep.has(rel)) remove(join(out, rel));
  if (!existsSync(out)) return removed;
  for (const top of readdirSync(out, { withFileTypes: true })) {
    if (top.isDirectory() && LISTED.includes(top.name)) continue;
    const files = top.isDirectory() ? walk(join(out, top.name)) : [join(out, top.name)];
    for (const file of files) {
      const rel = relative(out, file).split(sep).join('/');
      if (keep.has(rel) || statSync(file).mtimeMs >= since) continue;
      remove(file);
    }
  }
  return removed;
}

/**
 * Pagefind over the county pages (Chinese segmentation from the extended binary, lang zh-CN).
 * Only each county page's name block is indexed (data-pagefind-body), so a query for 民和 or minhe
 * finds the county, not every page that names it. When no county page's indexed block changed
 * since the last build and the index is still there, it is kept as it is.
 */
async function indexCounties(out: string, statePath: string, version: string, logger: AstroIntegrationLogger): Promise<{ indexed: number | null; files: string[] }> {
  const pagefindDir = join(out, 'pagefind');
  const digest = `${version}:${countyBlocksDigest(out)}`;
  const rel = (f: string) => relative(out, f).split(sep).join('/');
  let previous: { digest: string; files: string[] } | undefined;
  try {
    previous = JSON.parse(readFileSync(statePath, 'utf8'));
  } catch {
    previous = undefined;
  }
  if (previous?.digest === digest && previous.files.length > 0 && previous.files.every((f) => existsSync(join(out, f)))) {
    return { indexed: null, files: previous.files };
  }
  rmSync(pagefindDir, { recursive: true, force: true });
  const { createIndex, close } = await import('pagefind');
  const { errors, index } = await createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: out, glob: 'counties/*/index.html' });
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: pagefindDir });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await close();
  const files = walk(pagefindDir).map(rel);
  writeFileSync(statePath, JSON.stringify({ digest, files }));
  if (added.page_count === 0) logger.warn('pagefind indexed no county page');
  return { indexed: added.page_count, files };
}

/** The installed Pagefind's version (a new one rebuilds the index); '' when unknown, which never matches a real state. */
function pagefindVersion(root: string): string {
  try {
    return String(JSON.parse(readFileSync(join(root, 'node_modules/pagefind/package.json'), 'utf8')).version);
  } catch {
    return String(Math.random());
  }
}

/** Digest of what Pagefind reads from the county pages: each page's address and its data-pagefind-body block. */
function countyBlocksDigest(out: string): string {
  const hash = createHash('sha1');
  const counties = join(out, 'counties');
  const dirs = existsSync(counties) ? readdirSync(counties).sort() : [];
  for (const d of dirs) {
    const file = join(counties, d, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const start = html.indexOf('data-pagefind-body');
    // The block holds no nested <div>: it ends at the first </div> after its start.
    const block = start < 0 ? html : html.slice(start, html.indexOf('</div>', start));
    hash.update(`${d}\n${block}\n`);
  }
  return hash.digest('hex');
}
