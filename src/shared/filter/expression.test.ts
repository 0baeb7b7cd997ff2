import { describe, expect, it } from 'vitest';
import { ExpressionError, matches, parseExpression, rootsOf, type ExpressionInput } from './expression';

function input(value: unknown, key: unknown = null, headers: Record<string, string | null> = {}): ExpressionInput {
  return { key: () => key, value: () => value, headers: () => headers, partition: 2, offset: '41', timestamp: '1700000000000' };
}
const test = (source: string, value: unknown, key?: unknown) => matches(parseExpression(source), input(value, key));

describe('filter expressions', () => {
  const order = { loc: 'SOUTH', amount: 150, paid: true, note: null, rider: { id: 'r-7', tags: ['fast', 'new'] }, items: [{ sku: 'A1' }] };

  it('compares strings, numbers, booleans and null', () => {
    expect(test('value.loc == "SOUTH"', order)).toBe(true);
    expect(test("value.loc == 'NORTH'", order)).toBe(false);
    expect(test('value.loc != "NORTH"', order)).toBe(true);
    expect(test('value.amount > 100', order)).toBe(true);
    expect(test('value.amount >= 150', order)).toBe(true);
    expect(test('value.amount < 150', order)).toBe(false);
    expect(test('value.amount <= -1.5e3', order)).toBe(false);
    expect(test('value.paid == true', order)).toBe(true);
    expect(test('value.note == null', order)).toBe(true);
    expect(test('value.missing == null', order)).toBe(false);
    expect(test('value.missing != "x"', order)).toBe(false);
  });

  it('combines with && and ||, ! and parentheses, && binding tighter', () => {
    expect(test('value.loc == "SOUTH" && value.amount > 100', order)).toBe(true);
    expect(test('value.loc == "NORTH" || value.amount > 100', order)).toBe(true);
    expect(test('value.loc == "NORTH" && value.amount > 100 || value.paid', order)).toBe(true);
    expect(test('value.loc == "NORTH" && (value.amount > 100 || value.paid)', order)).toBe(false);
    expect(test('!(value.amount > 100)', order)).toBe(false);
    expect(test('!value.missing', order)).toBe(true);
  });

  it('follows nested paths, indexes and key paths; reads partition, offset, timestamp', () => {
    expect(test('value.rider.id == "r-7"', order)).toBe(true);
    expect(test('value.items[0].sku == "A1"', order)).toBe(true);
    expect(test('value.items.0.sku == "A1"', order)).toBe(true);
    expect(test('value["rider"]["id"] == "r-7"', order)).toBe(true);
    expect(test('value.rider.tags contains "new"', order)).toBe(true);
    expect(test('value.rider.id matches "^r-\\\\d$"', order)).toBe(true);
    expect(test('key.region == "eu"', order, { region: 'eu' })).toBe(true);
    expect(test('key == "plain"', order, 'plain')).toBe(true);
    expect(test('partition == 2 && offset > 40 && timestamp >= 1700000000000', order)).toBe(true);
    expect(matches(parseExpression('headers.trace == "abc"'), input(order, null, { trace: 'abc' }))).toBe(true);
  });

  it('treats numeric strings as numbers when compared with a number', () => {
    expect(test('value.n == 42', { n: '42' })).toBe(true);
    expect(test('value.n > 40', { n: '42' })).toBe(true);
    expect(test('value.n > 40', { n: 'abc' })).toBe(false);
  });

  it('never reaches the prototype or anything outside the message', () => {
    expect(test('value.constructor != null', {})).toBe(false);
    expect(test('value.__proto__ == null', {})).toBe(false);
    expect(() => parseExpression('process.exit(1)')).toThrow(ExpressionError);
    expect(() => parseExpression('value.a = 1')).toThrow(/Use == to compare/);
  });

  it('says what it expected and where', () => {
    expect(() => parseExpression('value.loc ==')).toThrow('Expected a value, a path like value.field, or (, found the end (at column 13)');
    expect(() => parseExpression('value.loc == "SOUTH')).toThrow('Unclosed string (at column 14)');
    expect(() => parseExpression('(value.a > 1')).toThrow(/Expected \)/);
    expect(() => parseExpression('value.a > 1 and value.b')).toThrow(/Use && and \|\| to combine/);
    expect(() => parseExpression('value.a matches "("')).toThrow(/Bad regular expression/);
    expect(() => parseExpression('')).toThrow(/Empty expression/);
    expect(() => parseExpression('amount > 1')).toThrow(/Unknown name "amount": paths start with key, value/);
  });

  it('lists the roots it reads, so only those are parsed', () => {
    expect([...rootsOf(parseExpression('value.a == 1 || !(key.b > 2)'))].sort()).toEqual(['key', 'value']);
    expect([...rootsOf(parseExpression('partition == 1'))]).toEqual(['partition']);
  });
});
