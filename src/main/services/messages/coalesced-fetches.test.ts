import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { KafkaClient } from '../../kafka/client';
import type { PartitionChunk } from '../../kafka/ports/messages';
import { coalescedFetches } from './coalesced-fetches';

/** A client whose readChunks records what it was asked and answers each partition from `answer`. */
function fakeClient(answer: (partition: number, offset: string) => PartitionChunk) {
  const calls: { partition: number; offset: string }[][] = [];
  const client = {
    readChunks: async (_topic: string, positions: { partition: number; offset: string }[]) => {
      calls.push(positions);
      return positions.map((p) => answer(p.partition, p.offset));
    },
  } as unknown as KafkaClient;
  return { client, calls };
}

const chunk = (offset: string): PartitionChunk => ({ records: [], nextOffset: String(Number(offset) + 10), highWatermark: '100' });

describe('coalescedFetches', () => {
  it('sends the partitions asked for in the same turn as one fetch, and hands each its own chunk', async () => {
    const { client, calls } = fakeClient((_, offset) => chunk(offset));
    const read = coalescedFetches(client, 't', 1024);
    const chunks = await Promise.all([read(0, '0'), read(1, '5'), read(2, '7')]);
    expect(calls).toEqual([
      [
        { partition: 0, offset: '0' },
        { partition: 1, offset: '5' },
        { partition: 2, offset: '7' },
      ],
    ]);
    expect(chunks.map((c) => c.nextOffset)).toEqual(['10', '15', '17']);
  });

  it('fails only the partition whose chunk carries an error', async () => {
    const error = new AppError({ name: 'KafkaProtocolError', code: 'LEADER_NOT_AVAILABLE', message: 'no leader', retriable: true });
    const { client } = fakeClient((partition, offset) => (partition === 1 ? { ...chunk(offset), error } : chunk(offset)));
    const read = coalescedFetches(client, 't', 1024);
    const [a, b] = await Promise.allSettled([read(0, '0'), read(1, '0')]);
    expect(a.status).toBe('fulfilled');
    expect(b).toEqual({ status: 'rejected', reason: error });
  });

  it('puts at most 4 MB worth of partitions in a fetch, and a partition asked twice in a later one', async () => {
    const { client, calls } = fakeClient((_, offset) => chunk(offset));
    const read = coalescedFetches(client, 't', 256 * 1024);
    await Promise.all([...Array.from({ length: 20 }, (_, p) => read(p, '0')), read(3, '50')]);
    expect(calls.map((c) => c.length)).toEqual([16, 5]);
    expect(calls[1]).toContainEqual({ partition: 3, offset: '50' });
    expect(new Set(calls[0]!.map((p) => p.partition)).size).toBe(16);
  });
});

describe('coalescedFetches and big record batches', () => {
  it('asks again alone for a partition that got nothing in a shared fetch while it has more (a batch over the per-partition bytes)', async () => {
    const { client, calls } = fakeClient((partition, offset) => (partition === 1 ? { records: [], nextOffset: offset, highWatermark: '100' } : chunk(offset)));
    const alone: number[] = [];
    (client as unknown as { readChunk: (t: string, p: number, o: string) => Promise<PartitionChunk> }).readChunk = async (_t, p, o) => {
      alone.push(p);
      return { ...chunk(o), nextOffset: '42' };
    };
    const read = coalescedFetches(client, 't', 1024);
    const [, second] = await Promise.all([read(0, '0'), read(1, '0')]);
    expect(calls).toHaveLength(1);
    expect(alone).toEqual([1]);
    expect(second.nextOffset).toBe('42');
  });
});
