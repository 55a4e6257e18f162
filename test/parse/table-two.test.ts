// Table 二 (主动公开: 规章, 规范性文件, 行政许可, 行政处罚, 行政强制, 收费) has no sums of its own. Its
// figures are checked against the report's prose where it restates them, against each other
// (现行有效 >= 制发 − 废止) and for the unit of 收费 (issue 8, item 2). The share of single-number edits
// that some check flags is measured on the five samples and printed.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { Report } from '../../src/lib/schema.ts';

const dir = new URL('../../content/reports/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const sample = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const parse = (text: string): Report => {
  const result = parseReport(text, { source: 'x.txt' });
  if (!result.ok) throw new Error(result.error);
  return result.report;
};
const S000 = sample('000_abd24a0acb5d3937.txt'); // 行政许可 6469, 行政处罚 856, 行政强制 130, 收费 1486, 规范性文件 1 0 1
const withProse = (text: string, sentence: string) => text.replace('一、总体情况', `一、总体情况\n${sentence}`);
const prose = (r: Report) => r.checks.filter((c) => c.identity === 'proseRestates');

describe('table 二 against the report’s prose', () => {
  it('restatements agree: a check that holds for each, consistent unchanged', () => {
    const r = parse(withProse(S000, '2021年，全县全年共办理行政许可6469件，作出行政处罚决定856件，行政强制130件，行政事业性收费1486万元，制发规范性文件1件，现行有效规范性文件1件。'));
    expect(prose(r).map((c) => [c.where, c.printed, c.computed, c.ok])).toEqual([
      ['active.licensing', 6469, 6469, true],
      ['active.punishment', 856, 856, true],
      ['active.coercion', 130, 130, true],
      ['active.fees', 1486, 1486, true],
      ['active.normativeDocuments.issued', 1, 1, true],
      ['active.normativeDocuments.inForce', 1, 1, true],
    ]);
    expect(r.findings.filter((f) => f.code === 'prose-differs')).toEqual([]);
    expect(r.consistent).toBe(true);
  });

  it('a restatement that differs is a warning with the line and the words', () => {
    const r = parse(withProse(S000, '全年共办理行政许可6496件，同比增长5%。'));
    expect(prose(r)).toEqual([{ identity: 'proseRestates', where: 'active.licensing', printed: 6469, computed: 6496, ok: false, line: 21, quote: '全年共办理行政许可6496件' }]);
    const found = r.findings.filter((f) => f.code === 'prose-differs');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', path: 'active.licensing', line: 21 });
    expect(found[0]!.message).toMatch(/6469.*6496/);
  });

  it('fees in other units and precisions: 14,860,000元, 0.1486亿元, 1486.2万元 agree; 1500万元 does not', () => {
    const r = parse(withProse(S000, '全年行政事业性收费14,860,000元；全年收费0.1486亿元；全年收费1486.2万元；全年收费金额为1500万元。'));
    expect(prose(r).map((c) => [c.computed, c.ok])).toEqual([
      [1486, true],
      [1486, true],
      [1486.2, true],
      [1500, false],
    ]);
  });

  it('what is not the year’s total is not compared: a department’s share, part of it, last year’s, a combined category, information items', () => {
    const r = parse(
      withProse(
        S000,
        [
          '县市场监管局办理行政许可2000件。',
          '其中网上办理行政许可3000件。',
          '上年行政许可5000件。',
          '全县共出台政策及规范性文件19个。',
          '公开行政许可信息1234条。',
          '行政许可、行政处罚等结果公示469条。',
          '清理涉企收费30万元。',
          '行政强制措施12件。',
        ].join('\n'),
      ),
    );
    expect(prose(r)).toEqual([]);
  });

  it('the five samples as printed: no prose check fails', () => {
    expect(names).toHaveLength(5);
    for (const name of names) {
      const r = parse(sample(name));
      expect(r.checks.filter((c) => !c.ok && (c.identity === 'proseRestates' || c.identity === 'documentsInForce'))).toEqual([]);
      expect(r.findings.filter((f) => ['prose-differs', 'documents-in-force', 'fees-unit'].includes(f.code))).toEqual([]);
    }
  });
});

