// Table 二's figures where the report's own prose restates them (「全年共办理行政许可6469件」,
// 「行政事业性收费1486万元」, 「制发规范性文件3件」): each restatement is a check of the printed figure.
// Only a figure stated as the whole year's total counts: a department's share (县市场监管局…), part of
// it (其中…), last year's (上年…) or a combined category (政策及规范性文件) is not a restatement.
import type { Active, Check } from '../schema.ts';
import type { Line } from './lines.ts';

interface Restatement {
  /** JSON path of the table's cell, e.g. `active.licensing`. */
  path: string;
  /** Label and connecting words up to the figure; ` ?` where a converter may have left a space. */
  pattern: string;
  money?: boolean;
}

const NUM = '(\\d{1,12}(?:,\\d{3})*(?:\\.\\d{1,8})?)';
const COUNT_UNIT = ' ?(?:件|项|宗|起|个|份)(?!次)';
const MONEY_UNIT = ' ?(万元|亿元|元)';
/** Words between a label and its figure: 共, 总计, 为, 达 … (each at most once, so no backtracking). */
const LINK = '(?: ?(?:共计|共|总计|合计|累计|计|办理|办结|作出|做出))?(?: ?(?:为|达|了))? ?';
const DECISIONS = '(?:决定|案件|事项)?';
const MADE = '(?:制发|印发|出台|制定|发布|新制发|新制定)了? ?';
const DOC = (path: string, label: string): Restatement[] => [
  { path: `${path}.issued`, pattern: `${MADE}${label}` },
  { path: `${path}.repealed`, pattern: `废止了? ?${label}` },
  { path: `${path}.inForce`, pattern: `现行有效的? ?${label}` },
];
const RESTATEMENTS: Restatement[] = [
  { path: 'active.licensing', pattern: `行政许可${DECISIONS}` },
  { path: 'active.punishment', pattern: `行政处罚${DECISIONS}` },
  { path: 'active.coercion', pattern: `行政强制${DECISIONS}` },
  { path: 'active.fees', pattern: '(?:行政事业性)?收费(?:金额|总额|收入)?', money: true },
  ...DOC('active.regulations', '(?:政府)?规章'),
  ...DOC('active.normativeDocuments', '(?:行政)?规范性文件'),
];
const COMPILED = RESTATEMENTS.map((r) => ({ ...r, re: new RegExp(`${r.pattern}${LINK}${NUM}${r.money ? MONEY_UNIT : COUNT_UNIT}`, 'gu') }));

/** In the clause before a figure: it is not the year's total for the whole county. */
const NOT_THE_TOTAL = /其中|上年|去年|上一年|同期|同比|较|分别|[^各](?:局|所|站|队|乡|镇|街道|中心)|涉企|价格|违规|乱/u;
const CLAUSE_END = /[，。；：！？、,;:!?]/u;

/** The value at a JSON path of the active table (`active.regulations.issued`). */
function printedAt(active: Active, path: string): number | null | undefined {
  let cur: unknown = active;
  for (const k of path.split('.').slice(1)) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return typeof cur === 'number' || cur === null ? cur : undefined;
}

const decimals = (s: string) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);

/** The prose's figure in the table's unit, with half its last printed digit as tolerance. */
function proseValue(text: string, unit: string | undefined): { value: number; tolerance: number } {
  const n = Number(text.replace(/,/g, ''));
  const shift = unit === '元' ? -4 : unit === '亿元' ? 4 : 0; // to 万元
  return { value: n * 10 ** shift, tolerance: 0.5 * 10 ** (shift - decimals(text)) };
}

/**
 * Checks of table 二 against the prose lines (every line outside the three tables). A figure the
 * table leaves blank is not compared (its row is reported missing already).
 */
export function checkRestatements(prose: readonly Line[], active: Active | null): Check[] {
  if (!active) return [];
  // One string with the line each character came from; lines joined by a space (a wrap).
  let text = '';
  const starts: number[] = [];
  for (const l of prose) {
    starts.push(text.length);
    text += `${l.text.replace(/\s+/g, ' ')} `;
  }
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return prose[lo]?.no;
  };
  const checks: Check[] = [];
  for (const r of COMPILED) {
    const printed = printedAt(active, r.path);
    if (printed === null || printed === undefined) continue;
    for (const m of text.matchAll(r.re)) {
      const clauseFrom = Math.max(0, m.index - 24);
      const before = text.slice(clauseFrom, m.index);
      const clause = before.slice(Math.max(...[...before].map((c, i) => (CLAUSE_END.test(c) ? i + 1 : 0))));
      if (NOT_THE_TOTAL.test(clause) || /(?:及|和|与|、|或)$/u.test(before)) continue;
      const stated = proseValue(m[1]!, r.money ? m[2] : undefined);
      // Money agrees to the coarser of the two printed precisions (1486 万元 = 1486.3 万元 = 0.15 亿元).
      const tolerance = r.money ? Math.max(stated.tolerance, 0.5 * 10 ** -decimals(String(printed))) + 1e-9 : 0;
      const line = lineAt(m.index);
      checks.push({
        identity: 'proseRestates',
        where: r.path,
        printed,
        computed: Math.round(stated.value * 1e6) / 1e6,
        ok: Math.abs(printed - stated.value) <= tolerance,
        ...(line !== undefined ? { line } : {}),
        quote: `${clause.trimStart()}${m[0]}`.trim(),
      });
    }
  }
  return checks;
}
