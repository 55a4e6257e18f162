// A whole synthetic annual report: title, prose sections and the tables, as one converter's text.
import { issuerName, placeKind, placeName } from './issuer.ts';
import { SECTION_TITLES } from './labels.ts';
import { safePageStyle, type Layout } from './layout.ts';
import { createRng, type Rng } from './prng.ts';
import { extraParagraphs, extraSectionTitle, hardWrap, introParagraph, nestedOverview, otherParagraphs, overviewParagraphs, problemParagraphs, type ProseContext } from './prose.ts';
import { renderActive, renderApplications, renderOutcomes, type RenderedTable } from './tables.ts';
import type { Truth } from './truth.ts';

/** Every synthetic report carries this in its title: it is test data and must never be published. */
export const TEST_MARK = '【测试数据，非真实报告】';

export interface WrittenReport {
  text: string;
  /** The title line(s) as printed. */
  title: string;
  issuer: string;
  /** Rows (each as the JSON paths of its cells) written so that no reader could place their cells
   *  from the text alone; the parser must mark them inferred (or report them), never guess silently.
   *  Empty unless Layout.partialBlankRows is 'missing'. */
  ambiguous: string[][];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

function pageLine(style: Layout['pageStyle'], n: number): string {
  switch (style) {
    case 'dashSpaced':
      return `- ${n} -`;
    case 'dash':
      return `-${n}-`;
    case 'emDash':
      return `— ${n} —`;
    case 'page':
      return `第${n}页`;
  }
}

/** Insert page breaks (page number, then maybe the next page's letterhead) between table blocks. */
function withPageBreaks(rng: Rng, tables: RenderedTable[], layout: Layout, letterhead: string | null): string[][] {
  const candidates: [number, number][] = [];
  tables.forEach((t, ti) => t.blocks.forEach((_, bi) => bi > 0 && candidates.push([ti, bi])));
  const chosen = new Set(rng.shuffle(candidates).slice(0, layout.pageBreaks).map(([ti, bi]) => `${ti}:${bi}`));
  let page = rng.int(2, 6);
  const style = safePageStyle(layout);
  return tables.map((t, ti) =>
    t.blocks.flatMap((block, bi) => {
      if (!chosen.has(`${ti}:${bi}`)) return block;
      const brk = [pageLine(style, page++)];
      if (letterhead) brk.push(letterhead);
      return [...brk, ...block];
    }),
  );
}

export function writeReport(truth: Truth, layout: Layout): WrittenReport {
  const rng = createRng(`${layout.seed}:${truth.region.code}:${truth.year}`);
  const place = placeName(rng.fork('place'), truth.region);
  const issuer = issuerName(rng.fork('issuer'), place);
  const ctx: ProseContext = { place, kind: placeKind(truth.region), year: truth.year, received: truth.applications?.received?.[6] ?? 0 };
  const prose = rng.fork('prose');
  const yearText = rng.chance(0.3) ? `${truth.year} 年` : `${truth.year}年`;
  const apply = (s: string) => s.replace(/\{申请\}/gu, layout.applicationWord);
  const wrap = (paragraphs: string[]) => paragraphs.flatMap((p) => hardWrap(p, layout.proseWrap));

  // Title
  const titleLines =
    layout.title === 'oneLine'
      ? [`${issuer}${yearText}政府信息公开工作年度报告${TEST_MARK}`]
      : [issuer, `${yearText}政府信息公开工作年度报告${TEST_MARK}`];
  const head: string[] = [];
  if (layout.title === 'docNumber') head.push(`${place[0]}政办〔${truth.year + 1}〕${rng.int(1, 60)}号`);
  head.push(...titleLines, '', ...wrap([introParagraph(prose, ctx)]));

  // Tables
  const tables: RenderedTable[] = [
    truth.active ? renderActive(rng.fork('active'), truth.active, layout) : { blocks: [], ambiguous: [] },
    truth.applications ? renderApplications(rng.fork('applications'), truth, layout) : { blocks: [], ambiguous: [] },
    renderOutcomes(rng.fork('outcomes'), truth, layout),
  ];
  const letterhead = layout.letterhead === 'issuer' ? issuer : layout.letterhead === 'title' ? `${place}${truth.year}年政府信息公开工作年度报告` : null;
  const [activeLines, applicationLines, outcomeLines] = withPageBreaks(rng.fork('pages'), tables, layout, letterhead);

  // Sections, numbered as the layout says.
  const format2019 = truth.active?.itemCounts !== undefined;
  const outcomesTitle = apply(rng.pick(format2019 ? SECTION_TITLES.outcomes2019 : SECTION_TITLES.outcomes2021));
  const sections: { title: string; lines: string[] }[] = [];
  const overview = overviewParagraphs(prose, ctx, rng.pick(['bracketed', 'numbered', 'none'] as const));
  if (layout.numbering === 'nested') {
    const nested = nestedOverview(prose, ctx).flatMap((s) => [s.heading, ...wrap(s.paragraphs)]);
    sections.push({ title: '总体情况', lines: [...wrap(overview.slice(0, 1)), ...nested] });
  } else sections.push({ title: '总体情况', lines: wrap(overview) });
  if (layout.numbering === 'shifted') sections.push({ title: extraSectionTitle(prose), lines: wrap(extraParagraphs(prose, ctx)) });
  sections.push({ title: SECTION_TITLES.active[0], lines: activeLines });
  sections.push({ title: apply(SECTION_TITLES.applications[0]), lines: applicationLines });
  sections.push({ title: outcomesTitle, lines: outcomeLines });
  sections.push({ title: rng.pick(SECTION_TITLES.problems), lines: wrap(problemParagraphs(prose, ctx)) });
  sections.push({ title: SECTION_TITLES.other[0], lines: wrap(otherParagraphs(prose, ctx)) });

  const body = sections.flatMap((s, i) => [`${NUMERALS[i]}、${s.title}`, ...s.lines]);
  const tail = ['', issuer, `${truth.year + 1}年${rng.int(1, 3)}月${rng.int(1, 28)}日`];
  let lines = [...head, ...body, ...tail];

  // Converter artefacts over the whole text.
  const artefacts = rng.fork('artefacts');
  if (layout.leadingSpaces) lines = lines.map((l) => (l && !l.startsWith('\t') && artefacts.chance(0.1) ? ` ${l}` : l));
  if (layout.doubleSpaced) lines = lines.flatMap((l) => [l, '']);
  const ambiguous = tables.flatMap((t) => t.ambiguous);
  return { text: lines.join('\n') + '\n', title: titleLines.join(''), issuer, ambiguous };
}
