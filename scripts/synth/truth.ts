// The true values of a synthetic report: random but plausible, Report-shaped (src/lib/schema.ts), and
// satisfying the report's own identities (FORMAT.md) unless one is broken on purpose.
import type { Active, Applications, ApplicantRow, Cell, OutcomeRow, Region, Report } from '../../src/lib/schema.ts';
import type { Rng } from './prng.ts';

/** The subset of the report JSON a synthetic report fixes: what the parser must read back exactly. */
export type Truth = Pick<
  Report,
  'region' | 'year' | 'active' | 'applications' | 'review' | 'litigationDirect' | 'litigationAfterReview' | 'consistent'
>;

export type Identity = 'rowTotal' | 'columnTotal' | 'balance' | 'outcomeTotal';

export interface TruthOptions {
  /** 第二十条第（一）项 headers: 2021 本年制发/废止/现行有效, or 2019 本年新制作/新公开/对外公开总数量. */
  documents: '2019' | '2021';
  /** 第（五）（六）（八）项: 2021 decisions and fee amount, or 2019 item counts (上一年项目数量, 本年增/减),
   *  其他对外管理服务事项, and no fee amount. */
  decisions: '2019' | '2021';
  /** 第（九）项 政府集中采购 (2019 format). */
  procurement: boolean;
  /** （六）其他处理 as three rows or one. */
  otherHandling: 'detailed' | 'single';
  /** Which zero cells the report leaves blank: none; rows (and groups, single-value items) that are
   *  entirely zero; or every zero cell. */
  blanks: 'none' | 'emptyRows' | 'zeroCells';
  scale: 'quiet' | 'typical' | 'busy';
  /** Print one figure that breaks this identity (the report's own arithmetic does not add up). */
  breakIdentity?: Identity;
  /** This year's 二、上年结转 = last year's 四、结转下年度 (six applicant columns). */
  carriedOver?: readonly number[];
  /** Fees with decimals (万元 to several places), as many reports print them. */
  feeDecimals?: number;
}

const OUTCOME_PATHS = [
  'granted',
  'partlyGranted',
  'denied.stateSecret',
  'denied.prohibitedByLaw',
  'denied.endangersSafety',
  'denied.thirdPartyRights',
  'denied.internalAffairs',
  'denied.processInformation',
  'denied.enforcementRecords',
  'denied.queryMatters',
  'unavailable.notHeld',
  'unavailable.needsCreation',
  'unavailable.unclear',
  'notProcessed.complaints',
  'notProcessed.repeated',
  'notProcessed.publications',
  'notProcessed.excessive',
  'notProcessed.confirmation',
] as const;
const OTHER_DETAILED = ['otherHandling.noCorrection', 'otherHandling.unpaidFees', 'otherHandling.other'] as const;

/** Relative frequency of each way of handling a request: most are granted or the information is not held. */
const OUTCOME_WEIGHT: Record<string, number> = {
  granted: 50,
  partlyGranted: 8,
  'denied.stateSecret': 0.5,
  'denied.prohibitedByLaw': 1,
  'denied.endangersSafety': 0.5,
  'denied.thirdPartyRights': 1,
  'denied.internalAffairs': 1,
  'denied.processInformation': 2,
  'denied.enforcementRecords': 1,
  'denied.queryMatters': 1,
  'unavailable.notHeld': 18,
  'unavailable.needsCreation': 3,
  'unavailable.unclear': 3,
  'notProcessed.complaints': 4,
  'notProcessed.repeated': 3,
  'notProcessed.publications': 1,
  'notProcessed.excessive': 1,
  'notProcessed.confirmation': 1,
  'otherHandling.noCorrection': 2,
  'otherHandling.unpaidFees': 0.3,
  'otherHandling.other': 2,
  'otherHandling.total': 4.3,
};

/** All section 三 row paths of a report, in printed order. */
export function applicationRowPaths(otherHandling: 'detailed' | 'single'): string[] {
  const other = otherHandling === 'single' ? ['otherHandling.total'] : [...OTHER_DETAILED];
  return ['received', 'carriedOver', ...OUTCOME_PATHS, ...other, 'total', 'carriedForward'];
}

/** The rows summed into （七）总计. */
export function outcomeRowPaths(otherHandling: 'detailed' | 'single'): string[] {
  const other = otherHandling === 'single' ? ['otherHandling.total'] : [...OTHER_DETAILED];
  return [...OUTCOME_PATHS, ...other];
}

export function getRow(apps: Applications, path: string): ApplicantRow {
  let node: unknown = apps;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return (node as ApplicantRow | undefined) ?? null;
}

function setRow(apps: Record<string, unknown>, path: string, row: ApplicantRow): void {
  const keys = path.split('.');
  let node = apps;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = row;
}