describe('table 二 against itself and the unit of 收费', () => {
  it('现行有效 below 制发 − 废止 is a warning, not an inconsistency of the format', () => {
    const r = parse(S000.replace(/行政规范性文件 1 0 1/, '行政规范性文件 5 0 1'));
    expect(r.active?.normativeDocuments).toEqual({ issued: 5, repealed: 0, inForce: 1 });
    expect(r.checks.filter((c) => c.identity === 'documentsInForce' && !c.ok)).toEqual([{ identity: 'documentsInForce', where: 'active.normativeDocuments', printed: 1, computed: 5, ok: false }]);
    expect(r.findings.filter((f) => f.code === 'documents-in-force').map((f) => f.severity)).toEqual(['warning']);
    expect(r.consistent).toBe(true);
  });

  it('a header that gives 收费 in 元: converted to 万元 and flagged', () => {
    expect(S000).toContain('本年收费金额（单位：万元）');
    const r = parse(S000.replace('本年收费金额（单位：万元）', '本年收费金额（单位：元）').replace('行政事业性收费 1486', '行政事业性收费 14860000'));
    expect(r.active?.fees).toBe(1486);
    expect(r.findings.filter((f) => f.code === 'fees-unit')).toMatchObject([{ severity: 'warning', path: 'active.fees' }]);
    expect(r.inferred).toContainEqual(expect.objectContaining({ path: 'active.fees', rule: 'yuan-converted-to-wanyuan' }));
  });

  it('收费 of 10亿元 or more printed as 万元: flagged for a person to look at, not changed', () => {
    const r = parse(S000.replace('行政事业性收费 1486', '行政事业性收费 14860000'));
    expect(r.active?.fees).toBe(14860000);
    expect(r.findings.filter((f) => f.code === 'fees-unit')).toMatchObject([{ severity: 'warning', path: 'active.fees' }]);
  });
});

// ---- The measure: every printed number of table 二 in the five samples, edited to other values.

