import { describe, expect, it } from 'vitest';
import type { MessageDraft } from '../../../shared/api';
import { decodeRecordBatches } from '../../kafka/kafkajs/raw/record-batch-decode';
import { registerCompressionCodecs } from '../../kafka/kafkajs/codecs';
import { encodeRenderedBurst } from './burst-bytes';
import type { EncodedBlock } from './import-block';
import { messageFactory } from './message-factory';

type Row = [key: string | null, value: string | null, timestamp: string];

/** Each partition's records, decoded from a block's batches. */
async function decoded(block: EncodedBlock): Promise<Map<number, Row[]>> {
  const out = new Map<number, Row[]>();
  for (const [partition, batches, count] of block.partitions) {
    const records = (await Promise.all(batches.map((b) => decodeRecordBatches(b, partition, 0, [])))).flatMap((d) => d.records);
    expect(records).toHaveLength(count);
    out.set(partition, records.map((r) => [r.key?.toString() ?? null, r.value?.toString() ?? null, r.timestamp]));
  }
  return out;
}

/** What message-factory.ts builds for records from–to, grouped the same way. */
function built(draft: MessageDraft, partitions: number, from: number, to: number): Map<number, Row[]> {
  const build = messageFactory(draft, partitions);
  const out = new Map<number, Row[]>();
  for (let seq = from; seq <= to; seq++) {
    const r = build(seq);
    const text = (v: Buffer | string | null) => (v === null ? null : v.toString());
    out.set(r.partition, [...(out.get(r.partition) ?? []), [text(r.key), text(r.value), String(r.timestamp)]]);
  }
  return out;
}

const draft = (over: Partial<MessageDraft>): MessageDraft => ({ key: null, value: null, headers: [], partition: null, timestamp: 1_764_000_000_000, ...over }) as MessageDraft;

describe('a burst rendered straight into bytes', () => {
  registerCompressionCodecs();

  it('sends what message-factory builds: keys, values (UTF-8 literals and choices), partitions and times', async () => {
    const d = draft({
      key: { format: 'text', text: 'rider-{{seq}}-ü' },
      // A choice of 3,000 characters outgrows the arena's first size.
      value: { format: 'json', text: `{"seq": {{seq}}, "city": "Zürich ✓", "pick": "{{pick "é" "é"}}", "big": "{{pick "${'y'.repeat(3000)}"}}", "n": {{seq}}}` },
    });
    for (const compression of ['none', 'gzip'] as const) {
      const block = await encodeRenderedBurst(d, 5, 101, 1100, compression)!;
      expect(block.failures).toEqual([]);
      expect(await decoded(block)).toEqual(built(d, 5, 101, 1100));
    }
  });

  it('spreads null keys round-robin, keeps each partition in message order, and sends fixed bytes as they are', async () => {
    const d = draft({ key: null, value: { format: 'text', text: 'v{{seq}}' }, timestamp: null });
    const block = (await encodeRenderedBurst(d, 4, 1, 1000, 'none'))!;
    const rows = await decoded(block);
    expect([...rows.values()].map((r) => r.length).sort()).toEqual([250, 250, 250, 250]);
    for (const list of rows.values()) {
      const seqs = list.map(([, v]) => Number(v!.slice(1)));
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      // Round-robin: consecutive messages go to consecutive partitions.
      expect(new Set(seqs.map((s) => s % 4)).size).toBe(1);
      expect(list.every(([k, , t]) => k === null && Number(t) > 1_700_000_000_000)).toBe(true);
    }

    const fixed = draft({ key: { format: 'hex', text: '00ff 10' }, value: { format: 'base64', text: 'aGk=' }, partition: 2 });
    const one = (await encodeRenderedBurst(fixed, 3, 1, 10, 'none'))!;
    expect(one.partitions.map(([p, , n]) => [p, n])).toEqual([[2, 10]]);
    expect((await decodeRecordBatches(one.partitions[0]![1][0]!, 2, 0, [])).records.map((r) => [r.key?.toString('hex'), r.value?.toString()])).toEqual(Array(10).fill(['00ff10', 'hi']));
  });

  it('leaves to message-factory what it does not cover: headers, schemas, JSON that must be parsed per message, a split surrogate pair', () => {
    const value = { format: 'text' as const, text: '{{seq}}' };
    expect(encodeRenderedBurst(draft({ value, headers: [{ key: 'h', value: 'x' }] }), 1, 1, 2, 'none')).toBeNull();
    expect(encodeRenderedBurst(draft({ value: { format: 'schema', text: '{}', schema: { local: 'a.B' } } }), 1, 1, 2, 'none')).toBeNull();
    expect(encodeRenderedBurst(draft({ value: { format: 'json', text: '{"a": {{pick "x" "y"}}}' } }), 1, 1, 2, 'none')).toBeNull();
    expect(encodeRenderedBurst(draft({ value: { format: 'text', text: '\ud83d{{seq}}' } }), 1, 1, 2, 'none')).toBeNull();
    expect(encodeRenderedBurst(draft({ value: { format: 'text', text: 'x{{pick "\udc00" "a"}}' } }), 1, 1, 2, 'none')).toBeNull();
  });
});
