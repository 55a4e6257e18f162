// A synthetic report as a web page with real tables (merged cells as the official template has them),
// for printing to PDF (Chromium, LibreOffice) and reading back: the reading-order fixtures come from it.
import type { Cell } from '../../src/lib/schema.ts';
import { issuerName, placeKind, placeName } from './issuer.ts';
import { APPLICATION_GROUPS, APPLICATION_LABELS, BALANCE_NOTE, OUTCOME_HEADERS, SECTION_TITLES } from './labels.ts';
import { DEFAULT_LAYOUT } from './layout.ts';
import { createRng } from './prng.ts';
import { introParagraph, otherParagraphs, overviewParagraphs, problemParagraphs, type ProseContext } from './prose.ts';
import { TEST_MARK } from './report.ts';
import { activeTables, formatNumber } from './tables.ts';
import { applicationRowPaths, getRow, type Truth } from './truth.ts';

export interface HtmlStyle {
  seed: string;
  /** Width of the label columns of section 三 in em: narrow ones wrap every long label. */
  labelEm: number;
  /** Font size in pt. */
  fontPt: number;
  /** Group labels (三、本年度办理结果) written one character per line, as many reports print them. */
  verticalGroups: boolean;
}

export const DEFAULT_HTML_STYLE: HtmlStyle = { seed: 'html', labelEm: 16, fontPt: 11, verticalGroups: false };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (text: string, attrs = '') => `<td${attrs ? ' ' + attrs : ''}>${esc(text)}</td>`;
const num = (c: Cell, money = false) => (c === null ? '' : formatNumber(c, DEFAULT_LAYOUT, money));

function applicationsTable(truth: Truth, style: HtmlStyle): string {
  const apps = truth.applications!;
  const detailed = !('total' in apps.otherHandling);
  const paths = applicationRowPaths(detailed ? 'detailed' : 'single');
  const group = (g: string) => (style.verticalGroups ? esc(g).split('').join('<br>') : esc(g));
  const rows: string[] = [
    `<tr><td colspan="3" rowspan="3">${esc(BALANCE_NOTE.join(''))}</td><td colspan="7">申请人情况</td></tr>`,
    `<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>`,
    `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((h) => td(h)).join('')}</tr>`,
  ];
  const resultRows = paths.filter((p) => !/^(received|carriedOver|total|carriedForward)$/.test(p)).length + 1;
  const groupSize: Record<string, number> = { '（三）不予公开': 8, '（四）无法提供': 3, '（五）不予处理': 5, '（六）其他处理': 3 };
  for (const path of paths) {
    const cells = (getRow(apps, path) ?? Array(7).fill(null)).map((c) => td(num(c))).join('');
    const label = APPLICATION_LABELS[path]![0]!.replace(/\{申请\}/g, '政府信息公开');
    const groups = APPLICATION_GROUPS[path] ?? [];
    let head = '';
    if (/^(received|carriedOver|carriedForward)$/.test(path)) head = `<td colspan="3" class="l">${esc(label)}</td>`;
    else {
      if (groups.includes('三、本年度办理结果')) head += `<td rowspan="${resultRows}" class="g">${group('三、本年度办理结果')}</td>`;
      const sub = groups.find((g) => g in groupSize);
      if (sub) head += `<td rowspan="${groupSize[sub]}" class="g">${group(sub)}</td>`;
      const inGroup = /^(denied|unavailable|notProcessed)\./.test(path) || (detailed && path.startsWith('otherHandling.'));
      head += inGroup ? `<td class="l">${esc(label)}</td>` : `<td colspan="2" class="l">${esc(label)}</td>`;
    }
    rows.push(`<tr>${head}${cells}</tr>`);
  }
  return `<table class="apps" width="100%" border="1" cellspacing="0">${rows.join('\n')}</table>`;
}

function outcomesTable(truth: Truth): string {
  const groups = [truth.review, truth.litigationDirect, truth.litigationAfterReview];
  const cells = groups.flatMap((g) => g ?? [null, null, null, null, null]);
  return `<table width="100%" border="1" cellspacing="0">
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr>${OUTCOME_HEADERS.map((h) => td(h, 'rowspan="2"')).join('')}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${[...OUTCOME_HEADERS, ...OUTCOME_HEADERS].map((h) => td(h)).join('')}</tr>
<tr>${cells.map((c) => td(num(c))).join('')}</tr>
</table>`;
}

/** The whole report as an HTML page. */
export function writeHtml(truth: Truth, style: HtmlStyle = DEFAULT_HTML_STYLE): string {
  const rng = createRng(`${style.seed}:${truth.region.code}:${truth.year}`);
  const place = placeName(rng.fork('place'), truth.region);
  const issuer = issuerName(rng.fork('issuer'), place);
  const ctx: ProseContext = { place, kind: placeKind(truth.region), year: truth.year, received: truth.applications?.received?.[6] ?? 0 };
  const prose = rng.fork('prose');
  const p = (paragraphs: string[]) => paragraphs.map((x) => `<p>${esc(x)}</p>`).join('\n');
  const active = truth.active
    ? activeTables(rng.fork('active'), truth.active, DEFAULT_LAYOUT)
        .map((t) => {
          const head = `<tr><td colspan="${t.header.length}">${esc(t.caption)}</td></tr><tr>${t.header.map((h) => td(h)).join('')}</tr>`;
          const body = t.rows.map((r) => `<tr>${td(r.label)}${r.cells.map((c, i) => td(num(c, r.money?.[i] ?? false))).join('')}</tr>`).join('');
          return `<table width="100%" border="1" cellspacing="0">${head}${body}</table>`;
        })
        .join('\n')
    : '';
  const format2019 = truth.active?.itemCounts !== undefined;
  const sections: [string, string][] = [
    ['总体情况', p(overviewParagraphs(prose, ctx, 'bracketed'))],
    [SECTION_TITLES.active[0], active],
    ['收到和处理政府信息公开申请情况', truth.applications ? applicationsTable(truth, style) : ''],
    [(format2019 ? SECTION_TITLES.outcomes2019[0] : SECTION_TITLES.outcomes2021[0]) as string, outcomesTable(truth)],
    [SECTION_TITLES.problems[0], p(problemParagraphs(prose, ctx))],
    [SECTION_TITLES.other[0], p(otherParagraphs(prose, ctx))],
  ];
  const numerals = ['一', '二', '三', '四', '五', '六'];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(issuer)}${truth.year}年政府信息公开工作年度报告</title>
<style>
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: ${style.fontPt}pt; margin: 2cm; }
table { border-collapse: collapse; margin: 1em 0; width: 100%; }
td { border: 1px solid #000; padding: 1px 3px; text-align: center; vertical-align: middle; }
table.apps td.l { text-align: left; width: ${style.labelEm}em; }
table.apps td.g { width: 3em; }
</style></head><body>
<h1>${esc(issuer)}</h1>
<h1>${truth.year}年政府信息公开工作年度报告${TEST_MARK}</h1>
<p>${esc(introParagraph(prose, ctx))}</p>
${sections.map(([title, body], i) => `<h2>${numerals[i]}、${esc(title)}</h2>\n${body}`).join('\n')}
<p>${esc(issuer)}</p><p>${truth.year + 1}年1月20日</p>
</body></html>
`;
}
