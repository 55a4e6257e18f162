// A polite HTTP client for government sites: one request at a time per host with a delay between
// requests, a User-Agent naming the project, robots.txt read once per host and obeyed (also for every
// redirect), a timeout on each request (headers and body), retries with exponential back-off on 5xx
// and network errors and none on 4xx, and a size limit checked before and while reading.
import { robotsRules, robotsUrl, type RobotsRules } from './robots.ts';

/** The product token robots.txt groups are matched against. */
export const USER_AGENT_TOKEN = 'county-transparency-portal-collector';
export const DEFAULT_USER_AGENT = `${USER_AGENT_TOKEN}/0.1 (collects county governments' annual information-disclosure reports for a public, cited archive; one request at a time per host)`;

export interface ClientOptions {
  userAgent: string;
  /** Between two requests to the same host, from the end of one to the start of the next. */
  delayMs: number;
  /** Waiting for the headers, or for the next part of the body: a server silent this long has failed. */
  timeoutMs: number;
  /** For one whole request: a large file from a slow server may take long, but not forever. */
  totalTimeoutMs: number;
  /** Further attempts after a 5xx or a network error. */
  retries: number;
  /** The first back-off; doubled on each further attempt. */
  backoffMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** A robots.txt Crawl-delay above this is capped (and the cap said in the log). */
  maxCrawlDelayMs: number;
}

export const DEFAULT_CLIENT: ClientOptions = {
  userAgent: DEFAULT_USER_AGENT,
  delayMs: 2000,
  timeoutMs: 30_000,
  totalTimeoutMs: 15 * 60_000,
  retries: 3,
  backoffMs: 2000,
  maxBytes: 50 * 1024 * 1024,
  maxRedirects: 10,
  maxCrawlDelayMs: 60_000,
};

export type FetchOutcome =
  | { kind: 'ok'; status: number; finalUrl: string; contentType?: string; etag?: string; lastModified?: string; bytes: Buffer; attempts: number }
  | { kind: 'not-modified'; status: 304; finalUrl: string; attempts: number }
  /** A 4xx, or a 5xx that every attempt got. */
  | { kind: 'http-error'; status: number; finalUrl: string; attempts: number; reason: string }
  | { kind: 'disallowed'; finalUrl: string; attempts: number; reason: string }
  | { kind: 'too-large'; status: number; finalUrl: string; attempts: number; reason: string }
  | { kind: 'network'; finalUrl: string; attempts: number; reason: string };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One attempt's result, before retries are decided. */
type Attempt =
  | { kind: 'response'; status: number; headers: Headers; bytes?: Buffer }
  | { kind: 'too-large'; status: number; reason: string }
  | { kind: 'network'; reason: string };

export class PoliteClient {
  readonly options: ClientOptions;
  private readonly hosts = new Map<string, { tail: Promise<void>; last: number; delayMs: number }>();
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  /** Requests made in this run, robots.txt and retries included: for the summary line. */
  requests = 0;

  constructor(options: Partial<ClientOptions> = {}) {
    this.options = { ...DEFAULT_CLIENT, ...options };
  }

