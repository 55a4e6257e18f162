// What both PDF readers (the fast one and PDFium) make of the characters and paths they find: runs of
// touching characters on one baseline as text items, and axis-aligned path edges as rules. One copy,
// so the two readers cannot drift apart.
import type { PlacedText } from '../pdf.ts';
import type { Rule } from '../ruled.ts';

/** An affine matrix [a b c d e f] (x' = a x + c y + e, y' = b x + d y + f). */
export type Matrix = number[];

/** a then b (row vectors: a point is transformed by a first). */
export const multiply = (a: Matrix, b: Matrix): Matrix => [
  a[0]! * b[0]! + a[1]! * b[2]!,
  a[0]! * b[1]! + a[1]! * b[3]!,
  a[2]! * b[0]! + a[3]! * b[2]!,
  a[2]! * b[1]! + a[3]! * b[3]!,
  a[4]! * b[0]! + a[5]! * b[2]! + b[4]!,
  a[4]! * b[1]! + a[5]! * b[3]! + b[5]!,
];

/** multiply([1, 0, 0, 1, x, y], m), the same sums (so the same bits), without the first matrix made (Td: once a glyph in Chromium's PDFs). */
export const translate = (x: number, y: number, m: Matrix): Matrix => [
  1 * m[0]! + 0 * m[2]!,
  1 * m[1]! + 0 * m[3]!,
  0 * m[0]! + 1 * m[2]!,
  0 * m[1]! + 1 * m[3]!,
  x * m[0]! + y * m[2]! + m[4]!,
  x * m[1]! + y * m[3]! + m[5]!,
];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/**
 * Characters into text items: characters on one baseline that touch, joined (readers report characters
 * one by one, and not always in reading order: Chromium's PDFs interleave them).
 */
export function joinRuns(chars: PlacedText[]): PlacedText[] {
  chars.sort((a, b) => a.y - b.y || a.x - b.x);
  const items: PlacedText[] = [];
  let run: PlacedText | null = null;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const joins = run && c.text !== ' ' && run.text.at(-1) !== ' ' && Math.abs(run.y - c.y) < c.size * 0.2 && Math.abs(c.x - (run.x + run.width)) < c.size * 0.3;
    if (run && joins) {
      run.text += c.text;
      run.width = Math.max(run.width, c.x + c.width - run.x);
      run.size = Math.max(run.size, c.size);
    } else {
      if (run && run.text.trim() !== '') items.push(run);
      run = { ...c };
    }
  }
  if (run && run.text.trim() !== '') items.push(run);
  return items;
}

/** A character's text as an item holds it: a space the document prints stays as a gap (it keeps two figures apart). */
export const charText = (ch: string): string => (/^[\s\u0000]*$/u.test(ch) ? ' ' : ch);

export interface Subpath {
  /** Every point of the subpath in device space, curve control points too. */
  points: [number, number][];
  curved: boolean;
}

/** Axis-aligned edges of a painted path: each straight segment that is level or plumb, thin filled rectangles as lines. */
export function subpathRules(subpaths: readonly Subpath[], stroke: boolean): Rule[] {
  const rules: Rule[] = [];
  for (let s = 0; s < subpaths.length; s++) {
    const { points, curved } = subpaths[s]!;
    // A curve (a rounded corner, a seal): no rule.
    if (points.length < 2 || curved) continue;
    if (!stroke) {
      // The extremes folded as Math.min(...xs) folds them (so -0 and NaN alike), no arrays made:
      // a Chromium PDF fills ~800 rectangles.
      let x1 = Infinity;
      let x2 = -Infinity;
      let y1 = Infinity;
      let y2 = -Infinity;
      for (let i = 0; i < points.length; i++) {
        const [x, y] = points[i]!;
        x1 = Math.min(x1, x);
        x2 = Math.max(x2, x);
        y1 = Math.min(y1, y);
        y2 = Math.max(y2, y);
      }
      if (y2 - y1 < 3 && x2 - x1 > 3) rules.push({ x1, x2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 });
      else if (x2 - x1 < 3 && y2 - y1 > 3) rules.push({ x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1, y2 });
      continue;
    }
    // Each edge, the closing one too.
    for (let k = 1; k <= points.length; k++) {
      const [ax, ay] = points[k - 1]!;
      const [bx, by] = points[k % points.length]!;
      if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) > 1) rules.push({ x1: Math.min(ax, bx), x2: Math.max(ax, bx), y1: ay, y2: ay });
      else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) > 1) rules.push({ x1: ax, x2: ax, y1: Math.min(ay, by), y2: Math.max(ay, by) });
    }
  }
  return rules;
}
