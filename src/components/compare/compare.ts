// The compare page in the browser: reads data/compare/index.json and each chosen county's file,
// then draws the side-by-side table for a year and the trend of one figure. The choice lives in the
// address (?c=630222,110108&y=2021&m=received), so a comparison can be linked.
import type { CompareCounty, CompareIndex } from '../../lib/site/data/compareData.ts';
import { CHART_COLOURS } from '../../lib/site/view/chartColours.ts';
import { formatHeadline } from '../../lib/site/view/format.ts';

type Metric = CompareIndex['metrics'][number];
type County = CompareIndex['counties'][number];
const MAX = 4;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const optionText = (c: County) => `${c.n}（${c.p}${c.f && c.f !== c.p ? ` ${c.f}` : ''}，${c.c}）`;
const valueText = (m: Metric, v: number | null, missing?: string) =>
  v === null ? `<span class="muted">${esc(missing ?? '无')}</span>` : `${esc(formatHeadline(m as never, v))}${m.kind === 'rate' ? '' : `<small>\u00a0${esc(m.unit)}</small>`}`;

/** Which county an input names: the list's text, a six-digit code, or a name only one county has. */
export function resolveCounty(text: string, counties: readonly County[]): County | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const code = t.match(/(\d{6})）?$/)?.[1];
  if (code) return counties.find((c) => c.c === code);
  const named = counties.filter((c) => c.n === t);
  return named.length === 1 ? named[0] : undefined;
}

function trendSvg(metric: Metric, years: number[], series: { name: string; values: (number | null)[] }[]): string {
  const w = 520;
  const h = 300;
  const pad = { l: 64, r: 20, t: 16, b: 64 };
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = Math.max(...all, 0) || 1;
  const [first, last] = [years[0], years.at(-1)!];
  // Years on a true scale: a year the site has no report of leaves its gap.
  const x = (yr: number) => pad.l + (last === first ? (w - pad.l - pad.r) / 2 : ((yr - first) * (w - pad.l - pad.r)) / (last - first));
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - v / top);
  const parts: string[] = [];
  // The middle line at a round value of the figure's own kind: a count of cases has no half (1,559.5 件).
  const mid = metric.kind === 'rate' ? top / 2 : Math.round(top / 2);
  for (const v of [0, ...(mid > 0 && mid < top ? [mid] : []), top]) {
    parts.push(`<line x1="${pad.l}" x2="${w - pad.r}" y1="${y(v)}" y2="${y(v)}" stroke="${v === 0 ? '#1a1a1a' : '#e0e0e0'}"/>`);
    parts.push(`<text x="${pad.l - 6}" y="${y(v) + 5}" font-size="14" text-anchor="end" fill="#555">${esc(formatHeadline(metric as never, v))}</text>`);
  }
  years.forEach((yr) => parts.push(`<text x="${x(yr)}" y="${h - pad.b + 22}" font-size="14" text-anchor="middle" fill="#333">${yr}</text>`));
  series.forEach((s, k) => {
    const colour = CHART_COLOURS[k % CHART_COLOURS.length];
    const pts = s.values.map((v, i) => (v === null ? null : [x(years[i]), y(v)]));
    // A year without the figure breaks the line: no bridging over a gap.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) parts.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="3"/>`);
      run = [];
    };
    pts.forEach((p) => (p ? run.push(`${p[0].toFixed(1)},${p[1].toFixed(1)}`) : flush()));
    flush();
    pts.forEach((p) => p && parts.push(`<circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="5" fill="${colour}"/>`));
    const lx = pad.l + (k % 2) * 220;
    const ly = h - pad.b + 50 + Math.floor(k / 2) * 20;
    parts.push(`<rect x="${lx}" y="${ly - 11}" width="12" height="12" fill="${colour}"/><text x="${lx + 16}" y="${ly}" font-size="14" fill="#333">${esc(s.name)}</text>`);
  });
  return `<svg viewBox="0 0 ${w} ${h + 10}" width="100%" role="img" aria-label="${esc(`${metric.label}历年趋势：${series.map((s) => `${s.name} ${s.values.map((v, i) => `${years[i]} 年 ${v === null ? '无' : formatHeadline(metric as never, v)}`).join('，')}`).join('；')}`)}">${parts.join('')}</svg>`;
}

