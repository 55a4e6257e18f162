// Leaf paths of a JSON value (`applications.granted[3]`) and the value at such a path: for comparing a
// report against hand-checked values cell by cell.
export function leaves(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

export const valueAt = (obj: unknown, path: string): unknown =>
  path.split(/\.|(?=\[)/).reduce<unknown>((o, k) => {
    if (o == null) return undefined;
    const m = k.match(/^\[(\d+)\]$/);
    return m ? (o as unknown[])[Number(m[1])] : (o as Record<string, unknown>)[k];
  }, obj);
