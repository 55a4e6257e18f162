// A chart's numbers, read from the figure's data table (the table is the chart's source of truth:
// no copy of the numbers in JSON). Row heads are the categories, column heads the series.
export interface ChartData {
  title: string;
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

export function chartData(figure: Element): ChartData {
  const box = figure.querySelector<HTMLElement>('.chart-canvas');
  const table = figure.querySelector('table');
  const series = [...(table?.querySelectorAll('thead th') ?? [])].slice(1).map((th) => th.textContent?.trim() ?? '');
  const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
  return {
    title: figure.querySelector('figcaption')?.textContent?.trim() ?? '',
    labels: rows.map((tr) => tr.querySelector('th')?.textContent?.trim() ?? ''),
    datasets: series.map((label, i) => ({
      label,
      data: rows.map((tr) => {
        const td = tr.querySelectorAll('td')[i];
        return td ? cellNumber(td) : null;
      }),
    })),
    unit: box?.dataset.unit ?? '',
    stacked: box?.dataset.chart === 'stacked',
    summary: box?.dataset.summary ?? '',
  };
}