export async function startCompare(): Promise<void> {
  const form = document.getElementById('compare-form') as HTMLFormElement | null;
  if (!form) return;
  const status = document.getElementById('compare-status')!;
  const base = form.dataset.base ?? '/';
  let index: CompareIndex;
  try {
    const res = await fetch(form.dataset.index!);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    index = await res.json();
  } catch (e) {
    status.textContent = `未能读取县名列表（${(e as Error).message}）。`;
    return;
  }
  const list = document.getElementById('county-list')!;
  list.innerHTML = index.counties.map((c) => `<option value="${esc(optionText(c))}"></option>`).join('');
  const metricSelect = document.getElementById('compare-metric') as HTMLSelectElement;
  // The page lists the figures already (the same METRICS); filled here only if it does not.
  if (metricSelect.options.length !== index.metrics.length) metricSelect.innerHTML = index.metrics.map((m) => `<option value="${m.id}">${esc(m.label)}</option>`).join('');
  const yearSelect = document.getElementById('compare-year') as HTMLSelectElement;
  const inputs = [...form.querySelectorAll<HTMLInputElement>('input[list="county-list"]')];

  // The address's choice into the form.
  const q = new URLSearchParams(location.search);
  const codes = (q.get('c') ?? '').split(',').filter((c) => /^\d{6}$/.test(c)).slice(0, MAX);
  codes.forEach((code, i) => {
    const c = index.counties.find((x) => x.c === code);
    if (c) inputs[i].value = optionText(c);
  });
  if (q.get('y') && [...yearSelect.options].some((o) => o.value === q.get('y'))) yearSelect.value = q.get('y')!;
  if (q.get('m') && index.metrics.some((m) => m.id === q.get('m'))) metricSelect.value = q.get('m')!;

  const cache = new Map<string, Promise<CompareCounty>>();
  const load = (code: string) => {
    let p = cache.get(code);
    if (!p) {
      p = fetch(`${base}data/compare/${code}.json`).then((r) => {
        if (!r.ok) throw new Error(`${code}: HTTP ${r.status}`);
        return r.json() as Promise<CompareCounty>;
      });
      cache.set(code, p);
    }
    return p;
  };

  const render = async () => {
    const chosen: County[] = [];
    const unknown: string[] = [];
    for (const input of inputs) {
      const c = resolveCounty(input.value, index.counties);
      if (c && !chosen.includes(c)) chosen.push(c);
      else if (!c && input.value.trim()) unknown.push(input.value.trim());
      input.setAttribute('aria-invalid', String(!c && !!input.value.trim()));
    }
    const year = Number(yearSelect.value);
    const metric = index.metrics.find((m) => m.id === metricSelect.value) ?? index.metrics[0];
    const url = new URL(location.href);
    url.search = chosen.length ? `?c=${chosen.map((c) => c.c).join(',')}&y=${year}&m=${metric.id}` : '';
    history.replaceState(null, '', url);
    const yearSection = document.getElementById('compare-year-section')!;
    const trendSection = document.getElementById('compare-trend-section')!;
    if (chosen.length === 0) {
      yearSection.hidden = trendSection.hidden = true;
      status.textContent = unknown.length ? `未找到：${unknown.join('、')}。请从列表中选择。` : '请至少选择一个县。';
      return;
    }
    let data: CompareCounty[];
    try {
      data = await Promise.all(chosen.map((c) => load(c.c)));
    } catch (e) {
      status.textContent = `未能读取数据（${(e as Error).message}）。`;
      return;
    }
    status.textContent = `${chosen.map((c) => c.n).join('、')}：${year} 年并排，${metric.label}历年趋势。${unknown.length ? `未找到：${unknown.join('、')}。` : ''}`;
    // Side by side for the year.
    const head = `<caption>${year} 年各县数字</caption><thead><tr><th scope="col" class="l">指标</th>${data
      .map((d) => {
        const y = d.years[year];
        return `<th scope="col">${y ? `<a href="${esc(base + y.page)}">${esc(d.name)}</a>` : esc(d.name)}<br><span class="muted">${esc(d.province)}${y ? (y.consistent ? '' : ' · 报告自身数字有不符') : ` · 未收录 ${year} 年报告`}</span></th>`;
      })
      .join('')}</tr></thead>`;
    const rows = index.metrics
      .map((m) => `<tr><th scope="row">${esc(m.label)}</th>${data.map((d) => { const y = d.years[year]; return `<td>${y ? valueText(m, y.values[m.id], y.missing[m.id]) : '<span class="muted">—</span>'}</td>`; }).join('')}</tr>`)
      .join('');
    document.getElementById('compare-table')!.innerHTML = `${head}<tbody>${rows}</tbody>`;
    yearSection.hidden = false;
    // The trend of one figure.
    const years = index.years;
    const series = data.map((d) => ({ name: d.name, values: years.map((y) => d.years[y]?.values[metric.id] ?? null) }));
    document.getElementById('compare-trend-figure')!.innerHTML = `<figcaption>${esc(metric.label)}${metric.kind === 'rate' ? '' : `（${esc(metric.unit)}）`}，${years[0]}–${years.at(-1)} 年</figcaption>${trendSvg(metric, years, series)}`;
    document.getElementById('compare-trend')!.innerHTML = `<caption>${esc(metric.label)}历年数字</caption><thead><tr><th scope="col" class="l">年度</th>${data.map((d) => `<th scope="col">${esc(d.name)}</th>`).join('')}</tr></thead><tbody>${years
      .map((y) => `<tr><th scope="row">${y}</th>${data.map((d) => `<td>${d.years[y] ? valueText(metric, d.years[y].values[metric.id], d.years[y].missing[metric.id]) : '<span class="muted">未收录</span>'}</td>`).join('')}</tr>`)
      .join('')}</tbody>`;
    trendSection.hidden = false;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void render();
  });
  yearSelect.addEventListener('change', () => void render());
  metricSelect.addEventListener('change', () => void render());
  for (const i of inputs) i.addEventListener('change', () => void render());
  if (codes.length) await render();
  else status.textContent = `已载入 ${index.counties.length} 个县的列表。`;
}