  /** Runs fn when the host is free and its delay has passed since the last request ended. */
  private async gated<R>(url: string, fn: () => Promise<R>): Promise<R> {
    const host = new URL(url).host;
    let gate = this.hosts.get(host);
    if (!gate) this.hosts.set(host, (gate = { tail: Promise.resolve(), last: 0, delayMs: this.options.delayMs }));
    const g = gate;
    const run = g.tail.then(async () => {
      const wait = g.last + g.delayMs - Date.now();
      if (g.last > 0 && wait > 0) await sleep(wait);
      try {
        this.requests++;
        return await fn();
      } finally {
        g.last = Date.now();
      }
    });
    g.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** One request: timed out by silence or by its total time, the body read up to the size limit. */
  private attempt(url: string, headers: Record<string, string>, readBody: boolean): Promise<Attempt> {
    return this.gated(url, async () => {
      const controller = new AbortController();
      const { timeoutMs, totalTimeoutMs } = this.options;
      let idle = setTimeout(() => controller.abort(new Error(`timed out: nothing received for ${timeoutMs / 1000} s`)), timeoutMs);
      const total = setTimeout(() => controller.abort(new Error(`timed out: not complete after ${totalTimeoutMs / 1000} s`)), totalTimeoutMs);
      const alive = () => {
        clearTimeout(idle);
        idle = setTimeout(() => controller.abort(new Error(`timed out: nothing received for ${timeoutMs / 1000} s`)), timeoutMs);
      };
      try {
        const res = await fetch(url, { headers: { 'user-agent': this.options.userAgent, ...headers }, redirect: 'manual', signal: controller.signal });
        if (!readBody || res.status < 200 || res.status >= 300) {
          await res.body?.cancel().catch(() => {});
          return { kind: 'response', status: res.status, headers: res.headers };
        }
        const declared = Number(res.headers.get('content-length') ?? NaN);
        if (declared > this.options.maxBytes) {
          await res.body?.cancel().catch(() => {});
          return { kind: 'too-large', status: res.status, reason: `larger than the limit of ${this.options.maxBytes} bytes (Content-Length ${declared})` };
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const reader = res.body?.getReader();
        for (;;) {
          const next = await reader?.read();
          if (!next || next.done) break;
          alive();
          size += next.value.length;
          if (size > this.options.maxBytes) {
            await reader!.cancel().catch(() => {});
            return { kind: 'too-large', status: res.status, reason: `larger than the limit of ${this.options.maxBytes} bytes (stopped reading)` };
          }
          chunks.push(Buffer.from(next.value));
        }
        return { kind: 'response', status: res.status, headers: res.headers, bytes: Buffer.concat(chunks) };
      } catch (e) {
        const reason = controller.signal.aborted && controller.signal.reason instanceof Error ? controller.signal.reason.message : networkReason(e);
        return { kind: 'network', reason };
      } finally {
        clearTimeout(idle);
        clearTimeout(total);
      }
    });
  }

  /** An attempt, repeated with back-off while it fails with a 5xx or a network error. */
  private async withRetries(url: string, headers: Record<string, string>, readBody: boolean): Promise<{ result: Attempt; attempts: number }> {
    let attempts = 0;
    for (;;) {
      const result = await this.attempt(url, headers, readBody);
      attempts++;
      const retryable = result.kind === 'network' || (result.kind === 'response' && result.status >= 500);
      if (!retryable || attempts > this.options.retries) return { result, attempts };
      let wait = this.options.backoffMs * 2 ** (attempts - 1);
      const after = result.kind === 'response' ? Number(result.headers.get('retry-after')) : NaN;
      if (Number.isFinite(after) && after > 0) wait = Math.max(wait, Math.min(after * 1000, this.options.maxCrawlDelayMs));
      await sleep(wait);
    }
  }

  /** The rules of the address's host, fetched once (redirects followed) and kept for the run. */
  rulesFor(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    let rules = this.robots.get(origin);
    if (!rules) {
      rules = (async () => {
        let at = robotsUrl(url);
        for (let hop = 0; ; hop++) {
          const { result } = await this.withRetries(at, {}, true);
          if (result.kind === 'response' && result.status >= 300 && result.status < 400 && result.headers.get('location') && hop < 5) {
            at = new URL(result.headers.get('location')!, at).href;
            continue;
          }
          const answer =
            result.kind === 'response'
              ? { status: result.status, body: result.bytes ? new TextDecoder().decode(result.bytes) : '' }
              : result.kind === 'too-large'
                ? { status: 200, body: '' } // RFC 9309 §2.5: parse at least 500 KiB; a huge file is treated as none
                : { error: result.reason };
          const rules = robotsRules(url, answer, USER_AGENT_TOKEN);
          const gate = this.hosts.get(new URL(url).host);
          if (rules.crawlDelay !== undefined && gate) gate.delayMs = Math.max(this.options.delayMs, Math.min(rules.crawlDelay * 1000, this.options.maxCrawlDelayMs));
          return rules;
        }
      })();
      this.robots.set(origin, rules);
    }
    return rules;
  }

  /** GET an address: robots.txt checked for it and for every redirect, redirects followed. */
  async get(url: string, headers: Record<string, string> = {}): Promise<FetchOutcome> {
    let at = url;
    let attempts = 0;
    for (let hop = 0; ; hop++) {
      const rules = await this.rulesFor(at);
      if (rules.unreachable) return { kind: 'network', finalUrl: at, attempts, reason: rules.note! };
      if (!rules.isAllowed(at)) return { kind: 'disallowed', finalUrl: at, attempts, reason: rules.note ?? `robots.txt of ${new URL(at).host} disallows ${new URL(at).pathname}` };
      const { result, attempts: n } = await this.withRetries(at, headers, true);
      attempts += n;
      if (result.kind === 'network') return { kind: 'network', finalUrl: at, attempts, reason: `${result.reason}${n > 1 ? ` (${n} attempts)` : ''}` };
      if (result.kind === 'too-large') return { kind: 'too-large', status: result.status, finalUrl: at, attempts, reason: result.reason };
      const { status, headers: h } = result;
      if (status >= 300 && status < 400 && status !== 304) {
        const location = h.get('location');
        if (!location) return { kind: 'http-error', status, finalUrl: at, attempts, reason: `HTTP ${status} without a Location` };
        if (hop >= this.options.maxRedirects) return { kind: 'http-error', status, finalUrl: at, attempts, reason: `more than ${this.options.maxRedirects} redirects` };
        at = new URL(location, at).href;
        continue;
      }
      if (status === 304) return { kind: 'not-modified', status, finalUrl: at, attempts };
      if (status >= 400) return { kind: 'http-error', status, finalUrl: at, attempts, reason: `HTTP ${status}${status >= 500 && n > 1 ? ` (${n} attempts)` : ''}` };
      return {
        kind: 'ok',
        status,
        finalUrl: at,
        attempts,
        bytes: result.bytes ?? Buffer.alloc(0),
        ...(h.get('content-type') ? { contentType: h.get('content-type')! } : {}),
        ...(h.get('etag') ? { etag: h.get('etag')! } : {}),
        ...(h.get('last-modified') ? { lastModified: h.get('last-modified')! } : {}),
      };
    }
  }
}

/** undici hides the cause of "fetch failed" one level down: ECONNREFUSED, ENOTFOUND, a reset. */
function networkReason(e: unknown): string {
  const err = e as Error & { cause?: Error & { code?: string } };
  const cause = err.cause;
  if (cause) return `${cause.code ?? cause.name}: ${cause.message}`;
  return err.message;
}
