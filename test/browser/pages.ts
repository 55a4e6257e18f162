// Which built pages the browser tests visit.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, urlPathOf } from '../built/dom.ts';
import { DIST, loadBuildInfo } from '../built/paths.ts';
import { reportPages } from '../built/reports.ts';

const info = loadBuildInfo();
const rel = (file: string) => urlPathOf(DIST, file, info.base).slice(info.base.length);

function samplePages() {
  const samples = new Set(info.inputs.filter((i) => i.kind === 'sample').map((i) => i.file));
  const pages = reportPages(info).filter((p) => p.json && samples.has(p.json.data.source as string));
  if (!pages.length) throw new Error('no sample report page in dist/');
  return pages;
}

/** The sample report page with the most applications (so its charts have something to draw). */
export function busiestReportPage(): string {
  const pages = samplePages();
  const received = (p: (typeof pages)[number]) => {
    const total = (p.json!.data.applications as { total?: (number | null)[] | null } | null)?.total;
    return total?.[6] ?? 0;
  };
  return rel(pages.sort((a, b) => received(b) - received(a))[0].file);
}

/** A ranking page of one metric (rankings/{metric}/…), else the rankings index. */
export function rankingPage(): string {
  const dir = join(DIST, 'rankings');
  if (!existsSync(dir)) throw new Error('no rankings/ in dist/');
  const pages = listFiles(dir, ['index.html']);
  const metric = pages.find((f) => f !== join(dir, 'index.html'));
  return rel(metric ?? pages[0]);
}

export const scriptProsePage = (): string | undefined => {
  const crafted = info.inputs.find((i) => i.kind === 'script-prose')!;
  const page = reportPages(info).find((p) => p.json?.data.source === crafted.file);
  return page && rel(page.file);
};

/** The sample report page with the most marked cells: failed identities and inferred cells. */
export function markedReportPage(): string {
  const marks = (p: ReturnType<typeof samplePages>[number]) => {
    const d = p.json!.data as { checks?: { ok: boolean }[]; inferred?: unknown[] };
    return (d.checks ?? []).filter((c) => !c.ok).length + (d.inferred ?? []).length;
  };
  return rel(samplePages().sort((a, b) => marks(b) - marks(a))[0].file);
}
