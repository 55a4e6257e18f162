// Who issued the report and for which year, from its title block.
import type { Region } from '../schema.ts';
import { counties, divisionByCode, prefectures, type Division } from '../region.ts';
import { REGION_ALIASES } from '../regionAliases.ts';
import type { Line } from './lines.ts';
import { rejection, type Rejection } from './rejections.ts';

/** The title block: lines before the first numbered heading, at most the first dozen. */
export function titleBlock(lines: readonly Line[], firstHeading: number): Line[] {
  return lines.slice(0, Math.min(firstHeading > 0 ? firstHeading : 12, 12));
}

/** The report's title: the lines up to and including the one that says 年度报告. */
export function titleOf(block: readonly Line[]): { title: string; lines: number } {
  const end = block.findIndex((l) => /年度报告|工作报告|年报/.test(l.text));
  const upto = end >= 0 ? end + 1 : Math.min(2, block.length);
  const title = block
    .slice(0, upto)
    .filter((l) => !/〔\d{4}〕|\[\d{4}\]|号$/.test(l.text))
    .map((l) => l.raw.replace(/\s+/g, ''))
    .join('');
  return { title, lines: upto };
}

const CN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** The year reported on: `2021年(度)…报告` in the title; 二〇二一年 counts too. */
export function yearOf(title: string, body: readonly Line[]): number | null {
  const t = title.normalize('NFKC').replace(/[〇零一二三四五六七八九]{4}(?=年)/gu, (m) => [...m].map((c) => CN_DIGITS[c]).join(''));
  const inTitle = t.replace(/\s+/g, '').match(/(20\d{2}|19\d{2})年(?:度)?/);
  if (inTitle) return Number(inTitle[1]);
  // No year in the title: the first `YYYY年` of the body, which opens with the year reported on.
  for (const l of body.slice(0, 40)) {
    const m = l.text.replace(/\s+/g, '').match(/(20\d{2})年(?!\d{1,2}月\d{1,2}日)/);
    if (m) return Number(m[1]);
  }
  return null;
}

export type Resolution = { region: Region; issuer: string } | { rejected: Rejection };


interface Hit {
  division: Division;
  index: number;
  /** Characters the match covers, suffix included. */
  length: number;
  /** 3: full name; 2: short name with a suffix (民和县, 民和人民政府). */
  strength: number;
}

/** Divisions by the first two characters of their full and short names: one look-up per position. */
function prefixIndex(divisions: readonly Division[]): Map<string, Division[]> {
  const index = new Map<string, Division[]>();
  for (const d of divisions) {
    for (const key of new Set([d.name.slice(0, 2), d.shortName.slice(0, 2)])) {
      const list = index.get(key);
      if (list) list.push(d);
      else index.set(key, [d]);
    }
  }
  return index;
}
const COUNTY_INDEX = prefixIndex(counties);
const PREFECTURE_INDEX = prefixIndex(prefectures);

function hitsIn(text: string, index: Map<string, Division[]>): Hit[] {
  const first = new Map<Division, Hit>();
  for (let i = 0; i < text.length - 1; i++) {
    const ds = index.get(text.slice(i, i + 2));
    if (!ds) continue;
    for (const d of ds) {
      const seen = first.get(d);
      if (seen && seen.strength === 3) continue;
      if (text.startsWith(d.name, i)) {
        first.set(d, { division: d, index: i, length: d.name.length, strength: 3 });
        continue;
      }
      // (A short name that is the full name was tried just above; region.ts's shortName has two characters at least.)
      if (seen || !text.startsWith(d.shortName, i)) continue;
      // A short name alone is no name (共和 inside 中华人民共和国): it needs its suffix.
      const suffix = text.slice(i + d.shortName.length).match(/^(?:县|区|市|旗|人民政府|政府)/)?.[0];
      if (suffix) first.set(d, { division: d, index: i, length: d.shortName.length + suffix.length, strength: 2 });
    }
  }
  const hits = [...first.values()];
  // A name inside a longer match is part of it: 和县 inside 民和县.
  const inside = (h: Hit, o: Hit) => o.length > h.length && o.index <= h.index && o.index + o.length >= h.index + h.length;
  return hits.filter((h) => !hits.some((o) => inside(h, o)));
}

/** The name of the issuing body as printed: the title text up to 人民政府 (or its office). */
function issuerOf(text: string, hit: Hit): string {
  const m = text.slice(hit.index).match(/^.*?人民政府(?:办公室|办公厅)?/);
  return m && m[0].length <= 40 ? m[0] : hit.division.name;
}

