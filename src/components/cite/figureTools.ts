// The figures of a report page: each table cell with an id (its anchor) and each headline value.
// Cells are reached by keyboard with a roving tabindex (one tab stop per table, arrow keys inside);
// focusing or clicking a figure shows the page's one toolbar beside it, placed inside the cell so
// that Tab goes on to its buttons. The citation is built by citationText (src/lib/site/view/citation.ts).
import { citationText } from '../../lib/site/view/citation.ts';

const FIGURES = 'table[data-table] td[id], dl[data-table] dd[id]';

interface Figure {
  table: string;
  row: string;
  column?: string;
  value: string;
  unit?: string;
  page?: number;
}

/** Text of an element without the toolbar that may sit inside it. */
function ownText(el: Element): string {
  let s = '';
  for (const n of el.childNodes) {
    if (n instanceof HTMLElement && (n.id === 'fig-tools' || n.classList.contains('mark'))) continue;
    s += n.textContent ?? '';
  }
  return s.replace(/\s+/g, ' ').trim();
}

/** What the figure is, as the page prints it: its table, row, column and value. */
export function describeFigure(el: HTMLElement): Figure {
  const holder = el.closest<HTMLElement>('[data-table]')!;
  const table = holder.dataset.table ?? '';
  if (el.tagName === 'DD') {
    const dt = el.parentElement?.querySelector('dt');
    // The card's source line names the PDF page (data-page) where the figure was read from one.
    const page = Number(el.parentElement?.querySelector<HTMLElement>('dd.line')?.dataset.page) || undefined;
    return { table, row: dt ? ownText(dt) : '', value: ownText(el).replace(/\s+/g, ' '), page };
  }
  const tr = el.parentElement as HTMLTableRowElement;
  const th = tr.querySelector('th');
  // The row label as printed; a numbered sub-row (1. 属于国家秘密) under its group (（三）不予公开).
  let row = th ? (th.firstChild?.textContent ?? '').trim() || ownText(th) : '';
  const sub = th?.querySelector('.sub')?.textContent?.trim();
  if (sub) row = `${sub} ${row}`;
  if (th?.classList.contains('lv2')) {
    for (let p = tr.previousElementSibling; p; p = p.previousElementSibling) {
      if (p.classList.contains('group')) {
        row = `${(p.textContent ?? '').trim()} ${row}`;
        break;
      }
    }
  }
  const cells = [...tr.querySelectorAll('td[id]')];
  const cols = holder.dataset.cols?.split('|');
  const column = cols ? cols[cells.indexOf(el)] : tr.querySelector('td.l')?.textContent?.trim();
  const page = Number(tr.querySelector<HTMLElement>('td.line')?.dataset.page) || undefined;
  return { table, row, column, value: ownText(el), unit: holder.dataset.unit, page };
}

