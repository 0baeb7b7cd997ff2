import { describe, expect, it } from 'vitest';
import { CompactWriter } from '../../kafka/kafkajs/raw/compact-wire';
import { decodeApiVersions } from '../../kafka/kafkajs/raw/api-versions';
import { releaseForMaxLevel, summarizeVersions } from './kafka-versions';
import { rates } from './throughput-sampler';

const sample = (at: number, highs: Record<string, number>, topics = Object.keys(highs).map((k) => k.split('/')[0]!)) => ({
  at,
  highs: new Map(Object.entries(highs).map(([k, v]) => [k.replace('/', '\u0000'), BigInt(v)])),
  topics: new Set(topics),
});

describe('throughput from offset deltas', () => {
  it('divides each topic’s growth by the time between samples, busiest first', () => {
    const r = rates(sample(0, { 'a/0': 10, 'a/1': 5, 'b/0': 0, 'c/0': 7 }), sample(2_000, { 'a/0': 30, 'a/1': 5, 'b/0': 100, 'c/0': 7 }));
    expect(r.topics).toEqual([
      { topic: 'b', messagesPerSecond: 50 },
      { topic: 'a', messagesPerSecond: 10 },
    ]);
    expect(r).toMatchObject({ windowMs: 2_000, totalPerSecond: 60, topicCount: 3 });
  });

  it('counts a re-created topic (offsets back to 0) and a new partition as no traffic, never negative', () => {
    const r = rates(sample(0, { 'a/0': 500 }), sample(1_000, { 'a/0': 3, 'a/1': 9 }));
    expect(r.topics).toEqual([]);
    expect(r.totalPerSecond).toBe(0);
  });

  it('counts everything in a topic created since the earlier sample, but not a known topic whose read failed then', () => {
    const r = rates(sample(0, { 'a/0': 5 }, ['a', 'b']), sample(2_000, { 'a/0': 5, 'b/0': 40, 'new/0': 300, 'new/1': 100 }));
    expect(r.topics).toEqual([{ topic: 'new', messagesPerSecond: 200 }]);
  });
});

describe('Kafka versions from ApiVersions', () => {
  it('decodes the feature tags of an ApiVersions v3/v4 body', () => {
    const supported = new CompactWriter()
      .compactArray([['metadata.version', 7, 27] as const, ['kraft.version', 0, 1] as const], ([n, min, max], w) => w.compactString(n).int16(min).int16(max).tags())
      .build();
    const epoch = new CompactWriter().int64('12').build();
    const finalized = new CompactWriter().compactArray([['metadata.version', 27, 27] as const], ([n, max, min], w) => w.compactString(n).int16(max).int16(min).tags()).build();
    const w = new CompactWriter()
      .int16(0)
      .compactArray([18, 3], (key, x) => x.int16(key).int16(0).int16(4).tags())
      .int32(0)
      .uvarint(3);
    const parts = [w.build()];
    for (const [tag, bytes] of [[0, supported], [1, epoch], [2, finalized]] as const) parts.push(new CompactWriter().uvarint(tag).uvarint(bytes.length).build(), bytes);
    const result = decodeApiVersions(Buffer.concat(parts));
    expect(result).toEqual({
      errorCode: 0,
      apiCount: 2,
      supportedFeatures: [
        { name: 'metadata.version', minVersion: 7, maxVersion: 27 },
        { name: 'kraft.version', minVersion: 0, maxVersion: 1 },
      ],
      finalizedFeaturesEpoch: 12,
      finalizedFeatures: [{ name: 'metadata.version', level: 27, minLevel: 27 }],
    });
  });

  it('names each broker’s release from the newest metadata.version it supports, and flags a mixed cluster', () => {
    const broker = (nodeId: number, max: number, level: number, epoch: number) => ({
      nodeId,
      reachable: true,
      error: null,
      apiCount: 80,
      supported: [{ name: 'metadata.version', minVersion: 7, maxVersion: max }],
      finalized: [{ name: 'metadata.version', level, minLevel: level }],
      finalizedEpoch: epoch,
    });
    const v = summarizeVersions([broker(1, 25, 21, 5), broker(2, 27, 21, 6), { nodeId: 3, reachable: false, error: 'timeout', apiCount: 0, supported: [], finalized: [], finalizedEpoch: -1 }]);
    expect(v.brokers.map((b) => b.release)).toEqual(['4.0', '4.1', null]);
    expect(v.releases).toEqual(['4.0', '4.1']);
    expect(v.features).toEqual([{ name: 'metadata.version', level: 21, levelName: '3.9-IV0', maxSupported: 25 }]);
  });

  it('knows the releases the test clusters run: 3.9 and 4.4 (the default)', () => {
    expect(releaseForMaxLevel(21)).toBe('3.9');
    expect(releaseForMaxLevel(33)).toBe('4.4');
    expect(releaseForMaxLevel(30)).toBe('4.3');
  });
});
