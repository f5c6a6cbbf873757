/**
 * What changed between two document bodies, path by path: added, removed, or changed with the old and
 * new values. Objects are compared member by member, arrays item by item (by index); a value whose type
 * changes (object to array, number to string) is one change at its path. Paths use the engine's
 * notation (`lines[3].amount.value`) so they read like the issues' paths.
 */
export type BodyChange =
  | { readonly kind: 'added'; readonly path: string; readonly value: unknown }
  | { readonly kind: 'removed'; readonly path: string; readonly value: unknown }
  | { readonly kind: 'changed'; readonly path: string; readonly old: unknown; readonly new: unknown };

export function diffBodies(a: unknown, b: unknown): BodyChange[] {
  const changes: BodyChange[] = [];
  walk(a, b, '', changes);
  return changes;
}

type Shape = 'array' | 'object' | 'scalar';
const shapeOf = (value: unknown): Shape => (Array.isArray(value) ? 'array' : value !== null && typeof value === 'object' ? 'object' : 'scalar');

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const member = (path: string, key: string): string => (IDENTIFIER.test(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`);

function walk(a: unknown, b: unknown, path: string, changes: BodyChange[]): void {
  const shape = shapeOf(a);
  if (shape !== shapeOf(b)) {
    changes.push({ kind: 'changed', path, old: a, new: b });
    return;
  }
  if (shape === 'scalar') {
    if (!Object.is(a, b)) changes.push({ kind: 'changed', path, old: a, new: b });
    return;
  }
  if (shape === 'array') {
    const left = a as unknown[];
    const right = b as unknown[];
    for (let index = 0; index < Math.max(left.length, right.length); index++) {
      const itemPath = `${path}[${index}]`;
      if (index >= right.length) changes.push({ kind: 'removed', path: itemPath, value: left[index] });
      else if (index >= left.length) changes.push({ kind: 'added', path: itemPath, value: right[index] });
      else walk(left[index], right[index], itemPath, changes);
    }
    return;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of Object.keys(left)) {
    if (!Object.hasOwn(right, key)) changes.push({ kind: 'removed', path: member(path, key), value: left[key] });
    else walk(left[key], right[key], member(path, key), changes);
  }
  for (const key of Object.keys(right)) {
    if (!Object.hasOwn(left, key)) changes.push({ kind: 'added', path: member(path, key), value: right[key] });
  }
}
