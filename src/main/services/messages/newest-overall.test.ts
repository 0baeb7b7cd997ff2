import { describe, expect, it } from 'vitest';
import type { WireMessage } from '../../../shared/api/message-wire';
import { NewestOverall } from './newest-overall';

const wire = (partition: number, offset: number): WireMessage => [partition, String(offset), '0', 0, null, null, []];

describe('the newest N messages overall', () => {
  it('keeps the N newest by time across partitions, and only the matches among them', () => {
    const newest = new NewestOverall(3);
    // Partition 0 is busy and recent; partition 1 wrote long ago; partition 2 in between.
    for (let o = 0; o < 5; o++) newest.offer(1_000 + o, 0, o, o % 2 === 0 ? wire(0, o) : null);
    newest.offer(10, 1, 0, wire(1, 0));
    newest.offer(1_002, 2, 7, wire(2, 7));
    // Newest three: p0/4 (1004, matches), p0/3 (1003, does not), then p0/2 and p2/7 tie at 1002: partition order keeps p0/2.
    expect(newest.matches()).toEqual([wire(0, 4), wire(0, 2)]);
  });

  it('stays bounded however much is offered', () => {
    const newest = new NewestOverall(10);
    for (let i = 0; i < 10_000; i++) newest.offer(i, i % 7, i, wire(i % 7, i));
    expect(newest.matches().map((m) => Number(m[1]))).toEqual([9999, 9998, 9997, 9996, 9995, 9994, 9993, 9992, 9991, 9990]);
  });
});
