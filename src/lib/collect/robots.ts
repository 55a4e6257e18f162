// robots.txt, read with robots-parser (RFC 9309 matching: groups by user agent, longest match wins,
// * and $ wildcards). What the fetch of robots.txt answered decides the rules when there is no file:
// RFC 9309 §2.3.1.3–4: 4xx means no rules (crawl allowed); 5xx or no answer means crawl nothing.
import robotsParser from 'robots-parser';

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay for our agent in seconds, if the file sets one. */
  crawlDelay?: number;
  /** Why everything is disallowed, where that is not the file's own rule. */
  note?: string;
  /** robots.txt got no answer or a 5xx: the host is down rather than closed to us; try again later. */
  unreachable?: boolean;
}

export type RobotsAnswer = { status: number; body: string } | { error: string };

export const robotsUrl = (url: string) => new URL('/robots.txt', url).href;

export function robotsRules(url: string, answer: RobotsAnswer, userAgent: string): RobotsRules {
  if ('error' in answer) return { isAllowed: () => false, unreachable: true, note: `robots.txt could not be fetched (${answer.error}): nothing on this host is fetched` };
  if (answer.status >= 500) return { isAllowed: () => false, unreachable: true, note: `robots.txt answered ${answer.status}: nothing on this host is fetched` };
  if (answer.status >= 400) return { isAllowed: () => true };
  const robots = robotsParser(robotsUrl(url), answer.body);
  const delay = robots.getCrawlDelay(userAgent);
  return {
    // undefined: the address is on another host than this file's; never asked so.
    isAllowed: (u) => robots.isAllowed(u, userAgent) !== false,
    ...(delay !== undefined && Number.isFinite(delay) ? { crawlDelay: delay } : {}),
  };
}
