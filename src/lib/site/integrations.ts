// Astro integrations of the site: after the pages are built, write the download files and index
// the county pages for the finder.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeDownloads } from './downloads.ts';

export function downloads(): AstroIntegration {
  return {
    name: 'site-downloads',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        const { reports, sources } = await writeDownloads({ outDir: fileURLToPath(dir) });
        logger.info(`wrote downloads of ${reports} reports (${sources} source texts) and the bulk files in ${Date.now() - started} ms`);
      },
    },
  };
}

/**
 * Pagefind over the county pages (Chinese segmentation from the extended binary, lang zh-CN).
 * Only each county page's name block is indexed (data-pagefind-body), so a query for 民和 or minhe
 * finds the county, not every page that names it.
 */
export function pagefindCounties(): AstroIntegration {
  return {
    name: 'pagefind-counties',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { createIndex, close } = await import('pagefind');
        const out = fileURLToPath(dir);
        const started = Date.now();
        const { errors, index } = await createIndex({ forceLanguage: 'zh-cn' });
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: out, glob: 'counties/*/index.html' });
        if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        await close();
        logger.info(`indexed ${added.page_count} county pages in ${Date.now() - started} ms`);
      },
    },
  };
}
