import { describe, expect, it } from 'vitest';
import { describeRetention, humanDuration, keptFor } from './retention';

const DAY = 86_400_000;
const GiB = 1024 ** 3;

describe('retention in human terms', () => {
  it('says durations the way people do', () => {
    expect(humanDuration(7 * DAY)).toBe('7 days');
    expect(humanDuration(DAY + 12 * 3_600_000)).toBe('1 day 12 hours');
    expect(humanDuration(3_600_000)).toBe('1 hour');
    expect(humanDuration(DAY + 30 * 60_000)).toBe('1 day 30 minutes');
    expect(humanDuration(1_500)).toBe('1.5 seconds');
    expect(humanDuration(250)).toBe('250 ms');
  });

  it('combines time and size limits, or says there is none', () => {
    expect(keptFor({ retentionMs: 7 * DAY, retentionBytes: GiB, cleanupPolicy: 'delete' })).toBe('Kept 7 days or until a partition reaches 1 GiB, whichever comes first');
    expect(keptFor({ retentionMs: 7 * DAY, retentionBytes: -1, cleanupPolicy: 'delete' })).toBe('Kept 7 days');
    expect(keptFor({ retentionMs: -1, retentionBytes: 512 * 1024 ** 2, cleanupPolicy: 'delete' })).toBe('Kept until a partition reaches 512 MiB');
    expect(keptFor({ retentionMs: -1, retentionBytes: -1, cleanupPolicy: 'delete' })).toBe('Kept forever');
    expect(keptFor({ retentionMs: 7 * DAY, retentionBytes: -1, cleanupPolicy: 'compact' })).toBe('Not deleted by age or size');
  });

  it('gives the whole summary with compaction and the oldest message', () => {
    const now = Date.UTC(2026, 10, 23, 14, 3);
    const text = describeRetention({ retentionMs: 7 * DAY, retentionBytes: GiB, cleanupPolicy: 'compact,delete', oldestTimestamp: now - 3 * DAY }, now);
    expect(text).toMatch(/^Kept 7 days or until a partition reaches 1 GiB, whichever comes first; compacted: yes .*; oldest message now: \d{4}-\d\d-\d\d \d\d:\d\d \(3 days ago\)$/);
    expect(describeRetention({ retentionMs: -1, retentionBytes: -1, cleanupPolicy: 'delete', oldestTimestamp: null }, now)).toBe('Kept forever; compacted: no; no messages now');
  });
});
