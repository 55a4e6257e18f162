// Load Chart.js only when a chart comes into view, and only on pages that have charts.
// The figure is observed, not the (still empty, hidden) drawing box. The download buttons load
// their module when pressed (one listener for the page).
export function observeCharts(): void {
  const boxes = [...document.querySelectorAll<HTMLElement>('.chart-canvas[data-chart]')];
  if (boxes.length === 0) return;
  document.addEventListener('click', async (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-chart-dl]');
    const figure = b?.closest<HTMLElement>('figure.chart');
    if (!b || !figure) return;
    const { downloadChart } = await import('./download.ts');
    await downloadChart(figure, b.dataset.chartDl as 'png' | 'svg' | 'csv');
  });
  // The embed snippet: absolute address from where the page is read when the build knew none.
  for (const code of document.querySelectorAll<HTMLElement>('[data-embed-snippet]')) {
    const src = new URL(code.dataset.embedSnippet ?? '', location.href).href;
    code.textContent = `<iframe src="${src}" width="100%" height="560" style="border:0" title="${code.dataset.embedTitle ?? ''}" loading="lazy"></iframe>`;
  }
  const draw = async (box: HTMLElement) => {
    const { renderChart } = await import('./render.ts');
    renderChart(box);
  };
  if (!('IntersectionObserver' in window)) {
    boxes.forEach(draw);
    return;
  }
  const byFigure = new Map<Element, HTMLElement>();
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        io.unobserve(e.target);
        const box = byFigure.get(e.target);
        if (box) void draw(box);
      }
    },
    { rootMargin: '200px 0px' },
  );
  for (const box of boxes) {
    const figure = box.closest('figure') ?? box;
    byFigure.set(figure, box);
    io.observe(figure);
  }
}
