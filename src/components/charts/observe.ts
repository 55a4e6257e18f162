// Load Chart.js only when a chart comes into view, and only on pages that have charts.
// The figure is observed, not the (still empty, hidden) drawing box.
export function observeCharts(): void {
  const boxes = [...document.querySelectorAll<HTMLElement>('.chart-canvas[data-chart]')];
  if (boxes.length === 0) return;
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
