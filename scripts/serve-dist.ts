// A small static server for dist/ that behaves like GitHub Pages under a base path: {base}x/ serves
// dist/x/index.html, {base}x (a directory) redirects to {base}x/, anything else is dist/404.html with
// status 404. Used by the browser tests and the budgets; also runnable by hand:
//   node scripts/serve-dist.ts [--port 4321] [--base /repo/] [--dir dist]
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};
const typeOf = (file: string) => TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The base path dist/ was built for, read from the canonical URL of its home page
 * (`<link rel="canonical" href="https://host/repo/">`); '/' when there is none.
 */
export function detectBase(dir: string): string {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return '/';
  const html = readFileSync(index, 'utf8');
  const tag = html.match(/<link\b[^>]*\brel=["']?canonical["']?[^>]*>/i)?.[0];
  const href = tag?.match(/\bhref=["']([^"']+)["']/i)?.[1];
  if (!href) return '/';
  try {
    const path = new URL(href).pathname;
    return path.endsWith('/') ? path : path.replace(/[^/]*$/, '');
  } catch {
    return '/';
  }
}

export interface Served {
  server: Server;
  /** http://127.0.0.1:PORT{base} */
  url: string;
  close: () => Promise<void>;
}

export function serveDist(opts: { dir?: string; base?: string; port?: number } = {}): Promise<Served> {
  const dir = resolve(opts.dir ?? 'dist');
  const base = opts.base ?? detectBase(dir);
  const notFound = join(dir, '404.html');

  const server = createServer((req, res) => {
    const send = (status: number, file: string) => {
      res.writeHead(status, { 'content-type': typeOf(file), 'content-length': statSync(file).size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    };
    const missing = () => {
      if (existsSync(notFound)) send(404, notFound);
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('404');
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return missing();
    }
    if (path === base.slice(0, -1)) return res.writeHead(301, { location: base }).end();
    if (!path.startsWith(base)) return missing();
    const file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) return missing();
    if (!existsSync(file)) return missing();
    if (statSync(file).isDirectory()) {
      if (!path.endsWith('/')) return res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      const index = join(file, 'index.html');
      return existsSync(index) ? send(200, index) : missing();
    }
    send(200, file);
  });

  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : opts.port;
      ok({
        server,
        url: `http://127.0.0.1:${port}${base}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections(); // keep-alive sockets of the browser would hold close() open
          }),
      });
    });
  });
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { port: { type: 'string' }, base: { type: 'string' }, dir: { type: 'string' } } });
  const served = await serveDist({ dir: values.dir, base: values.base, port: values.port ? Number(values.port) : 4321 });
  console.log(`serving ${values.dir ?? 'dist'} at ${served.url}`);
}
