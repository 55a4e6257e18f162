// County finder on Pagefind. Loaded on the first keystroke; renders results as plain links
// (text only, no HTML from the index), each with where the county lies and whether the site holds
// any of its reports. Enter opens the first match.
interface PagefindResult {
  data(): Promise<{ url: string; meta: Record<string, string> }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(q: string, o?: unknown, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

export function setupFinder(): void {
  const root = document.querySelector<HTMLElement>('.finder');
  const input = document.getElementById('finder-q') as HTMLInputElement | null;
  const list = document.getElementById('finder-results');
  const status = document.getElementById('finder-status');
  if (!root || !input || !list || !status) return;
  const bundle = root.dataset.pagefindBase ?? '/pagefind/';
  const base = root.dataset.siteBase ?? '/';
  let pagefind: Promise<Pagefind> | undefined;
  const load = () =>
    (pagefind ??= (async () => {
      const pf = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      // Pagefind's result URLs are site-root paths; the site may live under /<repo>/.
      await pf.options({ baseUrl: base });
      await pf.init();
      return pf;
    })());

  // The first result of the latest query typed (its search may still be running when Enter comes).
  let firstMatch: Promise<string | undefined> = Promise.resolve(undefined);
  input.addEventListener('focus', () => void load(), { once: true });
  input.addEventListener('keydown', async (e) => {
    if (e.key !== 'Enter' || e.isComposing) return; // Enter that ends an IME composition is no request to go
    e.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    const url = await firstMatch;
    if (url && input.value.trim() === q) window.location.assign(url);
  });
  input.addEventListener('input', () => {
    firstMatch = show();
  });
  async function show(): Promise<string | undefined> {
    const q = input!.value.trim();
    if (!q) {
      list!.replaceChildren();
      status!.textContent = '';
      return undefined;
    }
    let pf: Pagefind;
    try {
      pf = await load();
    } catch {
      status!.textContent = '查找功能加载失败，请按省份浏览。';
      return undefined;
    }
    const found = await pf.debouncedSearch(q, {}, 150);
    if (found === null || input!.value.trim() !== q) return undefined; // a newer query superseded this one
    const top = await Promise.all(found.results.slice(0, 12).map((r) => r.data()));
    list!.replaceChildren(
      ...top.map((d) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = d.url;
        a.textContent = d.meta.title ?? d.url;
        const sub = document.createElement('span');
        sub.className = 'sub';
        sub.textContent = [d.meta.place, d.meta.held].filter(Boolean).join(' · ');
        li.append(a, sub);
        return li;
      }),
    );
    status!.textContent =
      found.results.length === 0 ? `没有找到“${q}”。` : `找到 ${found.results.length} 个县${found.results.length > 12 ? '，显示前 12 个' : ''}。按回车键打开第一个。`;
    return top[0]?.url;
  }
}
