// Debian chromium driven by playwright-core against the test build in dist/, served under its base.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.ts';
import { afterAll, beforeAll } from 'vitest';
import { serveDist, type Served } from '../../scripts/serve-dist.ts';
import { DIST, loadBuildInfo } from '../built/paths.ts';

export { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.ts';
export const launch = launchChromium;

export interface Session {
  browser: Browser;
  served: Served;
  /** Absolute URL of a path under the base, e.g. at('rankings/') */
  at: (path: string) => string;
  close: () => Promise<void>;
}

/** Chromium plus a server for dist/; call in beforeAll, close in afterAll. */
export async function open(): Promise<Session> {
  const info = loadBuildInfo();
  const served = await serveDist({ dir: DIST, base: info.base });
  let browser: Browser;
  try {
    browser = await launch();
  } catch (e) {
    await served.close();
    throw e;
  }
  return {
    browser,
    served,
    at: (path) => served.url + path.replace(/^\//, ''),
    close: async () => {
      await browser.close();
      await served.close();
    },
  };
}

/**
 * Chromium and the server for the tests of one file. A launch failure (no chromium) fails every
 * test with its message rather than letting them be reported as skipped.
 */
export function useSession(): () => Session {
  let session: Session | undefined;
  let failure: unknown;
  beforeAll(async () => {
    try {
      session = await open();
    } catch (e) {
      failure = e;
    }
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (failure) throw failure;
    if (!session) throw new Error('the browser session did not start');
    return session;
  };
}

/** Page errors and failed same-origin requests, collected while a test uses the page. */
export function watch(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url().startsWith('http://127.0.0.1')) errors.push(`${r.status()} ${r.url()}`);
  });
  return { errors };
}

/** Scroll to the bottom in steps, so that everything loaded on scrolling into view gets loaded. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, Math.floor(window.innerHeight / 2));
    for (let y = 0; y <= document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  await page.waitForLoadState('networkidle');
}
