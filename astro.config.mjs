// @ts-check
import { defineConfig } from 'astro/config';

// GitHub Pages serves the site under /<repo>/: the deploy workflow sets SITE and BASE_PATH.
const site = process.env.SITE ?? 'https://example.github.io';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
});
