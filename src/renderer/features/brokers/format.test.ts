import { describe, expect, it } from 'vitest';
import { capacity, countsNote, lastSeen } from './format';

const dir = (totalBytes: number | null, usableBytes: number | null) => ({ path: '/d', error: null, usedBytes: 0, replicaCount: 0, totalBytes, usableBytes });

describe('broker formatting', () => {
  it('sums capacity over distinct file systems and says nothing when unknown', () => {
    expect(capacity([dir(1024 ** 3, 512 * 1024 ** 2), dir(1024 ** 3, 512 * 1024 ** 2)])).toBe('512 MiB free of 1 GiB');
    expect(capacity([dir(1024 ** 3, 0), dir(2 * 1024 ** 3, 1024 ** 3)])).toBe('1 GiB free of 3 GiB');
    expect(capacity([dir(null, null)])).toBe('');
  });

  it('says how long ago a broker last answered', () => {
    expect(lastSeen({ lastSeenAt: 0 })).toBe('never answered');
    expect(lastSeen({ lastSeenAt: 10_000 }, 25_000)).toBe('last answered 15 s ago');
    expect(lastSeen({ lastSeenAt: 0 + 1 }, 1 + 5 * 60_000)).toBe('last answered 5 min ago');
  });

  it('marks an unreachable broker’s leaders and replicas as last known, or as the metadata’s when it never answered', () => {
    expect(countsNote({ nodeId: 1, status: 'online', lastSeenAt: 5 })).toBeNull();
    expect(countsNote({ nodeId: 3, status: 'unreachable', lastSeenAt: 10_000 })).toMatchObject({ label: 'last known', title: expect.stringMatching(/^Last known: as of when broker 3 last answered/) });
    expect(countsNote({ nodeId: 3, status: 'unreachable', lastSeenAt: 0 })).toMatchObject({ label: 'per metadata' });
  });
});