/** This page's permanent address: the canonical one where the build knew the site's, else the one in the address bar. */
function pageAddress(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return (canonical ?? location.href).replace(/#.*$/, '');
}

export function citationOf(el: HTMLElement, tools: HTMLElement, now = new Date()): string {
  const f = describeFigure(el);
  const d = tools.dataset;
  return citationText({
    county: d.county ?? '',
    year: Number(d.year),
    table: f.table,
    row: f.row,
    column: f.column,
    value: f.value,
    unit: f.unit,
    issuer: d.issuer ?? '',
    title: d.title ?? '',
    sourceUrl: d.src || undefined,
    sourceCopy: d.copy ? new URL(d.copy, pageAddress()).href : undefined,
    page: f.page,
    pdf: d.pdf === '1',
    permalink: `${pageAddress()}#${el.id}`,
    siteName: d.site ?? '',
    accessed: now,
  });
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an iframe, an old browser): the selection way.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function figureTools(): void {
  const tools = document.getElementById('fig-tools');
  if (!tools) return;
  const figures = [...document.querySelectorAll<HTMLElement>(FIGURES)];
  // One tab stop per table (the first figure); arrow keys move within it.
  const seen = new Set<Element>();
  for (const f of figures) {
    const holder = f.closest('[data-table]')!;
    f.tabIndex = seen.has(holder) ? -1 : 0;
    seen.add(holder);
  }
  const status = tools.querySelector<HTMLElement>('.fig-status')!;
  const fix = tools.querySelector<HTMLAnchorElement>('a[data-act="fix"]');
  const fixBase = fix?.href;
  let current: HTMLElement | null = null;

  const place = () => {
    if (!current) return;
    const r = current.getBoundingClientRect();
    const w = tools.offsetWidth;
    tools.style.top = `${Math.min(window.innerHeight - tools.offsetHeight - 4, r.bottom + 2)}px`;
    tools.style.left = `${Math.max(4, Math.min(window.innerWidth - w - 4, r.right - w))}px`;
  };
  const show = (el: HTMLElement) => {
    if (current === el && !tools.hidden) return;
    current?.classList.remove('fig-on');
    current = el;
    el.classList.add('fig-on');
    const f = describeFigure(el);
    const what = [f.row, f.column, f.value].filter(Boolean).join(' · ');
    tools.setAttribute('aria-label', `此数字：${what}`);
    for (const b of tools.querySelectorAll('button')) b.setAttribute('aria-label', `${b.textContent}：${what}`);
    if (fix && fixBase) {
      const u = new URL(fixBase);
      u.searchParams.set('page', `${pageAddress()}#${el.id}`);
      u.searchParams.set('figure', [f.table, f.row, f.column].filter(Boolean).join(' · '));
      u.searchParams.set('shown', f.value);
      fix.href = u.href;
    }
    status.textContent = '';
    el.append(tools);
    tools.hidden = false;
    place();
  };
  const hide = () => {
    current?.classList.remove('fig-on');
    current = null;
    tools.hidden = true;
  };

  document.addEventListener('focusin', (e) => {
    const t = e.target as HTMLElement;
    if (t.matches?.(FIGURES)) show(t);
    else if (!tools.contains(t)) hide();
  });
  document.addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    if (tools.contains(t)) return;
    const fig = t.closest<HTMLElement>(FIGURES);
    if (fig && !t.closest('a')) fig.focus();
    else if (!fig) hide();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && current) {
      const el = current;
      hide();
      el.focus();
      return;
    }
    const t = e.target as HTMLElement;
    if (!t.matches?.(FIGURES)) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      tools.querySelector<HTMLButtonElement>('button[data-act="cite"]')?.click();
      return;
    }
    const holder = t.closest('[data-table]')!;
    const inHolder = figures.filter((f) => f.closest('[data-table]') === holder);
    let next: HTMLElement | undefined;
    if (e.key === 'ArrowRight') next = inHolder[inHolder.indexOf(t) + 1];
    else if (e.key === 'ArrowLeft') next = inHolder[inHolder.indexOf(t) - 1];
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const x = t.getBoundingClientRect().left;
      const y = t.getBoundingClientRect().top;
      const below = inHolder.filter((f) => (e.key === 'ArrowDown' ? f.getBoundingClientRect().top > y + 1 : f.getBoundingClientRect().top < y - 1));
      const rowY = e.key === 'ArrowDown' ? Math.min(...below.map((f) => f.getBoundingClientRect().top)) : Math.max(...below.map((f) => f.getBoundingClientRect().top));
      next = below.filter((f) => f.getBoundingClientRect().top === rowY).sort((a, b) => Math.abs(a.getBoundingClientRect().left - x) - Math.abs(b.getBoundingClientRect().left - x))[0];
    }
    if (next) {
      e.preventDefault();
      t.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  });
  tools.addEventListener('click', async (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-act]');
    if (!b || !current) return;
    const text = b.dataset.act === 'cite' ? citationOf(current, tools) : `${pageAddress()}#${current.id}`;
    const ok = await copy(text);
    status.textContent = ok ? (b.dataset.act === 'cite' ? '已复制引用' : '已复制链接') : '未能复制，请手动选择文字';
  });
  addEventListener('scroll', place, { passive: true, capture: true });
  addEventListener('resize', place);
}
