// Table 二's figures where the report's own prose restates them (「全年共办理行政许可6469件」,
// 「行政事业性收费1486万元」, 「制发规范性文件3件」): each restatement is a check of the printed figure.
// Only a figure stated as the whole year's total counts: a department's share (县市场监管局…), part of
// it (其中…), last year's (上年…) or a combined category (政策及规范性文件) is not a restatement.
import type { Active, Check } from '../schema.ts';
import type { Line } from './lines.ts';

interface Restatement {
  /** JSON path of the table's cell, e.g. `active.licensing`. */
  path: string;
  /** The label's key words: every restatement is found from them (one scan of the prose for all). */
  key: string;
  /** What must stand right before the key words (制发, 现行有效 …), ending at them. */
  before?: RegExp;
  /** From the key words to the figure and its unit; ` ?` where a converter may have left a space. */
  after: RegExp;
  money?: boolean;
}

const NUM = '(\\d{1,12}(?:,\\d{3})*(?:\\.\\d{1,8})?)';
const COUNT_UNIT = ' ?(?:件|项|宗|起|个|份)(?!次)';
const MONEY_UNIT = ' ?(万元|亿元|元)';
/** Words between a label and its figure: 共, 总计, 为, 达 … (each at most once, so no backtracking). */
const LINK = '(?: ?(?:共计|共|总计|合计|累计|计|办理|办结|作出|做出))?(?: ?(?:为|达|了))? ?';
const DECISIONS = '(?:决定|案件|事项)?';
const after = (label: string, money = false) => new RegExp(`^${label}${LINK}${NUM}${money ? MONEY_UNIT : COUNT_UNIT}`, 'u');
const MADE = '(?:制发|印发|出台|制定|发布|新制发|新制定)了? ?';
const DOC = (path: string, key: string, prefix: string): Restatement[] => [
  { path: `${path}.issued`, key, before: new RegExp(`${MADE}${prefix}$`, 'u'), after: after(key) },
  { path: `${path}.repealed`, key, before: new RegExp(`废止了? ?${prefix}$`, 'u'), after: after(key) },
  { path: `${path}.inForce`, key, before: new RegExp(`现行有效的? ?${prefix}$`, 'u'), after: after(key) },
];
const RESTATEMENTS: Restatement[] = [
  { path: 'active.licensing', key: '行政许可', after: after(`行政许可${DECISIONS}`) },
  { path: 'active.punishment', key: '行政处罚', after: after(`行政处罚${DECISIONS}`) },
  { path: 'active.coercion', key: '行政强制', after: after(`行政强制${DECISIONS}`) },
  { path: 'active.fees', key: '收费', before: /(?:行政事业性)?$/u, after: after('收费(?:金额|总额|收入)?', true), money: true },
  ...DOC('active.regulations', '规章', '(?:政府)?'),
  ...DOC('active.normativeDocuments', '规范性文件', '(?:行政)?'),
];
const KEYS = new RegExp([...new Set(RESTATEMENTS.map((r) => r.key))].join('|'), 'gu');

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
    text += `${l.text.includes('\t') ? l.text.replace(/\s+/g, ' ') : l.text} `; // spaces are single already (toLines)
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
  for (const hit of text.matchAll(KEYS)) {
    const tail = text.slice(hit.index, hit.index + 60);
    const head = text.slice(Math.max(0, hit.index - 40), hit.index);
    for (const r of RESTATEMENTS) {
      if (r.key !== hit[0]) continue;
      const printed = printedAt(active, r.path);
      if (printed === null || printed === undefined) continue;
      const pre = r.before ? head.match(r.before) : [''];
      const m = pre && tail.match(r.after);
      if (!pre || !m) continue;
      const before = head.slice(0, head.length - pre[0].length).slice(-24);
      const clause = before.slice(Math.max(...[...before].map((c, i) => (CLAUSE_END.test(c) ? i + 1 : 0))));
      if (NOT_THE_TOTAL.test(clause) || /(?:及|和|与|、|或)$/u.test(before)) continue;
      const stated = proseValue(m[1]!, r.money ? m[2] : undefined);
      // Money agrees to the coarser of the two printed precisions (1486 万元 = 1486.3 万元 = 0.15 亿元).
      const tolerance = r.money ? Math.max(stated.tolerance, 0.5 * 10 ** -decimals(String(printed))) + 1e-9 : 0;
      const line = lineAt(hit.index - pre[0].length);
      checks.push({
        identity: 'proseRestates',
        where: r.path,
        printed,
        computed: Math.round(stated.value * 1e6) / 1e6,
        ok: Math.abs(printed - stated.value) <= tolerance,
        ...(line !== undefined ? { line } : {}),
        quote: `${clause.trimStart()}${pre[0]}${m[0]}`.trim(),
      });
    }
  }
  return checks;
}
