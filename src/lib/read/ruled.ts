// Ruled tables of a PDF page: the lines a table's borders are drawn with make its cells, and each
// text item belongs to the cell around it. A cell's wrapped lines then stay in that cell, and a cell
// that spans rows or columns is one cell, as in the Word file it came from; each table row becomes one
// grid row of the intermediate form (cells separated by tabs, spanned places empty), as the Word and
// HTML stages write theirs.
import type { PlacedText } from './pdf.ts';

/** A horizontal (y1 = y2) or vertical (x1 = x2) rule, top-left origin, in points. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface RuledRow {
  /** The row's cells, one field per grid column; empty where a cell is blank or spanned. */
  fields: string[];
  top: number;
  left: number;
}

export interface RuledTable {
  box: Box;
  rows: RuledRow[];
}

/** A grid place covered by the cell to its left. */
const SPANNED = '\u0000';

/** Rules closer than this (points) are one; a cell is at least this wide. */
const SNAP = 1.5;

const horizontal = (r: Rule) => Math.abs(r.y1 - r.y2) <= SNAP;

/** Collinear rules that touch or overlap, joined: a border drawn cell by cell is one rule. */
export function mergeRules(rules: readonly Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const isH of [true, false]) {
    const spans = rules
      .filter((r) => horizontal(r) === isH)
      .map((r) => (isH ? { at: (r.y1 + r.y2) / 2, from: Math.min(r.x1, r.x2), to: Math.max(r.x1, r.x2) } : { at: (r.x1 + r.x2) / 2, from: Math.min(r.y1, r.y2), to: Math.max(r.y1, r.y2) }))
      .sort((a, b) => a.at - b.at);
    // Rules a hair apart (anti-aliased borders, rounding) are one line: cluster by position first.
    for (let i = 0; i < spans.length; ) {
      let j = i + 1;
      while (j < spans.length && spans[j]!.at - spans[j - 1]!.at <= SNAP) j++;
      const line = spans.slice(i, j).sort((a, b) => a.from - b.from);
      const at = line[Math.floor(line.length / 2)]!.at;
      let current = { ...line[0]! };
      const flush = () => out.push(isH ? { x1: current.from, y1: at, x2: current.to, y2: at } : { x1: at, y1: current.from, x2: at, y2: current.to });
      for (const r of line.slice(1)) {
        if (r.from <= current.to + SNAP) current.to = Math.max(current.to, r.to);
        else {
          flush();
          current = { ...r };
        }
      }
      flush();
      i = j;
    }
  }
  return out;
}

/**
 * The cell around a point: the nearest rule on each side that spans the point's ray, or the table's
 * own edge where no rule does (a cell that spans rows across a page break has no bottom rule there).
 */
export function cellAround(x: number, y: number, hs: readonly Rule[], vs: readonly Rule[], table: Box): Box {
  let { top, bottom, left, right } = table;
  for (const h of hs) {
    if (x < h.x1 - SNAP || x > h.x2 + SNAP) continue;
    if (h.y1 <= y && h.y1 > top) top = h.y1;
    if (h.y1 > y && h.y1 < bottom) bottom = h.y1;
  }
  for (const v of vs) {
    if (y < v.y1 - SNAP || y > v.y2 + SNAP) continue;
    if (v.x1 <= x && v.x1 > left) left = v.x1;
    if (v.x1 > x && v.x1 < right) right = v.x1;
  }
  return { top, bottom, left, right };
}

const isLatinEnd = (s: string) => /[0-9A-Za-z.,%]$/u.test(s);
const isLatinStart = (s: string) => /^[0-9A-Za-z]/u.test(s);

/** A cell's items in reading order, its wrapped lines joined (CJK directly, words with a space). */
function cellText(items: readonly PlacedText[]): string {
  const sorted = [...items].sort((a, b) => (Math.abs(a.y - b.y) > Math.min(a.size, b.size) * 0.5 ? a.y - b.y : a.x - b.x));
  let text = '';
  let last: PlacedText | undefined;
  for (const item of sorted) {
    const t = item.text.trim();
    const sameLine = last && Math.abs(item.y - last.y) <= Math.min(item.size, last.size) * 0.5;
    const gap = last && sameLine ? item.x - (last.x + last.width) : 0;
    const space = text !== '' && ((isLatinEnd(text) && isLatinStart(t)) || (sameLine && gap > item.size * 0.5));
    text += (space ? ' ' : '') + t;
    last = item;
  }
  return text;
}

/** Sorted distinct values, those within SNAP of each other taken as one. */
function distinct(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out.at(-1)! > SNAP) out.push(v);
  return out;
}

