// Test reports: a complete, schema-valid Report with only the figures a test cares about.
import { readFileSync } from 'node:fs';
import { Report, type Applications } from '../../src/lib/schema.ts';

const row = (v: number | null = 0): (number | null)[] => [v, 0, 0, 0, 0, 0, v];

export function emptyApplications(): Applications {
  return {
    received: row(),
    carriedOver: row(),
    granted: row(),
    partlyGranted: row(),
    denied: {
      stateSecret: row(),
      prohibitedByLaw: row(),
      endangersSafety: row(),
      thirdPartyRights: row(),
      internalAffairs: row(),
      processInformation: row(),
      enforcementRecords: row(),
      queryMatters: row(),
    },
    unavailable: { notHeld: row(), needsCreation: row(), unclear: row() },
    notProcessed: { complaints: row(), repeated: row(), publications: row(), excessive: row(), confirmation: row() },
    otherHandling: { noCorrection: row(), unpaidFees: row(), other: row() },
    total: row(),
    carriedForward: row(),
  };
}

export interface Figures {
  code: string;
  name?: string;
  year?: number;
  punishment?: number | null;
  licensing?: number | null;
}

/** A report for `code` (any county code of the division list) with the given headline figures. */
export function makeReport(f: Figures, patch: Partial<Report> = {}): Report {
  const province = f.code.startsWith('63') ? '青海省' : f.code.startsWith('64') ? '宁夏回族自治区' : '河南省';
  const r: Report = {
    source: `${f.code}-${f.year ?? 2021}.txt`,
    format: 'txt',
    title: `${f.name ?? f.code}${f.year ?? 2021}年政府信息公开工作年度报告`,
    issuer: `${f.name ?? f.code}人民政府`,
    region: { code: f.code, name: f.name ?? `县${f.code}`, province, prefecture: '某市' },
    year: f.year ?? 2021,
    tableFormat: '2021',
    active: {
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 1, repealed: 0, inForce: 1 },
      licensing: f.licensing === undefined ? 10 : f.licensing,
      punishment: f.punishment === undefined ? 5 : f.punishment,
      coercion: 0,
      fees: 1.5,
    },
    applications: emptyApplications(),
    review: [0, 0, 0, 0, 0],
    litigationDirect: [0, 0, 0, 0, 0],
    litigationAfterReview: [0, 0, 0, 0, 0],
    consistent: true,
    checks: [],
    findings: [],
    inferred: [],
    lines: {},
    prose: [],
    ...patch,
  };
  return Report.parse(r);
}

/** A sample report's hand-checked values, completed to a full Report. */
export function fixtureReport(name: string): Report {
  const e = JSON.parse(readFileSync(new URL(`../fixtures/expected/${name}.json`, import.meta.url), 'utf8'));
  return Report.parse({
    title: 't',
    issuer: 'i',
    tableFormat: '2021',
    checks: [],
    findings: [],
    inferred: [],
    lines: {},
    prose: [],
    ...e,
  });
}
