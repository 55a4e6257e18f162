// No English field name reaches a Chinese page: every path the report JSON has, in Chinese.
import { describe, expect, it } from 'vitest';
import { APPLICATION_ROWS, pathLabel } from '../../src/lib/site/view/labels.ts';
import { FIELDS } from '../../src/lib/site/build/export.ts';

const groups = ['denied', 'unavailable', 'notProcessed', 'otherHandling'];
const paths = [
  ...APPLICATION_ROWS.flatMap((r) => [`applications.${r.path}`, `applications.${r.path}[0]`, `applications.${r.path}[6]`]),
  ...groups.flatMap((g) => [`applications.${g}`, `applications.${g}[6]`]),
  'applications', 'applications[自然人]', 'review', 'review[4]', 'litigationDirect[0]', 'litigationAfterReview',
  // The active table's fields, as the bulk CSV names them.
  ...FIELDS.map((f) => f.key).filter((k) => k.startsWith('active.')),
  'active', 'active.procurement', 'active.itemCounts', 'active.itemCounts.fees',
];

describe('Chinese labels of report paths', () => {
  it('leave no English field name in any of them', () => {
    expect(paths.length).toBeGreaterThan(100);
    const leaking = paths.map((p) => [p, pathLabel(p)]).filter(([, l]) => /[A-Za-z]/.test(l));
    expect(leaking).toEqual([]);
  });

  it('name the groups of table 三 as printed', () => {
    expect(pathLabel('applications.otherHandling')).toBe('申请情况表 （六）其他处理');
    expect(pathLabel('applications.denied[6]')).toBe('申请情况表 （三）不予公开，“总计”栏');
  });
});