const sum = (cells: readonly Cell[]) => cells.reduce<number>((s, c) => s + (c ?? 0), 0);
const add = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x + b[i]);

/** Split `n` items at random over the keys by weight (a multinomial draw). */
function distribute(rng: Rng, n: number, keys: readonly string[]): Map<string, number> {
  const out = new Map(keys.map((k) => [k, 0]));
  const weights = keys.map((k) => [k, OUTCOME_WEIGHT[k] ?? 1] as const);
  // Large counts: split proportionally with jitter instead of one draw per request.
  if (n > 200) {
    let left = n;
    for (const [k, w] of weights.slice(0, -1)) {
      const share = Math.min(left, Math.round((n * w * (0.5 + rng.next())) / weights.reduce((s, [, x]) => s + x, 0)));
      out.set(k, share);
      left -= share;
    }
    out.set(weights[weights.length - 1][0], left);
    return out;
  }
  for (let i = 0; i < n; i++) {
    const k = rng.weighted(weights);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** Requests received per applicant column (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他). */
function receivedByColumn(rng: Rng, scale: TruthOptions['scale']): number[] {
  const persons = { quiet: rng.weighted([[0, 5], [rng.int(1, 5), 4]]), typical: rng.int(3, 80), busy: rng.int(80, 2500) }[scale];
  const small = (max: number, p: number) => (rng.chance(p) ? rng.int(1, max) : 0);
  const f = scale === 'busy' ? 4 : 1;
  return [persons, small(20 * f, scale === 'quiet' ? 0.1 : 0.5), small(2 * f, 0.05), small(3 * f, 0.1), small(10 * f, 0.2), small(8 * f, 0.3)];
}

function generateApplications(rng: Rng, opts: TruthOptions): Applications {
  const received = receivedByColumn(rng, opts.scale);
  const carriedOver = opts.carriedOver ? [...opts.carriedOver] : received.map((r) => (r > 5 && rng.chance(0.3) ? rng.int(0, Math.ceil(r / 10)) : 0));
  const open = add(received, carriedOver);
  const carriedForward = open.map((o) => (o > 3 && rng.chance(0.35) ? rng.int(0, Math.ceil(o / 8)) : 0));
  const outcomePaths = outcomeRowPaths(opts.otherHandling);
  const rows = new Map<string, number[]>(outcomePaths.map((p) => [p, [0, 0, 0, 0, 0, 0]]));
  for (let col = 0; col < 6; col++) {
    const handled = open[col] - carriedForward[col];
    for (const [path, n] of distribute(rng, handled, outcomePaths)) rows.get(path)![col] = n;
  }
  const withTotal = (six: readonly number[]): number[] => [...six, sum(six)];
  const apps: Record<string, unknown> = {};
  setRow(apps, 'received', withTotal(received));
  setRow(apps, 'carriedOver', withTotal(carriedOver));
  let total = [0, 0, 0, 0, 0, 0];
  for (const path of outcomePaths) {
    setRow(apps, path, withTotal(rows.get(path)!));
    total = add(total, rows.get(path)!);
  }
  setRow(apps, 'total', withTotal(total));
  setRow(apps, 'carriedForward', withTotal(carriedForward));
  return apps as unknown as Applications;
}

function generateOutcomes(rng: Rng, scale: TruthOptions['scale'], kind: 'review' | 'direct' | 'afterReview'): number[] {
  const busy = { quiet: 0.08, typical: 0.35, busy: 0.9 }[scale];
  const p = kind === 'review' ? busy : kind === 'direct' ? busy * 0.7 : busy * 0.4;
  if (!rng.chance(p)) return [0, 0, 0, 0, 0];
  const max = scale === 'busy' ? 40 : 4;
  const four = [rng.int(0, max), rng.chance(0.3) ? rng.int(0, Math.ceil(max / 4)) : 0, rng.int(0, Math.ceil(max / 2)), rng.chance(0.4) ? rng.int(0, Math.ceil(max / 3)) : 0];
  return [...four, sum(four)];
}

/** A plausible count spanning a few orders of magnitude, e.g. 行政处罚 decisions. */
function count(rng: Rng, lo: number, hi: number): number {
  const e = Math.log(lo + 1) + rng.next() * (Math.log(hi + 1) - Math.log(lo + 1));
  return Math.max(lo, Math.round(Math.exp(e) - 1));
}

function money(rng: Rng, hi: number, decimals: number): number {
  const raw = count(rng, 0, hi) + (decimals > 0 ? rng.next() : 0);
  const f = 10 ** decimals;
  return Math.round(raw * f) / f;
}

function generateActive(rng: Rng, opts: TruthOptions): Active {
  const size = { quiet: 0.2, typical: 1, busy: 4 }[opts.scale];
  const hasRegulations = rng.chance(0.15);
  const docs2021 = (isReg: boolean) => {
    const issued = isReg ? (hasRegulations ? rng.int(0, 5) : 0) : rng.int(0, Math.round(30 * size));
    return { issued, repealed: (!isReg || hasRegulations) && rng.chance(0.3) ? rng.int(0, issued + 3) : 0, inForce: isReg ? (hasRegulations ? rng.int(issued, issued + 20) : 0) : rng.int(issued, issued + Math.round(150 * size)) };
  };
  const docs2019 = (isReg: boolean) => {
    const issued = isReg ? (hasRegulations ? rng.int(0, 5) : 0) : rng.int(0, Math.round(30 * size));
    const published = rng.int(0, issued);
    return { issued, published, publicTotal: isReg && !hasRegulations ? 0 : rng.int(published, published + Math.round(120 * size)) };
  };
  const docs = opts.documents === '2019' ? docs2019 : docs2021;
  const active: Active = {
    regulations: docs(true),
    normativeDocuments: docs(false),
    licensing: count(rng, 0, 30000 * size),
    punishment: count(rng, 0, 15000 * size),
    coercion: count(rng, 0, 800 * size),
    fees: opts.decisions === '2019' ? null : money(rng, 5000 * size, opts.feeDecimals ?? 0),
  };
  if (opts.decisions === '2019') {
    const items = () => {
      const previousYear = count(rng, 0, 600);
      return { previousYear, change: rng.chance(0.6) ? 0 : rng.int(-Math.min(previousYear, 30), 40) };
    };
    active.otherServices = count(rng, 0, 5000 * size);
    active.itemCounts = { licensing: items(), otherServices: items(), punishment: items(), coercion: items(), fees: { previousYear: rng.int(0, 40), change: rng.chance(0.7) ? 0 : rng.int(-5, 5) } };
  }
  if (opts.procurement) active.procurement = { projects: count(rng, 0, 400 * size), amount: money(rng, 40000 * size, rng.pick([0, 2, 4])) };
  return active;
}

/** Leave zero cells blank as the options say (`null` = blank in the report). */
function applyBlanks(t: Truth, blanks: TruthOptions['blanks'], otherHandling: TruthOptions['otherHandling']): void {
  if (blanks === 'none') return;
  const blankRow = (row: Cell[]): Cell[] => {
    if (blanks === 'zeroCells') return row.map((c) => (c === 0 ? null : c));
    return row.every((c) => c === 0) ? row.map(() => null) : row;
  };
  const apps = t.applications as unknown as Record<string, unknown>;
  for (const path of applicationRowPaths(otherHandling)) setRow(apps, path, blankRow(getRow(t.applications!, path)!));
  t.review = blankRow(t.review!);
  t.litigationDirect = blankRow(t.litigationDirect!);
  t.litigationAfterReview = blankRow(t.litigationAfterReview!);
  const a = t.active!;
  const blankObject = <T extends Record<string, Cell>>(o: T): T => {
    const keys = Object.keys(o);
    const cells = blankRow(keys.map((k) => o[k]));
    return Object.fromEntries(keys.map((k, i) => [k, cells[i]])) as T;
  };
  a.regulations = blankObject(a.regulations as Record<string, Cell>) as Active['regulations'];
  a.normativeDocuments = blankObject(a.normativeDocuments as Record<string, Cell>) as Active['normativeDocuments'];
  for (const k of ['licensing', 'punishment', 'coercion', 'fees', 'otherServices'] as const) if (a[k] === 0) a[k] = null;
  if (a.itemCounts) for (const [k, v] of Object.entries(a.itemCounts)) (a.itemCounts as Record<string, unknown>)[k] = blankObject(v as Record<string, Cell>);
  if (a.procurement) a.procurement = blankObject(a.procurement);
}

/** Every identity of FORMAT.md, blanks counted as 0: the independent reference for `consistent`. */
export function identityFailures(t: Pick<Truth, 'applications' | 'review' | 'litigationDirect' | 'litigationAfterReview'>): Identity[] {
  const failures: Identity[] = [];
  const apps = t.applications;
  if (apps) {
    const other = 'total' in apps.otherHandling ? 'single' : 'detailed';
    const v = (row: ApplicantRow, i: number) => row?.[i] ?? 0;
    for (const path of applicationRowPaths(other)) {
      const row = getRow(apps, path);
      if (row && sum(row.slice(0, 6)) !== v(row, 6)) failures.push('rowTotal');
    }
    for (let col = 0; col < 7; col++) {
      const outcomes = outcomeRowPaths(other).reduce((s, p) => s + v(getRow(apps, p), col), 0);
      if (outcomes !== v(apps.total, col)) failures.push('columnTotal');
      if (v(apps.received, col) + v(apps.carriedOver, col) !== v(apps.total, col) + v(apps.carriedForward, col)) failures.push('balance');
    }
  }
  for (const row of [t.review, t.litigationDirect, t.litigationAfterReview]) if (row && sum(row.slice(0, 4)) !== (row[4] ?? 0)) failures.push('outcomeTotal');
  return [...new Set(failures)];
}

/** Change one printed figure so that `identity` fails (as 001's 总计 row that says 0 for one request). */
function breakOne(rng: Rng, t: Truth, identity: Identity, otherHandling: TruthOptions['otherHandling']): void {
  const apps = t.applications!;
  const bump = (row: Cell[], i: number, by: number) => {
    row[i] = Math.max(0, (row[i] ?? 0) + by);
  };
  const delta = rng.pick([1, 1, 2, 3, 10]);
  if (identity === 'outcomeTotal') {
    const row = rng.pick([t.review!, t.litigationDirect!, t.litigationAfterReview!]);
    bump(row, 4, delta);
  } else if (identity === 'rowTotal') {
    const row = getRow(apps, rng.pick(applicationRowPaths(otherHandling)))!;
    if ((row[6] ?? 0) >= delta && rng.chance(0.5)) bump(row, 6, -delta);
    else bump(row, 6, delta);
  } else if (identity === 'columnTotal') {
    // One outcome row off in one column, its own total kept right: （七）总计 no longer adds up.
    const row = getRow(apps, rng.pick(outcomeRowPaths(otherHandling)))!;
    const col = rng.int(0, 5);
    bump(row, col, delta);
    bump(row, 6, delta);
  } else {
    // 四、结转下年度 off (its row total kept right): 一 + 二 ≠ 三（七）+ 四.
    const col = rng.int(0, 5);
    bump(apps.carriedForward!, col, delta);
    bump(apps.carriedForward!, 6, delta);
  }
}

export function generateTruth(rng: Rng, region: Region, year: number, opts: TruthOptions): Truth {
  const t: Truth = {
    region: { name: region.name, code: region.code, province: region.province, prefecture: region.prefecture },
    year,
    active: generateActive(rng.fork('active'), opts),
    applications: generateApplications(rng.fork('applications'), opts),
    review: generateOutcomes(rng, opts.scale, 'review'),
    litigationDirect: generateOutcomes(rng, opts.scale, 'direct'),
    litigationAfterReview: generateOutcomes(rng, opts.scale, 'afterReview'),
    consistent: true,
  };
  if (opts.breakIdentity) breakOne(rng.fork('break'), t, opts.breakIdentity, opts.otherHandling);
  applyBlanks(t, opts.blanks, opts.otherHandling);
  t.consistent = identityFailures(t).length === 0;
  return t;
}

/** Plausible options for a report on `year` (2019/2020 mostly in the 2019 format, later ones 2021, some mixing). */
export function randomTruthOptions(rng: Rng, year: number): TruthOptions {
  const early = year <= 2020;
  const style = early
    ? rng.weighted([['2019', 85], ['mixed', 15]] as const)
    : rng.weighted([['2021', 78], ['001-like', 10], ['mixed', 12]] as const);
  let documents: TruthOptions['documents'];
  let decisions: TruthOptions['decisions'];
  let otherHandling: TruthOptions['otherHandling'];
  if (style === '2019') [documents, decisions, otherHandling] = ['2019', '2019', 'single'];
  else if (style === '2021') [documents, decisions, otherHandling] = ['2021', '2021', rng.chance(0.1) ? 'single' : 'detailed'];
  // 001: a 2021 report with the 2019 (一) headers and one （六）其他处理 row.
  else if (style === '001-like') [documents, decisions, otherHandling] = ['2019', '2021', 'single'];
  else [documents, decisions, otherHandling] = [rng.pick(['2019', '2021'] as const), rng.pick(['2019', '2021'] as const), rng.pick(['single', 'detailed'] as const)];
  return {
    documents,
    decisions,
    procurement: decisions === '2019' && rng.chance(0.7),
    otherHandling,
    blanks: rng.weighted([['none', 60], ['emptyRows', 25], ['zeroCells', 15]] as const),
    scale: rng.weighted([['quiet', 35], ['typical', 55], ['busy', 10]] as const),
    breakIdentity: rng.chance(0.04) ? rng.pick(['rowTotal', 'columnTotal', 'balance', 'outcomeTotal'] as const) : undefined,
    feeDecimals: rng.weighted([[0, 70], [2, 15], [4, 10], [6, 5]] as const),
  };
}

export type { OutcomeRow };
