import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../../kafka/ports/messages';
import { recordRewriter, rewriteHeaders } from './rewrite-record';

const record = (over: Partial<RawRecord> = {}): RawRecord => ({
  partition: 2,
  offset: '7',
  timestamp: '1700000000000',
  timestampType: 'CreateTime',
  key: Buffer.from('k'),
  value: Buffer.from('v'),
  headers: [{ key: 'a', value: Buffer.from('1') }, { key: 'b', value: null }],
  ...over,
});
const base = { keepKey: true, keepHeaders: true, timestamp: 'original' as const, partitioning: 'same' as const, headers: [] };

describe('recordRewriter', () => {
  it('keeps everything by default: same partition, original time, headers (a null value as empty bytes)', () => {
    const r = recordRewriter({ sourceTopic: 's', targetTopic: 't', options: base, redrive: null });
    expect(r.rewrite(record(), () => 3)).toEqual({
      record: { topic: 't', partition: 2, key: Buffer.from('k'), value: Buffer.from('v'), headers: [{ key: 'a', value: Buffer.from('1') }, { key: 'b', value: Buffer.alloc(0) }], timestamp: 1700000000000 },
    });
  });

  it('refuses a partition the target lacks, and a topic it lacks', () => {
    const r = recordRewriter({ sourceTopic: 's', targetTopic: 't', options: base, redrive: null });
    expect(r.rewrite(record(), () => 2)).toEqual({ failed: 't has no partition 2 (it has 2)' });
    expect(r.rewrite(record(), () => undefined)).toEqual({ failed: 'Topic t does not exist on the target cluster' });
  });

  it('partitions by murmur2 of the key (Java’s values), round-robin for null keys', () => {
    const r = recordRewriter({ sourceTopic: 's', targetTopic: 't', options: { ...base, partitioning: 'key' }, redrive: null });
    // Kafka's UtilsTest vectors: murmur2("21") = -973932308, murmur2("foobar") = -790332482; toPositive, then % partitions.
    const at = (key: string, n: number) => (r.rewrite(record({ key: Buffer.from(key) }), () => n) as { record: { partition: number } }).record.partition;
    expect([at('21', 1000), at('foobar', 1000)]).toEqual([(-973932308 & 0x7fffffff) % 1000, (-790332482 & 0x7fffffff) % 1000]);
    const nulls = [0, 1, 2, 3].map(() => (r.rewrite(record({ key: null }), () => 3) as { record: { partition: number } }).record.partition);
    expect(nulls).toEqual([0, 1, 2, 0]);
  });

  it('takes a redrive’s topic from its header, marks the copy and skips a marked record', () => {
    const r = recordRewriter({ sourceTopic: 'dlq', targetTopic: null, options: base, redrive: { topicHeader: 'x-original-topic', marker: 'x-redriven' } });
    const rec = record({ partition: 0, headers: [{ key: 'x-original-topic', value: Buffer.from('orders') }] });
    const out = r.rewrite(rec, () => 1) as { record: { topic: string; headers: { key: string; value: Buffer }[] } };
    expect(out.record.topic).toBe('orders');
    expect(out.record.headers.map((h) => [h.key, h.value.toString()])).toEqual([['x-original-topic', 'orders'], ['x-redriven', 'dlq/0/7']]);
    expect(r.rewrite(record({ headers: [{ key: 'x-redriven', value: Buffer.from('x') }] }), () => 1)).toEqual({ skipped: 'already redriven (it carries x-redriven)' });
    expect(r.rewrite(record({ headers: [] }), () => 1)).toEqual({ failed: 'no x-original-topic header and no target topic chosen' });
    expect(r.rewrite(record({ headers: [{ key: 'x-original-topic', value: Buffer.from('bad topic!') }] }), () => 1)).toMatchObject({ failed: expect.stringMatching(/names no valid topic/) });
  });
});

describe('rewriteHeaders', () => {
  it('removes, sets (replacing every header of that key) and adds, in order', () => {
    const h = [{ key: 'a', value: Buffer.from('1') }, { key: 'a', value: Buffer.from('2') }, { key: 'b', value: Buffer.from('3') }];
    const out = rewriteHeaders(h, [{ op: 'set', key: 'a', value: 'x' }, { op: 'remove', key: 'b' }, { op: 'add', key: 'c', value: 'y' }]);
    expect(out.map((x) => [x.key, x.value.toString()])).toEqual([['a', 'x'], ['c', 'y']]);
  });
});
