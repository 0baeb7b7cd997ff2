import { describe, expect, it } from 'vitest';
import type { OutgoingRecord, ProducerPort } from '../../kafka/ports/producer';
import { runBurst } from './burst';

/** A producer whose first send is slow: concurrent sends would land after later ones. */
function slowFirstProducer() {
  const landed: number[] = [];
  let calls = 0;
  let active = 0;
  let maxActive = 0;
  const producer: ProducerPort = {
    topicConfig: async () => null,
    async produce(_topic, records) {
      const wait = calls++ === 0 ? 50 : 1;
      maxActive = Math.max(maxActive, ++active);
      await new Promise((r) => setTimeout(r, wait));
      active--;
      for (const r of records) landed.push(Number(r.key!.toString()));
      return [];
    },
    produceBatches: () => Promise.reject(new Error('a burst sends records, not encoded batches')),
  };
  return { producer, landed, maxActive: () => maxActive };
}

const plan = (ordered: boolean) => ({
  runId: 'r',
  topic: 't',
  total: 20,
  // Big values: a batch holds a few records, so the burst makes several sends.
  record: (seq: number): OutgoingRecord => ({ key: Buffer.from(String(seq)), value: 'x'.repeat(1_000_000), headers: [], partition: 0, timestamp: 0 }),
  ratePerSecond: null,
  ordered,
  options: { compression: 'none' as const, acks: 'all' as const },
  signal: new AbortController().signal,
  onProgress: () => undefined,
});

describe('a burst sent in order (an imported file)', () => {
  it('lands every record in file order: one send at a time', async () => {
    const run = slowFirstProducer();
    const summary = await runBurst(run.producer, plan(true));
    expect(summary.sent).toBe(20);
    expect(run.landed).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(run.maxActive()).toBe(1);
  });

  it('is what a templated burst does not promise (several sends in flight)', async () => {
    const run = slowFirstProducer();
    await runBurst(run.producer, plan(false));
    expect(run.maxActive()).toBeGreaterThan(1);
    expect(run.landed).not.toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
