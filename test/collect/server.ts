// A local web server for the collector's tests, on 127.0.0.1 and a port the system picks: routes by
// path, every request recorded (path, User-Agent, start and end), and the most requests in flight at once.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Hit {
  path: string;
  userAgent: string;
  headers: IncomingMessage['headers'];
  start: number;
  end: number;
}

export interface TestServer {
  origin: string;
  url: (path: string) => string;
  routes: Map<string, Handler>;
  hits: Hit[];
  hitsOf: (path: string) => Hit[];
  maxInFlight: number;
  close: () => Promise<void>;
}

export async function startServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const state = { maxInFlight: 0, inFlight: 0 };
  const hits: Hit[] = [];
  const table = new Map(Object.entries(routes));
  const server = createServer(async (req, res) => {
    const hit: Hit = { path: req.url ?? '', userAgent: req.headers['user-agent'] ?? '', headers: req.headers, start: Date.now(), end: 0 };
    hits.push(hit);
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    res.on('close', () => {
      state.inFlight--;
      hit.end = Date.now();
    });
    const handler = table.get(req.url ?? '');
    if (handler) await handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><head><title>404 Not Found</title></head><body>Not Found</body></html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + path,
    routes: table,
    hits,
    hitsOf: (path) => hits.filter((h) => h.path === path),
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler answering with the body and headers given. */
export const send =
  (body: string | Buffer, contentType: string, status = 200, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers });
    res.end(body);
  };

export const redirect =
  (location: string, status = 301): Handler =>
  (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };
