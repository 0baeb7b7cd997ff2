import { describe, expect, it } from 'vitest';
import { DROP, parseJsonPath, rewriteAtPath } from './json-path';

const mask = () => '****';

describe('json paths of masking rules', () => {
  it('reads dotted, indexed, quoted, wildcard and deep paths', () => {
    expect(parseJsonPath('$.customer.email')).toEqual([
      { kind: 'name', name: 'customer' },
      { kind: 'name', name: 'email' },
    ]);
    expect(parseJsonPath('items[*].card')).toEqual([{ kind: 'name', name: 'items' }, { kind: 'any' }, { kind: 'name', name: 'card' }]);
    expect(parseJsonPath('a[2]["odd key"]')).toEqual([
      { kind: 'name', name: 'a' },
      { kind: 'index', index: 2 },
      { kind: 'name', name: 'odd key' },
    ]);
    expect(parseJsonPath('..email')).toEqual([{ kind: 'deep', name: 'email' }]);
    expect(() => parseJsonPath('a[x')).toThrow(/without/);
    expect(() => parseJsonPath('$')).toThrow(/no field/);
  });

  it('rewrites what the path reaches and nothing else', () => {
    const doc = { customer: { email: 'a@b.c', name: 'Ann' }, items: [{ card: '4111' }, { card: '5500' }], other: { email: 'x@y.z' } };
    expect(rewriteAtPath(doc, parseJsonPath('customer.email'), mask)).toBe(1);
    expect(rewriteAtPath(doc, parseJsonPath('items[*].card'), () => DROP)).toBe(2);
    expect(doc).toEqual({ customer: { email: '****', name: 'Ann' }, items: [{}, {}], other: { email: 'x@y.z' } });
  });

  it('finds a field at any depth with ..', () => {
    const doc = { email: 'top', nested: [{ email: 'deep', more: { email: 'deeper' } }] };
    expect(rewriteAtPath(doc, parseJsonPath('..email'), mask)).toBe(3);
    expect(JSON.stringify(doc)).not.toMatch(/top|deep/);
  });
});