/** Index of the last edge at or before v. */
const slot = (edges: readonly number[], v: number) => {
  let k = 0;
  while (k + 1 < edges.length && edges[k + 1]! <= v + SNAP) k++;
  return k;
};

/** Rules that cross or touch form one table: groups of horizontal and vertical rules, with their box. */
function ruleGroups(hs: readonly Rule[], vs: readonly Rule[]): { hs: Rule[]; vs: Rule[]; box: Box }[] {
  const all = [...hs, ...vs];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (v.x1 >= h.x1 - SNAP && v.x1 <= h.x2 + SNAP && h.y1 >= v.y1 - SNAP && h.y1 <= v.y2 + SNAP) parent[find(i)] = find(hs.length + j);
    }),
  );
  const groups = new Map<number, { hs: Rule[]; vs: Rule[] }>();
  all.forEach((r, i) => {
    const g = groups.get(find(i)) ?? { hs: [], vs: [] };
    (i < hs.length ? g.hs : g.vs).push(r);
    groups.set(find(i), g);
  });
  return [...groups.values()]
    .filter((g) => g.hs.length >= 2 && g.vs.length >= 2)
    .map((g) => ({
      ...g,
      // Rules may run past the outermost ones across them: a table continued from the page before
      // has no top rule over its first row, only its column rules.
      box: {
        top: Math.min(...g.hs.map((h) => h.y1), ...g.vs.map((v) => v.y1)),
        bottom: Math.max(...g.hs.map((h) => h.y1), ...g.vs.map((v) => v.y2)),
        left: Math.min(...g.vs.map((v) => v.x1), ...g.hs.map((h) => h.x1)),
        right: Math.max(...g.vs.map((v) => v.x1), ...g.hs.map((h) => h.x2)),
      },
    }));
}

/**
 * The ruled tables of a page and the items outside them. A table is a group of rules that cross; its
 * grid columns and rows are its rules' positions; each item belongs to the cell around its centre, and
 * a cell's text stands at the cell's top-left place of the grid (spanned places stay empty).
 */
export function ruledTables(items: readonly PlacedText[], rules: readonly Rule[]): { tables: RuledTable[]; rest: PlacedText[] } {
  const merged = mergeRules(rules);
  const hs = merged.filter(horizontal).filter((r) => r.x2 - r.x1 > SNAP * 2);
  const vs = merged.filter((r) => !horizontal(r)).filter((r) => r.y2 - r.y1 > SNAP * 2);
  const groups = ruleGroups(hs, vs);
  const rest: PlacedText[] = [];
  const cells = groups.map(() => new Map<string, { box: Box; items: PlacedText[] }>());
  for (const item of items) {
    // The middle of the glyphs: the baseline is at y, the glyphs stand above it.
    const x = item.x + item.width / 2;
    const y = item.y - item.size * 0.35;
    const t = groups.findIndex((g) => x > g.box.left && x < g.box.right && y > g.box.top && y < g.box.bottom);
    if (t < 0) {
      rest.push(item);
      continue;
    }
    const box = cellAround(x, y, groups[t]!.hs, groups[t]!.vs, groups[t]!.box);
    const key = `${box.top.toFixed(1)},${box.left.toFixed(1)}`;
    const cell = cells[t]!.get(key);
    if (cell) cell.items.push(item);
    else cells[t]!.set(key, { box, items: [item] });
  }
  const tables: RuledTable[] = [];
  groups.forEach((g, t) => {
    const found = [...cells[t]!.values()];
    if (found.length === 0) return;
    // A frame around one block of text (a boxed note) is no table: its text is prose.
    if (found.length < 2) {
      rest.push(...found[0]!.items);
      return;
    }
    const columns = distinct(g.vs.map((v) => v.x1)).slice(0, -1);
    const tops = distinct([g.box.top, ...g.hs.map((h) => h.y1)]);
    const rows = new Map<number, RuledRow>();
    for (const c of found.sort((a, b) => a.box.top - b.box.top)) {
      const r = slot(tops, c.box.top);
      const row = rows.get(r) ?? { top: c.box.top, left: g.box.left, fields: columns.map(() => '') };
      row.fields[slot(columns, c.box.left)] = cellText(c.items);
      // Columns a cell spans beside it are no fields of their own (as the Word and HTML grids write them).
      columns.forEach((x, k) => {
        if (x > c.box.left + SNAP && x < c.box.right - SNAP) row.fields[k] = SPANNED;
      });
      rows.set(r, row);
    }
    const ordered = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => ({ ...row, fields: row.fields.filter((f) => f !== SPANNED) }));
    tables.push({ box: g.box, rows: ordered });
  });
  return { tables, rest };
}
