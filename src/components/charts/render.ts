// Chart.js, tree-shaken: bar charts only (controllers and elements registered by hand).
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { CHART_COLOURS as COLOURS } from '../../lib/site/view/chartColours.ts';
import { chartData } from './table.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
// The page's system CJK font stack, so labels match the text around the chart.
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
Chart.defaults.color = '#333';

const numbers = new Intl.NumberFormat('zh-CN');

export function renderChart(box: HTMLElement): void {
  if (box.querySelector('canvas')) return;
  const data = chartData(box.closest('figure') ?? box);
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
