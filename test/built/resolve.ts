// Resolving a URL found in the built site to the file of dist/ that serves it, the way a static host
// (GitHub Pages) does under the base path.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Resolution =
  | { kind: 'external' }
  | { kind: 'file'; file: string; fragment: string }
  | { kind: 'broken'; reason: string };

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/**
 * url as written in a page or stylesheet served at fromPath (a URL path under base). Internal means
 * same origin as the site; internal URLs must stay under base and name a file of dist/.
 */
export function resolveUrl(url: string, fromPath: string, opts: { dist: string; base: string; site: string }): Resolution {
  const raw = url.trim();
  if (raw === '' ) return { kind: 'broken', reason: 'empty URL' };
  if (/^(mailto|tel|data|blob):/i.test(raw)) return { kind: 'external' };
  if (/^javascript:/i.test(raw)) return { kind: 'broken', reason: 'javascript: URL' };
  const origin = new URL(opts.site).origin;
  let u: URL;
  try {
    u = new URL(raw, origin + fromPath);
  } catch {
    return { kind: 'broken', reason: 'not a URL' };
  }
  if (u.origin !== origin) return { kind: 'external' };
  if (raw === '#') return { kind: 'broken', reason: 'empty fragment "#"' };
  if (!u.pathname.startsWith(opts.base)) return { kind: 'broken', reason: `outside the base ${opts.base}` };
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname.slice(opts.base.length));
  } catch {
    return { kind: 'broken', reason: 'bad percent-encoding' };
  }
  const fragment = decodeURIComponent(u.hash.slice(1));
  const target = join(opts.dist, rel);
  if (rel === '' || rel.endsWith('/')) {
    const index = join(target, 'index.html');
    return isFile(index) ? { kind: 'file', file: index, fragment } : { kind: 'broken', reason: 'no such page' };
  }
  if (isFile(target)) return { kind: 'file', file: target, fragment };
  // A directory without the trailing slash: GitHub Pages redirects, but the site's links should not need it.
  if (isFile(join(target, 'index.html'))) return { kind: 'broken', reason: 'page linked without its trailing slash' };
  return { kind: 'broken', reason: 'no such file' };
}
