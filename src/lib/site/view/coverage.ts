// What a total, a rank or a ranking is over, in words. With five reports the site must not say
// 「全国」: every figure that spans reports names how many counties it spans and what share of the
// country's (or the province's) county-level divisions that is. 「全国」/「省内」 only where coverage
// is nearly complete (NATIONAL_SHARE of the divisions, see the methodology page).
import { formatCell } from './format.ts';

/** From this share of a scope's county-level divisions on, a figure over them may say 全国 / 省内. */
export const NATIONAL_SHARE = 0.95;

export interface Coverage {
  /** 全国, or the province's name. */
  scope: string;
  national: boolean; // the scope is the whole country (not a province)
  /** County-level divisions of the scope (GB/T 2260, without development zones). */
  divisions: number;
  /** Of them, how many have a report (in the year, or at all). */
  counties: number;
  /** Reports of bodies that are not county-level (淮安市, a prefecture-level city), counted apart. */
  others: number;
}

/** counties ÷ divisions; 0 for a scope without divisions. */
export const shareOf = (c: Coverage): number => (c.divisions === 0 ? 0 : c.counties / c.divisions);

/** Whether the figures over this scope may be called 全国 (or 省内): nearly every division is in. */
export const isComplete = (c: Coverage): boolean => c.divisions > 0 && shareOf(c) >= NATIONAL_SHARE;

/** 0.00175 → 0.2%, 0.0002 → 不到 0.1%, 0.953 → 95.3%, 1 → 100%. */
export function percentText(share: number): string {
  if (share <= 0) return '0%';
  if (share < 0.001) return '不到 0.1%';
  if (share >= 1) return '100%';
  return `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;
}

/** 县; 县、市 when a prefecture-level body's report is among them; 地级市 when only such reports are. */
const noun = (c: Coverage) => (c.others === 0 ? '县' : c.counties === 0 ? '地级市' : '县、市');

/** The whole set of bodies counted: counties plus others. */
const members = (c: Coverage) => c.counties + c.others;

/**
 * 「4 个县（全国 2,854 个县级行政区的 0.1%）」; with a prefecture-level body,
 * 「3 个县（全国 2,854 个县级行政区的 0.1%），另有 1 个地级市」.
 */
export function coverageText(c: Coverage): string {
  const where = c.national ? '全国' : c.scope;
  const base = `${formatCell(c.counties)} 个县（${where} ${formatCell(c.divisions)} 个县级行政区的 ${percentText(shareOf(c))}）`;
  return c.others > 0 ? `${base}，另有 ${formatCell(c.others)} 个地级市` : base;
}

/**
 * What a total or ranking is over, for titles: 全国 / 青海省 when complete, else
 * 「收录的 4 个县」 (national) or 「青海省收录的 4 个县」.
 */
export function scopeText(c: Coverage): string {
  if (isComplete(c) && c.others === 0) return c.national ? '全国' : c.scope;
  return `${c.national ? '' : c.scope}收录的 ${formatCell(members(c))} 个${noun(c)}`;
}

/**
 * A rank over the scope: 「全国第 2 / 共 2,800」 when complete, else 「收录的 4 个县中第 2」.
 * `of` is how many have the figure; where fewer than all of the scope's reports do,
 * 「收录并列出该项的 3 个县中第 2」.
 */
export function rankText(c: Coverage, rank: number, of: number): string {
  if (isComplete(c) && c.others === 0) return `${c.national ? '全国' : c.scope}第 ${formatCell(rank)} / 共 ${formatCell(of)}`;
  const where = c.national ? '' : c.scope;
  const over = of === members(c) ? `${where}收录的 ${formatCell(of)} 个${noun(c)}` : `${where}收录并列出该项的 ${formatCell(of)} 个${noun(c)}`;
  return `${over}中第 ${formatCell(rank)}`;
}
