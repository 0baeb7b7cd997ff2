import { describe, expect, it } from 'vitest';
import { MaskingRule, type MaskingRuleInput } from '../../../shared/api/masking';
import type { RawRecord } from '../../kafka/ports/messages';
import { CompiledRules } from './record-masker';

const rules = (...input: MaskingRuleInput[]) => new CompiledRules(input.map((r) => MaskingRule.parse(r)), 'k3y');
const record = (value: string, key: string | null = null, headers: Record<string, string> = {}): RawRecord => ({
  partition: 0,
  offset: '0',
  timestamp: '0',
  timestampType: 'CreateTime',
  key: key === null ? null : Buffer.from(key),
  value: Buffer.from(value),
  headers: Object.entries(headers).map(([k, v]) => ({ key: k, value: Buffer.from(v) })),
});
const text = (b: Buffer | null) => b?.toString('utf8');

describe('masking a record', () => {
  it('applies only to topics its pattern matches, and costs nothing elsewhere', () => {
    const compiled = rules({ topic: 'orders*', kind: 'field', pattern: 'email' });
    expect(compiled.forTopic('payments', false)).toBeNull();
    expect(compiled.forTopic('orders-eu', false)).not.toBeNull();
  });

  it('masks, drops or hashes fields of JSON values and keys', () => {
    const mask = rules(
      { topic: '*', kind: 'field', pattern: 'customer.email', action: 'mask' },
      { topic: '*', kind: 'field', pattern: 'card', action: 'drop' },
      { topic: '*', kind: 'field', pattern: 'customer.name', action: 'hash' },
    ).forTopic('t', false)!;
    const { record: out } = mask(record('{"customer":{"email":"ann@example.com","name":"Ann"},"card":"4111"}', '{"customer":{"email":"k@example.com"}}'), null);
    const value = JSON.parse(text(out.value)!) as { customer: { email: string; name: string }; card?: string };
    expect(value.customer.email).toBe('****');
    expect(value.card).toBeUndefined();
    expect(value.customer.name).toMatch(/^hash:[0-9a-f]{16}$/);
    expect(text(out.key)).toBe('{"customer":{"email":"****"}}');
  });

  it('keeps int64 and long decimals exact in what it rewrites', () => {
    const mask = rules({ topic: '*', kind: 'field', pattern: 'email' }).forTopic('t', false)!;
    const out = mask(record('{"id":9007199254740993,"amount":12345678901234567.891,"email":"a@b.c","n":1.5}'), null).record;
    expect(text(out.value)).toBe('{"id":9007199254740993,"amount":12345678901234567.891,"email":"****","n":1.5}');
  });

  it('hashes equal values alike, and differently under another key', () => {
    const rule = { topic: '*', kind: 'field', pattern: 'id', action: 'hash' } as const;
    const a = rules(rule).forTopic('t', false)!;
    const b = new CompiledRules([MaskingRule.parse(rule)], 'other').forTopic('t', false)!;
    const h = (m: typeof a, v: string) => text(m(record(v), null).record.value);
    expect(h(a, '{"id":"x"}')).toBe(h(a, '{"id":"x"}'));
    expect(h(a, '{"id":"x"}')).not.toBe(h(a, '{"id":"y"}'));
    expect(h(a, '{"id":"x"}')).not.toBe(h(b, '{"id":"x"}'));
  });

  it('replaces regex matches in keys, values and header values', () => {
    const mask = rules({ topic: '*', kind: 'regex', pattern: '[a-z]+@[a-z.]+' }).forTopic('t', false)!;
    const { record: out } = mask(record('mail ann@example.com now', 'bob@x.org', { from: 'eve@y.net' }), null);
    expect(text(out.value)).toBe('mail **** now');
    expect(text(out.key)).toBe('****');
    expect(text(out.headers[0]!.value)).toBe('****');
  });

  it('masks the text runs of binary keys, values and headers, keeping the other bytes', () => {
    const mask = rules({ topic: '*', kind: 'regex', pattern: '[a-z]+@[a-z.]+' }, { topic: '*', kind: 'field', pattern: 'email' }).forTopic('t', false)!;
    const bin = (text: string) => Buffer.concat([Buffer.from([0x00, 0xff]), Buffer.from(text), Buffer.from([0x9f])]);
    const r: RawRecord = { ...record(''), key: bin('k ann@example.com'), value: bin('{"email":"bob@x.org"}'), headers: [{ key: 'h', value: bin('eve@y.net') }] };
    const { record: out } = mask(r, null);
    expect(out.key).toEqual(bin('k ****'));
    expect(out.value).toEqual(bin('{"email":"****"}'));
    expect(out.headers[0]!.value).toEqual(bin('****'));
  });

  it('keeps screen-share-only rules for screen-share mode', () => {
    const compiled = rules({ topic: '*', kind: 'regex', pattern: 'secret', onlyWhenSharing: true });
    expect(compiled.forTopic('t', false)).toBeNull();
    expect(text(compiled.forTopic('t', true)!(record('a secret'), null).record.value)).toBe('a ****');
  });

  it('leaves a record it has nothing to hide as it was', () => {
    const mask = rules({ topic: '*', kind: 'field', pattern: 'email' }).forTopic('t', false)!;
    const r = record('{"other":1}');
    expect(mask(r, null).record).toBe(r);
  });
});