const stripSuffix = (name: string) => name.replace(/(?:省|市|地区|盟|自治州|壮族自治区|回族自治区|维吾尔自治区|自治区)$/u, '');

/**
 * Resolves the issuing body to one county-level division (or a prefecture where no county is
 * named). Names that several divisions share are told apart by the province or prefecture the
 * text mentions; where nothing tells them apart, it is an error, never a guess.
 */
export function resolveRegion(titleText: string, wholeText: string): Resolution {
  const text = titleText.replace(/\s+/g, '');
  // A prefecture named in full (承德市) is not the county its short name shares (承德县); a county
  // named beside it (海东市民和县) is the more specific issuer.
  const prefectureHits = hitsIn(text, PREFECTURE_INDEX).filter((h) => h.strength === 3);
  const covered = (h: Hit) => h.strength < 3 && prefectureHits.some((p) => p.index <= h.index && p.index + p.length >= h.index + h.length);
  let hits = hitsIn(text, COUNTY_INDEX).filter((h) => !covered(h));
  if (hits.length === 0) hits = prefectureHits;
  if (hits.length === 0) return { rejected: rejection.noRegion() };
  const best = Math.max(...hits.map((h) => h.strength));
  const top = hits.filter((h) => h.strength === best);
  // The title names its issuer first; divisions sharing that name stand at the same place.
  const earliest = Math.min(...top.map((h) => h.index));
  let candidates = top.filter((h) => h.index === earliest);
  if (candidates.length > 1) {
    const context = text + wholeText.slice(0, 4000).replace(/\s+/g, '');
    const mentions = (h: Hit) =>
      (context.includes(stripSuffix(h.division.prefecture)) ? 2 : 0) + (context.includes(stripSuffix(h.division.province)) ? 1 : 0);
    const score = Math.max(...candidates.map(mentions));
    const narrowed = candidates.filter((h) => mentions(h) === score);
    // Nothing mentioned (every score 0) leaves every candidate: ambiguous too.
    if (narrowed.length > 1) {
      const names = candidates.map((h) => `${h.division.code} ${h.division.province}${h.division.prefecture}${h.division.name}`).join(', ');
      return { rejected: rejection.ambiguousRegion(candidates[0]!.division.name, names) };
    }
    candidates = narrowed;
  }
  const hit = candidates[0]!;
  const { code, name, province, prefecture } = hit.division;
  return { region: { code, name, province, prefecture }, issuer: issuerOf(text, hit) };
}

const toRegion = ({ code, name, province, prefecture }: Division): Region => ({ code, name, province, prefecture });

/** A body the alias list knows (平潭综合实验区 → 平潭县), named in the text. */
export function resolveAlias(text: string): Resolution | null {
  const compact = text.replace(/\s+/g, '');
  for (const alias of REGION_ALIASES) {
    const division = compact.includes(alias.body) ? divisionByCode(alias.code) : undefined;
    if (division) return { region: toRegion(division), issuer: issuerOf(compact, { division, index: compact.indexOf(alias.body), length: alias.body.length, strength: 3 }) };
  }
  return null;
}

/** A division given by its code (a sidecar's `region`). */
export function regionByCode(code: string): Region | null {
  const division = divisionByCode(code);
  return division ? toRegion(division) : null;
}

const SIGNATURE_BODY = /^[\u4e00-\u9fff（）()]{2,40}(?:人民政府办公室|人民政府办公厅|人民政府|管理委员会|行政委员会|委员会|办公室)$/u;
const DATE = /^(20\d{2})年(\d{1,2})月(\d{1,2})日$/u;

/**
 * The closing signature: the issuing body's name and, under or beside it, the date
 * (「XX县人民政府办公室 2022年1月20日」), among the last lines of the report.
 */
export function signatureOf(lines: readonly Line[]): { body?: string; date?: string } {
  const tail = lines.slice(-8).map((l) => l.text.replace(/\s+/g, ''));
  let body: string | undefined;
  let date: string | undefined;
  for (const t of tail) {
    const d = t.match(/(20\d{2})年(\d{1,2})月(\d{1,2})日$/u);
    const name = d ? t.slice(0, d.index) : t;
    if (SIGNATURE_BODY.test(name)) body = name;
    if (d && (DATE.test(t) || SIGNATURE_BODY.test(name))) date = `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`;
  }
  return { ...(body ? { body } : {}), ...(date ? { date } : {}) };
}
