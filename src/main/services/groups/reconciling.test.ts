import { describe, expect, it } from 'vitest';
import { sameAssignment } from './reconciling';

describe('sameAssignment', () => {
  it('compares partitions, not order', () => {
    expect(sameAssignment([{ topic: 'a', partitions: [1, 0] }, { topic: 'b', partitions: [2] }], [{ topic: 'b', partitions: [2] }, { topic: 'a', partitions: [0, 1] }])).toBe(true);
  });
  it('sees a member giving up or taking a partition', () => {
    expect(sameAssignment([{ topic: 'a', partitions: [0, 1] }], [{ topic: 'a', partitions: [0] }])).toBe(false);
    expect(sameAssignment([], [{ topic: 'a', partitions: [0] }])).toBe(false);
    expect(sameAssignment([{ topic: 'a', partitions: [] }], [])).toBe(true);
  });
});
