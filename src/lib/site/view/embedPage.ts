// A chart embed page: one chart of a report alone, with its source line and a link back to the report
// page, for an iframe in a news article. The build writes them (build/embeds.ts) into the page Astro
// renders once as their shell (src/pages/embed-shell/), which brings the head every page has (the
// content security policy, the stylesheet) and the script that draws the chart.
import type { Report } from '../../schema.ts';
import { escapeHtml } from './cellHtml.ts';
import { chartFigureHtml } from './chartHtml.ts';
import { reportCharts } from './charts.ts';
import { embedHref, paths } from './paths.ts';
import { SITE_NAME } from './site.ts';

/** Where the shell takes each page's title and canonical link, and its content. */
export const EMBED_HEAD = '<!--embed:head-->';
export const EMBED_MAIN = '<!--embed:main-->';

/** The addresses a build gives its pages. */
export interface EmbedAddresses {
  /** The site's origin (SITE), or none: then every address is root-relative. */
  site?: string;
  /** The site's base path, with its slashes (`/portal/`). */
  base: string;
  /** The downloads site with its path (DOWNLOADS_SITE): the embed pages are published there. */
  downloadsSite?: string;
}

export interface EmbedPage {
  /** The page's file, relative to the output: `counties/{slug}/{year}/embed/{chart}/index.html`. */
  file: string;
  head: string;
  main: string;
}

/** The embed pages of a report: one per chart its page draws (charts.ts, reportCharts). */
export function embedPages(report: Report, a: EmbedAddresses): EmbedPage[] {
  const { region, year } = report;
  const from = a.base + paths.report(region, year);
  const permalink = a.site ? new URL(from, a.site).href : from;
  // In a split build the downloads site serves the page: the report page by its absolute address.
  const back = a.downloadsSite && a.site ? permalink : from;
  const context = { source: `${region.name} ${year} 年政府信息公开工作年度报告（${report.issuer}）`, page: permalink, label: `${region.name} ${year} 年` };
  return reportCharts(report).map((spec) => {
    const path = paths.embed(region, year, spec.id);
    // As the report page links it (paths.ts, embedHref), with this build's base: a worker thread has no import.meta.env.
    const address = a.downloadsSite ? embedHref(region, year, spec.id, a.downloadsSite) : a.base + path;
    const canonical = a.site ? new URL(address, a.site).href : a.downloadsSite ? address : undefined;
    return {
      file: `${path}index.html`,
      head: `<title>${escapeHtml(`${region.name} ${year} 年 · ${spec.title} · ${SITE_NAME}`)}</title>` + (canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}">` : ''),
      main:
        `<h1 class="embed-title">${escapeHtml(`${region.name} ${year} 年`)}</h1>${chartFigureHtml(spec, { context })}` +
        `<p class="embed-from"><a href="${escapeHtml(back)}" target="_top">${SITE_NAME}：查看完整报告页</a></p>`,
    };
  });
}

/** The page's HTML: the shell with its head and content put in. */
export function fillShell(shell: string, page: EmbedPage): string {
  const head = shell.indexOf(EMBED_HEAD);
  const main = shell.indexOf(EMBED_MAIN);
  if (head < 0 || main < head) throw new Error(`the embed shell has no ${head < 0 ? EMBED_HEAD : EMBED_MAIN} after its head`);
  return shell.slice(0, head) + page.head + shell.slice(head + EMBED_HEAD.length, main) + page.main + shell.slice(main + EMBED_MAIN.length);
}
