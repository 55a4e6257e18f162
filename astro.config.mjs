// @ts-check
// First: sizes Node's I/O thread pool before anything starts it (see the module).
import './src/lib/site/build/threadpool.ts';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { SITE_ADDRESS, addressNotes } from './src/lib/site/build/address.ts';
import { cacheDirs } from './src/lib/site/build/cacheDirs.ts';
import { siteOutput } from './src/lib/site/build/integrations.ts';

// GitHub Pages serves the site under /<repo>/: the deploy workflow sets SITE and BASE_PATH. Without
// SITE the site has relative links only: never a placeholder address (address.ts).
const site = SITE_ADDRESS;
const base = process.env.BASE_PATH ?? '/';
const caches = cacheDirs();
for (const note of addressNotes()) console.log(`[site] ${note}`);

export default defineConfig({
  site,
  base,
  // A separate cache per corpus (bench, scale tests) keeps their content stores and incremental caches apart.
  ...(caches.astro ? { cacheDir: caches.astro } : {}),
  trailingSlash: 'always',
  // Several pages in flight: rendering one while another's files are written (measured: with 1, the
  // build sat idle on file writes about half of the time).
  build: { format: 'directory', concurrency: 4 },
  // No Markdown pages: the report prose is rendered by src/lib/site/view/prose.ts. Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  // dist/ is not emptied first: the incremental build leaves unchanged pages in place (instead of
  // copying 18,000 of them back from its cache) and unchanged downloads are not written again;
  // siteOutput() removes whatever this build did not produce.
  // Vite's dependency cache inside Astro's, not shared with other roots (cacheDirs.ts: it made every
  // rebuild after another root's build bundle the dependencies again).
  vite: {
    cacheDir: caches.vite,
    // Client scripts load (and preload) their chunks relative to themselves, not under the base path:
    // in a split build the downloads site serves the chart embed pages with the same files
    // (src/lib/site/build/embeds.ts), under another path.
    experimental: {
      renderBuiltUrl: (/** @type {string} */ _file, /** @type {{ hostType: string }} */ { hostType }) => (hostType === 'js' ? { relative: true } : undefined),
    },
    build: {
      emptyOutDir: false,
      rolldownOptions: {
        output: {
          // The site's CSS named by its content only: by default its name is taken from whichever page
          // the bundler meets first, which changes with the set of routes (global.… or site.…), and the
          // pages the incremental build keeps would then name a file no longer written. Others as Astro names them.
          assetFileNames: (/** @type {{ names?: string[] }} */ asset) => {
            const name = asset.names?.[0] ?? '';
            if (name.endsWith('.css')) return '_astro/style.[hash][extname]';
            return name.includes('@_@') ? `_astro/${name.split('@_@')[0]}.[hash][extname]` : '_astro/[name].[hash][extname]';
          },
        },
      },
    },
  },
  integrations: [
    // A sitemap needs absolute addresses: only with SITE.
    ...(site
      ? [
          sitemap({
            // The downloads, the 404 and the chart embeds are not pages to list.
            filter: (page) => !/\/404\/?$/.test(page) && !/\/embed(-shell)?\//.test(page),
          }),
        ]
      : []),
    // Downloads, the county finder's index, and the removal of files no longer built.
    siteOutput(),
  ],
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind's search runs as WebAssembly: 'wasm-unsafe-eval' allows compiling it (not JS eval).
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  experimental: {
    // 14,000+ reports: re-render only pages whose data (cacheKey) or code changed.
    incrementalBuild: process.env.ASTRO_INCREMENTAL !== '0',
    // collectionStorage stays 'single-file': measured at 2,500 reports, 'chunked' added ~27 s to every
    // content sync (3 s single-file); GitHub Pages never reads the store, so its size does not matter.
  },
});
