import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/lib/schema.ts';
import { columnOf, failingCells, findingText, ruleText } from '../../src/lib/site/view/checks.ts';
import { pathLabel } from '../../src/lib/site/view/labels.ts';
import { applicationsTable, outcomesTable } from '../../src/lib/site/view/tables.ts';
import { emptyApplications, makeReport } from './factory.ts';

const bad = (identity: Check['identity'], where: string): Check => ({ identity, where, printed: 1, computed: 2, ok: false });

describe('failing cells', () => {
  it('marks the cells each failing identity is about', () => {
    const cells = failingCells([
      bad('rowTotal', 'applications.denied.stateSecret'),
      bad('columnTotal', 'applications[商业企业]'),
      bad('balance', 'applications[总计]'),
      bad('outcomeTotal', 'review'),
      { identity: 'rowTotal', where: 'applications.granted', printed: 1, computed: 1, ok: true },
    ]);
    expect([...cells].sort()).toEqual(
      [
        'applications.denied.stateSecret[6]',
        'applications.total[1]',
        'applications.received[6]',
        'applications.carriedOver[6]',
        'applications.total[6]',
        'applications.carriedForward[6]',
        'review[4]',
      ].sort(),
    );
    expect(columnOf('applications[3]')).toBe(3);
    expect(columnOf('applications[不存在]')).toBeUndefined();
  });
});

describe('Chinese texts', () => {
  it('names paths in Chinese', () => {
    expect(pathLabel('applications[自然人]')).toBe('申请情况表“自然人”栏');
    expect(pathLabel('applications.granted[1]')).toBe('申请情况表 （一）予以公开，“商业企业”栏');
    expect(pathLabel('applications.denied.stateSecret')).toBe('申请情况表 （三）不予公开 1. 属于国家秘密');
    expect(pathLabel('litigationDirect[4]')).toBe('行政诉讼（未经复议直接起诉），“总计”栏');
    expect(pathLabel('active.fees')).toBe('主动公开 行政事业性收费');
  });

  it('writes findings in Chinese from their structured fields, not their English message', () => {
    const text = findingText({ severity: 'warning', code: 'row-missing', message: 'row not found', path: 'applications.carriedOver', line: 12 });
    expect(text).toBe('未能读出此行（报告中未找到）：申请情况表 二、上年结转（原文第 12 行）');
    expect(findingText({ severity: 'info', code: 'new-code', message: 'x' })).toBe('解析提示（new-code）：全文');
  });

  it('explains the parser’s rules, with their details', () => {
    expect(ruleText('surplus-cells-dropped: 8 cells printed for 7 columns')).toContain('印出 8 个数、表有 7 栏');
    expect(ruleText('groups-left-blank: 10 cells for 15, read as review + litigationDirect')).toContain('按“行政复议”“未经复议直接起诉”读取');
    expect(ruleText('two-cells-beside-a-blank')).toContain('按首尾两栏记入');
    expect(ruleText('something-new')).toContain('something-new');
  });
});

describe('table view models', () => {
  it('keeps blanks blank, marks inferred and failing cells, and shows missing rows', () => {
    const apps = emptyApplications();
    apps.granted = [2, null, 0, 0, 0, 0, 2];
    apps.partlyGranted = null;
    const r = makeReport(
      { code: '630222' },
      {
        applications: apps,
        inferred: [{ path: 'applications.granted[1]', rule: 'cells-left-aligned', line: 40 }],
        checks: [bad('rowTotal', 'applications.granted')],
        lines: { 'applications.granted': 40 },
      },
    );
    const items = applicationsTable(r)!;
    const granted = items.find((i) => i.kind === 'row' && i.path === 'applications.granted');
    if (granted?.kind !== 'row') throw new Error('row missing');
    expect(granted.line).toBe(40);
    expect(granted.cells![1]).toMatchObject({ value: null, failing: false, inferred: { rule: 'cells-left-aligned' } });
    expect(granted.cells![6]).toMatchObject({ value: 2, failing: true });
    const partly = items.find((i) => i.kind === 'row' && i.path === 'applications.partlyGranted');
    expect(partly).toMatchObject({ cells: null });
    // headings in print order, each once
    expect(items.filter((i) => i.kind === 'group').map((i) => (i.kind === 'group' ? i.group : ''))).toEqual([
      '三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理',
    ]);
  });

  it('prints （六）其他处理 as one row where the report does', () => {
    const apps = emptyApplications();
    apps.otherHandling = { total: [0, 0, 0, 0, 0, 0, 0] };
    const paths = applicationsTable(makeReport({ code: '630222' }, { applications: apps }))!.flatMap((i) => (i.kind === 'row' ? [i.path] : []));
    expect(paths).toContain('applications.otherHandling.total');
    expect(paths).not.toContain('applications.otherHandling.other');
    expect(applicationsTable(makeReport({ code: '630222' }, { applications: null }))).toBeNull();
  });

  it('shows a missing review table as missing', () => {
    const rows = outcomesTable(makeReport({ code: '630222' }, { review: null }));
    expect(rows.map((r) => r.cells === null)).toEqual([true, false, false]);
  });
});
