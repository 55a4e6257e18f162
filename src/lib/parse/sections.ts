// The report's parts: its title block, its numbered sections (一、总体情况 …), and which of them hold
// the three tables. Tables are recognised by what they hold, not by their number: reports number
// them 二 to 四 or 三 to 五, and name them differently.
import type { Line } from './lines.ts';

export interface Section {
  /** Heading as printed, e.g. `一、总体情况`; '' for the text before the first heading. */
  heading: string;
  number: number;
  /** Index range [from, to) into the lines array, heading line excluded. */
  from: number;
  to: number;
}

const NUMERALS = '一二三四五六七八九十';
export function chineseNumeral(s: string): number {
  if (s.length === 2 && s[0] === '十') return 10 + NUMERALS.indexOf(s[1]!) + 1;
  if (s.length === 2 && s[1] === '十') return (NUMERALS.indexOf(s[0]!) + 1) * 10;
  return NUMERALS.indexOf(s[0]!) + 1;
}

// Numbered 一 to 九, 十, 十一 to 十九 or 二十 to 九十: what chineseNumeral reads (not 二三、).
const HEADING = /^(十[一二三四五六七八九]?|[一二三四五六七八九]十?)\s*[、.]\s*(\S.*)$/u;
/** Rows of the applications table that are numbered like headings. */
const TABLE_ROW = /本年新收|结转|办理结果|下年度继续/;

/** The six parts every report has, by their titles (wording varies a little). */
const STANDARD_TITLES = [
  /总体情况|基本情况/,
  /主动公开.*情况|主动公开政府信息|主动公开政务信息/,
  /(?:收到|处理|办理).*申请.*情况|依申请公开.*情况/,
  /复议.*诉讼|诉讼.*情况/,
  /存在的?主要问题|问题及改进|改进(?:情况|措施)/,
  /其他需要报告|其他事项/,
];

interface Candidate {
  index: number;
  number: number;
  heading: string;
  /** Which standard part its title names, or -1. */
  part: number;
}

function candidates(lines: readonly Line[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const m = text.match(HEADING);
    if (!m || text.length > 40 || /[。;；]$/.test(text) || TABLE_ROW.test(text)) continue;
    const title = m[2]!.replace(/\s+/g, '');
    const part = STANDARD_TITLES.findIndex((re) => re.test(title));
    out.push({ index: i, number: chineseNumeral(m[1]!), heading: lines[i]!.raw.replace(/\s+/g, ' ').trim(), part: title.length <= 32 ? part : -1 });
  }
  return out;
}

/**
 * The longest run of standard-titled headings whose numbers and parts both increase: a sub-heading
 * inside 总体情况 that happens to mention 主动公开 does not break the frame.
 */
function longestFrame(standard: readonly Candidate[]): Candidate[] {
  const best: Candidate[][] = [];
  for (let i = 0; i < standard.length; i++) {
    const c = standard[i]!;
    let chain: Candidate[] = [];
    for (let j = 0; j < i; j++) {
      const prev = best[j]!;
      const last = prev.at(-1)!;
      if (last.number < c.number && last.part < c.part && prev.length > chain.length) chain = prev;
    }
    best.push([...chain, c]);
  }
  return best.reduce<Candidate[]>((a, b) => (b.length > a.length ? b : a), []);
}

/**
 * The report's numbered sections. Headings that name a standard part are the frame; another
 * numbered line is a section of its own only where its number fits between the frame's numbers
 * (reports number sub-sections 一、二、 again inside 总体情况). Without a frame, numbers must run
 * in order, allowing one skipped.
 */
export function findSections(lines: readonly Line[]): Section[] {
  const all = candidates(lines);
  const frame = longestFrame(all.filter((c) => c.part >= 0));
  let heads: Candidate[];
  if (frame.length >= 2) {
    heads = all.filter((c) => {
      if (frame.includes(c)) return true;
      const before = frame.filter((f) => f.index < c.index).at(-1);
      const after = frame.find((f) => f.index > c.index);
      return (before ? c.number > before.number : true) && (after ? c.number < after.number : true) && (!before || c.number <= before.number + 2);
    });
    // Keep numbers increasing among the extra headings, too.
    heads = heads.filter((c, k) => k === 0 || c.number > heads[k - 1]!.number);
  } else {
    heads = [];
    for (const c of all) if (c.number > (heads.at(-1)?.number ?? 0) && c.number <= (heads.at(-1)?.number ?? 0) + 2) heads.push(c);
  }
  const sections: Section[] = [{ heading: '', number: 0, from: 0, to: heads[0]?.index ?? lines.length }];
  heads.forEach((h, k) => sections.push({ heading: h.heading, number: h.number, from: h.index + 1, to: heads[k + 1]?.index ?? lines.length }));
  return sections;
}

export type TableKind = 'active' | 'applications' | 'outcomes';

/** Which table a section's heading announces, if any. */
export function tableOfHeading(heading: string): TableKind | null {
  const h = heading.normalize('NFKC');
  if (/主动公开/.test(h)) return 'active';
  if (/申请/.test(h) && /收到|处理|办理/.test(h)) return 'applications';
  if (/复议|诉讼/.test(h)) return 'outcomes';
  return null;
}

/** A line of running prose: it ends the region of a table that has no heading after it. */
export const isProseLine = (text: string) => text.length >= 20 && /[，。；]/.test(text) && !/\d\s+\d/.test(text);
