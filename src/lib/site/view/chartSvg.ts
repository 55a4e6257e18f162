// A chart as a standalone SVG picture: title, bars, axis, legend, and the source line and the site's
// address drawn in, so that a picture pasted into an article still says where it comes from. Pure
// string building: the page's download button runs it in the browser (PNG is this SVG drawn onto a
// canvas), the tests run it here. Chart.js draws only onto a canvas, hence an own small renderer.
import { escapeHtml } from './cellHtml.ts';

export interface ChartPicture {
  title: string;
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
  unit: string;
  stacked?: boolean;
  /** 来源：… (the report and its issuer) */
  source: string;
  /** The page's address, drawn under the source. */
  address: string;
}

import { CHART_COLOURS } from './chartColours.ts';

export { CHART_COLOURS };
const FONT = "'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif";
const numbers = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A round axis maximum and step: 0, 5, 10 … above the largest bar. */
export function axisOf(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 1 };
  const rough = max / 5;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= rough) ?? 10 * mag;
  const safe = Math.max(step, Number.isInteger(max) ? 1 : step); // counts: whole steps
  return { top: Math.ceil(max / safe) * safe, step: safe };
}

/** A label in lines of at most `n` characters (CJK labels have no spaces to break at). */
const lines = (s: string, n: number) => s.match(new RegExp(`.{1,${n}}`, 'gu')) ?? [''];

const text = (x: number, y: number, s: string, attrs = '') => `<text x="${x}" y="${y}"${attrs ? ` ${attrs}` : ''}>${escapeHtml(s)}</text>`;

export function chartSvg(c: ChartPicture, width = 800, height = 500): string {
  const pad = { left: 64, right: 24, top: 64, bottom: 130 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const values = c.stacked
    ? c.labels.map((_, i) => c.datasets.reduce((s, d) => s + (d.data[i] ?? 0), 0))
    : c.datasets.flatMap((d) => d.data.map((v) => v ?? 0));
  const { top, step } = axisOf(Math.max(0, ...values));
  const y = (v: number) => pad.top + plotH - (v / top) * plotH;
  const out: string[] = [];
  out.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  out.push(text(pad.left, 34, c.title, 'font-size="20" font-weight="700" fill="#1a1a1a"'));
  out.push(text(width - pad.right, 34, `单位：${c.unit}`, 'font-size="13" fill="#555" text-anchor="end"'));
  for (let v = 0; v <= top + 1e-9; v += step) {
    const yy = y(v).toFixed(1);
    out.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${yy}" y2="${yy}" stroke="${v === 0 ? '#1a1a1a' : '#e0e0e0'}"/>`);
    out.push(text(pad.left - 8, Number(yy) + 4, numbers.format(v), 'font-size="12" fill="#555" text-anchor="end"'));
  }
  const group = plotW / Math.max(1, c.labels.length);
  const many = c.datasets.length > 1 && !c.stacked;
  const barW = Math.min(48, (group * 0.7) / (many ? c.datasets.length : 1));
  c.labels.forEach((label, i) => {
    const gx = pad.left + i * group;
    let base = 0;
    c.datasets.forEach((d, k) => {
      const v = d.data[i];
      if (v === null || v === undefined) return;
      const x = many ? gx + group / 2 - (barW * c.datasets.length) / 2 + k * barW : gx + group / 2 - barW / 2;
      const y0 = c.stacked ? y(base + v) : y(v);
      const h = c.stacked ? y(base) - y(base + v) : y(0) - y(v);
      if (c.stacked) base += v;
      out.push(`<rect x="${x.toFixed(1)}" y="${y0.toFixed(1)}" width="${barW.toFixed(1)}" height="${Math.max(0, h).toFixed(1)}" fill="${CHART_COLOURS[k % CHART_COLOURS.length]}"><title>${escapeHtml(`${label} ${d.label}：${numbers.format(v)} ${c.unit}`)}</title></rect>`);
      if (!c.stacked && (!many || c.datasets.length <= 3)) out.push(text(x + barW / 2, y0 - 4, numbers.format(v), 'font-size="11" fill="#333" text-anchor="middle"'));
    });
    lines(label, Math.max(3, Math.floor(group / 14))).slice(0, 2).forEach((l, j) => out.push(text(gx + group / 2, pad.top + plotH + 18 + j * 16, l, 'font-size="13" fill="#333" text-anchor="middle"')));
  });
  let ly = height - pad.bottom + 62;
  if (c.datasets.length > 1) {
    let lx = pad.left;
    c.datasets.forEach((d, k) => {
      out.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${CHART_COLOURS[k % CHART_COLOURS.length]}"/>`);
      out.push(text(lx + 16, ly, d.label, 'font-size="12" fill="#333"'));
      lx += 28 + d.label.length * 13;
    });
  }
  ly = height - 34;
  out.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${ly - 18}" y2="${ly - 18}" stroke="#d4d4d4"/>`);
  out.push(text(pad.left, ly, `来源：${c.source}`, 'font-size="12" fill="#333"'));
  out.push(text(pad.left, ly + 18, c.address, 'font-size="12" fill="#0b4a84"'));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT.replace(/"/g, '')}">${out.join('')}</svg>`;
}

/** The chart's table as CSV (UTF-8 BOM, CRLF: Excel and WPS open it), its source on the last line. */
export function chartCsv(c: Pick<ChartPicture, 'title' | 'labels' | 'datasets' | 'unit' | 'source' | 'address'>): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = [
    [`${c.title}（单位：${c.unit}）`, ...c.datasets.map((d) => d.label)],
    ...c.labels.map((l, i) => [l, ...c.datasets.map((d) => d.data[i] ?? null)]),
    [],
    [`来源：${c.source}；${c.address}`],
  ];
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
