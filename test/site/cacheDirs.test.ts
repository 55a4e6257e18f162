import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDirs } from '../../src/lib/site/build/cacheDirs.ts';

describe('cacheDirs', () => {
  it("puts Vite's dependency cache inside the Astro cache the build uses", () => {
    const dirs = cacheDirs({ ASTRO_CACHE_DIR: '/tmp/bench-x/astro-cache' });
    expect(dirs.astro).toBe('/tmp/bench-x/astro-cache');
    expect(dirs.vite).toBe(resolve('/tmp/bench-x/astro-cache', 'vite'));
  });

  it('gives two builds with their own Astro caches their own Vite caches (one never re-optimizes the other)', () => {
    const a = cacheDirs({ ASTRO_CACHE_DIR: '/w/a' }).vite;
    const b = cacheDirs({ ASTRO_CACHE_DIR: '/w/b' }).vite;
    expect(a).not.toBe(b);
  });

  it("without ASTRO_CACHE_DIR: Astro's default cache, Vite's below it", () => {
    const dirs = cacheDirs({});
    expect(dirs.astro).toBeUndefined();
    expect(dirs.vite).toBe('node_modules/.astro/vite');
  });
});
