import { describe, expect, it } from 'vitest';
import { compileTemplate, templateProblem } from './template';

const fixed = (value: number) => () => value;

describe('templates', () => {
  it('leaves text without placeholders alone', () => {
    const t = compileTemplate('{"a": 1}');
    expect(t.dynamic).toBe(false);
    expect(t.render({ seq: 1 })).toBe('{"a": 1}');
  });

  it('renders every placeholder', () => {
    const now = () => new Date('2026-11-25T10:00:00.000Z');
    const t = compileTemplate('{{seq}}|{{int 1 100}}|{{float 12.9 13.1}}|{{pick "NORTH" "SOUTH" "EAST"}}|{{now}}|{{timestamp}}|{{bool}}');
    expect(t.render({ seq: 7, random: fixed(0), now })).toBe('7|1|12.90|NORTH|2026-11-25T10:00:00.000Z|1795600800000|true');
    expect(t.render({ seq: 8, random: fixed(0.999999), now })).toBe('8|100|13.10|EAST|2026-11-25T10:00:00.000Z|1795600800000|false');
  });

  it('makes distinct uuids and names from the list', () => {
    const t = compileTemplate('{{uuid}}');
    const a = t.render({ seq: 1 });
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(t.render({ seq: 2 })).not.toBe(a);
    expect(compileTemplate('{{name}}').render({ seq: 1, random: fixed(0) })).toBe('Master Chief');
  });

  it('keeps quoted values with spaces and stays within int bounds', () => {
    expect(compileTemplate('{{pick "a b" "c"}}').render({ seq: 1, random: fixed(0) })).toBe('a b');
    const t = compileTemplate('{{int 1 3}}');
    const seen = new Set(Array.from({ length: 300 }, (_, i) => t.render({ seq: i })));
    expect([...seen].sort()).toEqual(['1', '2', '3']);
  });

  it('names what is wrong', () => {
    expect(templateProblem('{{nope}}')).toContain('unknown placeholder {{nope}}');
    expect(templateProblem('{{int 5}}')).toContain('expected a number');
    expect(templateProblem('{{int 5 1}}')).toContain('max is below min');
    expect(templateProblem('{{pick}}')).toContain('at least one value');
    expect(templateProblem('plain {{seq}}')).toBeNull();
  });
});
