// A chart's figure as one escaped HTML string: its title, the box Chart.js draws into, the data table
// (the chart without JavaScript, and what the script reads its numbers from), the note, the source
// and the download/embed tools. Written here rather than as a component because the chart embed
// pages (32,958 at national scale) are written by the build outside Astro's renderer (build/embeds.ts):
// the report page (Chart.astro) and the embed page draw the same markup from this one function.
import { escapeHtml } from './cellHtml.ts';
import type { ChartSpec } from './charts.ts';
import { formatCell } from './format.ts';

/** What the downloads draw under the chart: the report (source), the page's address and a short label. */
export interface ChartContext {
  source: string;
  page: string;
  label: string;
}

export interface ChartFigureOptions {
  /** Without it, no source line and no downloads. */
  context?: ChartContext;
  /** The chart's embed page (its address), for the snippet; without it, no embed tool. */
  embed?: string;
  /** The site's address, to make a root-relative `embed` absolute in the snippet. */
  site?: URL | string;
}

/** ` name="value"`, or nothing when there is no value. */
const attr = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`);

function tableHtml(spec: ChartSpec): string {
  const heads = spec.datasets.map((d) => `<th scope="col">${escapeHtml(d.label)}</th>`).join('');
  const rows = spec.labels
    .map((label, i) => {
      const cells = spec.datasets.map((d) => `<td class="n">${d.data[i] === null ? '<span class="muted">空白</span>' : escapeHtml(formatCell(d.data[i]))}</td>`).join('');
      return `<tr><th scope="row">${escapeHtml(label)}</th>${cells}</tr>`;
    })
    .join('');
  return (
    `<table><caption class="vh">${escapeHtml(spec.title)}（单位：${escapeHtml(spec.unit)}）</caption>` +
    `<thead><tr><th scope="col" class="l">项目</th>${heads}</tr></thead><tbody>${rows}</tbody></table>`
  );
}

function toolsHtml(spec: ChartSpec, embed: string | undefined, site: URL | string | undefined): string {
  const buttons = (['png', 'svg', 'csv'] as const)
    .map((kind) => {
      const what = kind === 'csv' ? 'CSV 数据' : `${kind.toUpperCase()} 图片`;
      return `<button type="button" data-chart-dl="${kind}" aria-label="下载 ${what}：${escapeHtml(spec.title)}">${kind.toUpperCase()}</button>`;
    })
    .join('');
  let embedTool = '';
  if (embed) {
    const absolute = site ? new URL(embed, site).href : embed;
    const snippet = `<iframe src="${absolute}" width="100%" height="560" style="border:0" title="${spec.title}" loading="lazy"></iframe>`;
    embedTool =
      `<details class="embed"><summary>嵌入</summary><p><a href="${escapeHtml(embed)}">嵌入页</a>：在文章中用以下代码嵌入此图（含来源）：</p>` +
      `<code${attr('data-embed-snippet', embed)}${attr('data-embed-title', spec.title)}>${escapeHtml(snippet)}</code></details>`;
  }
  return `<div class="chart-tools no-print"><span class="muted">下载：</span>${buttons}${embedTool}</div>`;
}

/** The chart's `<figure>`. Chart.js draws into `.chart-canvas` once it scrolls into view (components/charts/observe.ts). */
export function chartFigureHtml(spec: ChartSpec, { context, embed, site }: ChartFigureOptions = {}): string {
  const id = `chart-${spec.id}`;
  const figureAttrs =
    ` class="chart"${attr('aria-labelledby', `${id}-t`)}${attr('data-source', context?.source)}${attr('data-page', context?.page)}` +
    `${attr('data-label', context?.label)}${attr('data-name', context && spec.id)}`;
  const canvas = `<div class="chart-canvas"${spec.stacked ? ' data-chart="stacked"' : ' data-chart'}${attr('data-unit', spec.unit)}${attr('data-summary', spec.summary)}></div>`;
  const table = `<details open><summary>图表数据</summary><div class="table-wrap" tabindex="0" role="region"${attr('aria-label', `${spec.title}：数据表`)}>${tableHtml(spec)}</div></details>`;
  return (
    `<figure${figureAttrs}><figcaption${attr('id', `${id}-t`)}>${escapeHtml(spec.title)}</figcaption>${canvas}${table}` +
    (spec.note ? `<p class="note">${escapeHtml(spec.note)}</p>` : '') +
    (context ? `<p class="chart-source">来源：${escapeHtml(context.source)}</p>${toolsHtml(spec, embed, site)}` : '') +
    '</figure>'
  );
}
