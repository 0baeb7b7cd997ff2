/**
 * The small JSON path masking rules use: `$.customer.email`, `customer.email`, `items[*].card`,
 * `items[0].card`, `["odd key"]`, `*` for any field and `..email` for a field at any depth.
 * Hand-written on purpose: JSONPath libraries evaluate filter scripts, which a rule never needs.
 */
export type PathStep = { kind: 'name'; name: string } | { kind: 'index'; index: number } | { kind: 'any' } | { kind: 'deep'; name: string };

export class JsonPathError extends Error {}

export function parseJsonPath(source: string): PathStep[] {
  let s = source.trim();
  if (s.startsWith('$')) s = s.slice(1);
  const steps: PathStep[] = [];
  let i = 0;
  const name = () => {
    const m = /^[^.[\]]+/.exec(s.slice(i));
    if (!m) throw new JsonPathError(`a field name is missing at character ${i + 1} of "${source}"`);
    i += m[0].length;
    return m[0];
  };
  while (i < s.length) {
    if (s.startsWith('..', i)) {
      i += 2;
      steps.push({ kind: 'deep', name: name() });
    } else if (s[i] === '.' || (i === 0 && s[i] !== '[')) {
      if (s[i] === '.') i++;
      const n = name();
      steps.push(n === '*' ? { kind: 'any' } : { kind: 'name', name: n });
    } else if (s[i] === '[') {
      const close = s.indexOf(']', i);
      if (close < 0) throw new JsonPathError(`"[" without "]" in "${source}"`);
      const inner = s.slice(i + 1, close).trim();
      i = close + 1;
      if (inner === '*') steps.push({ kind: 'any' });
      else if (/^\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else if (/^(['"]).*\1$/.test(inner)) steps.push({ kind: 'name', name: inner.slice(1, -1) });
      else throw new JsonPathError(`"[${inner}]" is neither an index, * nor a quoted name`);
    } else {
      throw new JsonPathError(`unexpected "${s[i]}" at character ${i + 1} of "${source}"`);
    }
  }
  if (steps.length === 0) throw new JsonPathError('the path names no field');
  return steps;
}

/** What a rule makes of a value found at a path: a new value, or DROP to remove the field. */
export const DROP = Symbol('drop');
export type Rewrite = (value: unknown) => unknown;

/** Rewrites, in place, every value `steps` reach in `doc`; returns how many it rewrote. */
export function rewriteAtPath(doc: unknown, steps: readonly PathStep[], rewrite: Rewrite): number {
  return walk(doc, steps, 0, rewrite);
}

function walk(node: unknown, steps: readonly PathStep[], at: number, rewrite: Rewrite): number {
  if (node === null || typeof node !== 'object') return 0;
  const step = steps[at]!;
  const last = at === steps.length - 1;
  const container = node as Record<string, unknown> | unknown[];
  const visit = (key: string | number): number => {
    const child = (container as Record<string | number, unknown>)[key];
    if (child === undefined) return 0;
    if (!last) return walk(child, steps, at + 1, rewrite);
    const next = rewrite(child);
    if (next === DROP) {
      if (Array.isArray(container)) container[key as number] = null;
      else delete (container as Record<string, unknown>)[key as string];
    } else (container as Record<string | number, unknown>)[key] = next;
    return 1;
  };
  switch (step.kind) {
    case 'name':
      return Array.isArray(container) || !Object.hasOwn(container, step.name) ? 0 : visit(step.name);
    case 'index':
      return Array.isArray(container) && step.index < container.length ? visit(step.index) : 0;
    case 'any': {
      const keys = Array.isArray(container) ? container.map((_, k) => k) : Object.keys(container);
      return keys.reduce<number>((n, k) => n + visit(k), 0);
    }
    case 'deep': {
      // The field here, then the same search below every child (not below what was just rewritten).
      let n = 0;
      if (!Array.isArray(container) && Object.hasOwn(container, step.name)) n += visit(step.name);
      for (const [k, child] of Object.entries(container)) {
        if (!Array.isArray(container) && k === step.name) continue;
        n += walk(child, steps, at, rewrite);
      }
      return n;
    }
  }
}