const TABLE_TWO: [string, number][] = [
  ['regulations.issued', 0],
  ['regulations.repealed', 1],
  ['regulations.inForce', 2],
  ['normativeDocuments.issued', 0],
  ['normativeDocuments.repealed', 1],
  ['normativeDocuments.inForce', 2],
  // The 2019 format's columns 本年新公开数量, 对外公开总数量 (001).
  ['regulations.published', 1],
  ['regulations.publicTotal', 2],
  ['normativeDocuments.published', 1],
  ['normativeDocuments.publicTotal', 2],
  ['licensing', 0],
  ['punishment', 0],
  ['coercion', 0],
  ['fees', 0],
];
const NUMBER = /\d+(?:\.\d+)?/g;
const valueAt = (r: Report, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | null)?.[k], r.active);
/** Other values an editor's slip or a converter's error gives: off by one, a digit more or less, 0, 元 for 万元. */
const edits = (v: number) => [...new Set([v + 1, v + 10, v * 10, Math.floor(v / 10), 0, v * 10000].map((x) => Math.round(x * 1e6) / 1e6))].filter((x) => x !== v);
/** What a reader is told: findings that are not mere notes, and checks that fail. */
const alarms = (r: Report) => new Set([...r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code} ${f.path} ${f.message}`), ...r.checks.filter((c) => !c.ok).map((c) => `${c.identity} ${c.where}`)]);

function measure(textOf: (name: string) => string) {
  let edited = 0;
  let flagged = 0;
  let notRead = 0;
  const byField = new Map<string, [number, number]>();
  const missed: string[] = [];
  for (const name of names) {
    const text = textOf(name);
    const base = parse(text);
    const before = alarms(base);
    const lines = text.split('\n');
    for (const [field, column] of TABLE_TWO) {
      const rowPath = `active.${field.split('.')[0]}`;
      const no = base.lines[rowPath];
      const v = valueAt(base, field);
      if (typeof v !== 'number' || no === undefined) continue;
      const printed = [...lines[no - 1]!.matchAll(NUMBER)];
      // The row's figures are on its label's line in every sample; anything else would skip cases.
      expect(printed.length, `${name} ${field} line ${no}`).toBe(field.includes('.') ? 3 : 1);
      const at = printed[column]!;
      for (const x of edits(v)) {
        const shown = field === 'fees' || !Number.isInteger(x) ? String(x) : String(x);
        const line = lines[no - 1]!.slice(0, at.index) + shown + lines[no - 1]!.slice(at.index + at[0].length);
        const result = parseReport(lines.map((l, i) => (i === no - 1 ? line : l)).join('\n'), { source: name });
        edited++;
        const stat = byField.get(field) ?? [0, 0];
        stat[0]++;
        if (!result.ok) {
          flagged++;
          stat[1]++;
        } else {
          const after = alarms(result.report);
          if (valueAt(result.report, field) !== x && valueAt(result.report, field) !== null) notRead++;
          if ([...after].some((a) => !before.has(a))) {
            flagged++;
            stat[1]++;
          } else missed.push(`${name.slice(0, 3)} ${field} ${v}→${x}`);
        }
        byField.set(field, stat);
      }
    }
  }
  return { edited, flagged, notRead, byField, missed };
}

const report = (label: string, m: ReturnType<typeof measure>) =>
  console.log(
    `${label}: ${m.flagged} of ${m.edited} single-number edits of table 二 flagged (${((100 * m.flagged) / m.edited).toFixed(1)} %)\n` +
      [...m.byField].map(([f, [n, k]]) => `  ${f}: ${k}/${n}`).join('\n') +
      `\n  not flagged, e.g.: ${m.missed.slice(0, 12).join('; ')}`,
  );

describe('share of single-number edits of table 二 that are flagged', () => {
  it('the five samples as printed (their prose restates none of the figures)', () => {
    const m = measure(sample);
    report('samples as printed', m);
    expect(m.edited).toBeGreaterThanOrEqual(220);
    expect(m.notRead).toBe(0);
    // Measured: 39 of 242 (16.1 %): 收费 ×10000 (fees-unit), 行政许可 ×10000 in 003 (no count of 10^8), and
    // 规章/规范性文件 edits that break 现行有效 >= 制发 − 废止. Nothing within one report can confirm the
    // rest (行政许可 6469 → 6470): the previous year's report and the province's range can (site side).
    expect(m.flagged / m.edited).toBeGreaterThanOrEqual(0.16);
  });

  it('the same samples with a sentence in 总体情况 restating the year’s figures', () => {
    const m = measure((name) => {
      const r = parse(sample(name));
      const a = r.active!;
      const docs = (d: Report['active'] extends infer A ? (A extends { regulations: infer D } ? D : never) : never, label: string) => {
        if (!d) return '';
        // The 2019 format's columns have no such wording (本年新公开, 对外公开总数): only 制发 is restated.
        return 'inForce' in d ? `制发${label}${d.issued}件，废止${label}${d.repealed}件，现行有效${label}${d.inForce}件；` : `制发${label}${d.issued}件；`;
      };
      return withProse(
        sample(name),
        `全年共办理行政许可${a.licensing}件，行政处罚${a.punishment}件，行政强制${a.coercion}件，行政事业性收费${a.fees}万元；` +
          docs(a.normativeDocuments, '规范性文件') +
          docs(a.regulations, '规章'),
      );
    });
    report('samples with a restating sentence', m);
    expect(m.notRead).toBe(0);
    // Measured: 229 of 242 (94.6 %); not flagged: the 2019 format's 本年新公开/对外公开总数 (001), which
    // no wording restates, where the edit keeps 对外公开总数 >= 本年新公开.
    expect(m.flagged / m.edited).toBeGreaterThanOrEqual(0.94);
  });
});

describe('a row of three columns that prints two figures (a blank cell printed nothing)', () => {
  const blankLeftOut = (row: string, warning: RegExp) => {
    const r = parse(S000.replace(' 行政规范性文件 1 0 1', ` 行政规范性文件 ${row}`).replace('信息内容 本年处理决定数量\n\n行政许可 6469', '信息内容 上一年项目数量 本年增/减 处理决定数量\n\n行政许可 12 -3'));
    const found = r.findings.filter((f) => f.path === 'active.normativeDocuments' || f.path === 'active.licensing');
    expect(found.map((f) => [f.severity, f.code])).toEqual([['warning', 'cells-inferred'], ['warning', 'cells-inferred']]);
    expect(found[0]!.message).toMatch(warning);
    return r;
  };

  it('reads the first and the last column, the middle (本年废止件数, 本年增/减) left blank, under a warning', () => {
    const r = blankLeftOut('5 120', /read with the middle column left blank/);
    expect(r.active!.normativeDocuments).toEqual({ issued: 5, repealed: null, inForce: 120 });
  });

  it('reads a figure below 0 as 本年增/减, the other beside it', () => {
    const r = blankLeftOut('5 120', /middle column left blank/);
    expect(r.active!.itemCounts!.licensing).toEqual({ previousYear: 12, change: -3 });
    expect(r.active!.licensing).toBeNull();
    expect(r.findings.find((f) => f.path === 'active.licensing')!.message).toMatch(/last column left blank \(a figure below 0 is 本年增\/减/);
  });
});
