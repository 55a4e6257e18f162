// Where the build keeps its caches. Vite's dependency cache (its optimizer's bundles and metadata)
// defaults to <root>/node_modules/.vite, which builds of other roots sharing node_modules (the
// bench's site copy and baseline, the test site) overwrite: the next build of this root then found
// "vite config has changed" (the root is part of Vite's config hash) and bundled its dependencies
// again, 3-5 s of every rebuild. Kept inside Astro's cache, each cache has its own.
import { resolve } from 'node:path';

export interface CacheDirs {
  /** Astro's cacheDir (undefined: Astro's default, node_modules/.astro). */
  astro: string | undefined;
  /** Vite's cacheDir, inside Astro's (relative paths are taken from the project root). */
  vite: string;
}

export function cacheDirs(env: Record<string, string | undefined> = process.env): CacheDirs {
  const astro = env.ASTRO_CACHE_DIR || undefined;
  return { astro, vite: astro ? resolve(astro, 'vite') : 'node_modules/.astro/vite' };
}
