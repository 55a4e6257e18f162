// Chromium's text of a table 三 whose blank rows printed nothing: any row could be the blank one, so
// the orders that add up disagree on most rows. A row label printed alone just before a figure starts
// that row there (applications.ts, labelAnchors): those rows are read, each under a warning; rows
// whose labels were printed in a run (一、 and 二、, （三）'s 1. to 6.) stay unread.
// Fixture: test/fixtures/reading-order-blank-rows/new-10801-2-chromium (seed 10801).
import { describe, expect, it } from 'vitest';
import { applicantRows } from '../../src/lib/parse/checks.ts';
import { loadFixture } from './fixture.ts';

describe('table 三 with blank rows printing nothing, read by the labels printed just before their rows', () => {
  const { report, truth } = loadFixture('reading-order-blank-rows', 'new-10801-2-chromium');
  const rows = new Map(applicantRows(report.applications!));
  const truthRows = new Map(applicantRows(truth.applications!));
  const anchored = ['granted', 'partlyGranted', 'denied.enforcementRecords', 'denied.queryMatters', 'unavailable.notHeld', 'notProcessed.complaints', 'notProcessed.repeated', 'unavailable.unclear'].map((p) => `applications.${p}`);

  it.each(anchored)('reads %s as the report prints it, under a warning on the row', (path) => {
    expect(rows.get(path)).toEqual(truthRows.get(path));
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'row-placed-by-label', path }));
  });

  it('keeps the rows every order that adds up fills alike without that warning', () => {
    expect(rows.get('applications.total')).toEqual(truthRows.get('applications.total'));
    expect(report.findings.filter((f) => f.code === 'row-placed-by-label' && f.path === 'applications.total')).toEqual([]);
  });

  it('leaves unread the rows whose labels were printed in a run, and misreads none', () => {
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'cells-unplaced', path: 'applications.received[0]', unread: true }));
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'cells-unplaced', path: 'applications.denied.internalAffairs[0]', unread: true }));
    const wrong = [...rows].flatMap(([path, row]) => (row ?? []).flatMap((v, c) => (v !== null && v !== truthRows.get(path)![c] ? [`${path}[${c}]`] : [])));
    expect(wrong).toEqual([]);
  });
});
