// Chart.js, tree-shaken: bar charts only (controllers and elements registered by hand).
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
// The page's system CJK font stack, so labels match the text around the chart.
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
Chart.defaults.color = '#333';

interface Payload {
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
  unit: string;
  stacked: boolean;
  summary: string;
}

/** A printed figure of the data table: `1,234` → 1234, `18.5` → 18.5; a blank (空白) → null. */
const cellNumber = (td: Element): number | null => {
  if (td.querySelector('.muted')) return null;
  const text = (td.textContent ?? '').replace(/[,\s]/g, '');
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
};

/** The chart's numbers, read from the figure's data table: row heads are the categories, column heads the series. */
function payloadOf(box: HTMLElement): Payload {
  const table = box.closest('figure')?.querySelector('table');
  const series = [...(table?.querySelectorAll('thead th') ?? [])].slice(1).map((th) => th.textContent?.trim() ?? '');
  const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
  return {
    labels: rows.map((tr) => tr.querySelector('th')?.textContent?.trim() ?? ''),
    datasets: series.map((label, i) => ({ label, data: rows.map((tr) => { const td = tr.querySelectorAll('td')[i]; return td ? cellNumber(td) : null; }) })),
    unit: box.dataset.unit ?? '',
    stacked: box.dataset.chart === 'stacked',
    summary: box.dataset.summary ?? '',
  };
}

const COLOURS = ['#1f4e79', '#8a1c1c', '#6f6f6f', '#b8860b'];
const numbers = new Intl.NumberFormat('zh-CN');

export function renderChart(box: HTMLElement): void {
  if (box.querySelector('canvas')) return;
  const data = payloadOf(box);
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', data.summary);
  canvas.textContent = data.summary;
  // What was drawn, for checking against the table (the browser test reads it).
  canvas.dataset.series = JSON.stringify(data.datasets.map((d) => d.data));
  box.append(canvas);
  // The table stays available below, folded: the chart now shows the same numbers.
  box.parentElement?.querySelector('details')?.removeAttribute('open');
  const many = data.datasets.length > 1;
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.datasets.map((d, i) => ({
        label: d.label,
        data: d.data,
        backgroundColor: COLOURS[i % COLOURS.length],
        maxBarThickness: 48,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'zh-CN',
      plugins: {
        legend: { display: many, position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (ctx) => `${ctx.dataset.label}：${ctx.raw === null ? '空白' : `${numbers.format(ctx.raw as number)} ${data.unit}`}`,
          },
        },
      },
      scales: {
        x: { stacked: data.stacked, grid: { display: false } },
        y: { stacked: data.stacked, beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  });
}
