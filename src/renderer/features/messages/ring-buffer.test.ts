import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('ring buffer', () => {
  it('keeps the newest items and counts what it dropped', () => {
    const ring = new RingBuffer<number>(5);
    ring.push([1, 2, 3]);
    expect(ring.toArray()).toEqual([1, 2, 3]);
    ring.push([4, 5, 6, 7]);
    expect(ring.toArray()).toEqual([3, 4, 5, 6, 7]);
    expect(ring.dropped).toBe(2);
    ring.push([8, 9, 10, 11, 12, 13, 14]);
    expect(ring.toArray()).toEqual([10, 11, 12, 13, 14]);
    expect(ring.dropped).toBe(9);
    expect(ring.size).toBe(5);
  });
  it('resizes keeping the newest, and clears', () => {
    const ring = new RingBuffer<number>(4);
    ring.push([1, 2, 3, 4]);
    ring.resize(2);
    expect(ring.toArray()).toEqual([3, 4]);
    expect(ring.dropped).toBe(2);
    ring.resize(3);
    ring.push([5]);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    ring.clear();
    expect(ring.toArray()).toEqual([]);
    expect(ring.dropped).toBe(0);
  });
});

describe('RingBuffer.pushConverted', () => {
  it('converts only the items it keeps, and counts the rest as dropped', () => {
    const ring = new RingBuffer<string>(3);
    const seen: number[] = [];
    ring.pushConverted([1, 2, 3, 4, 5], (n) => (seen.push(n), `#${n}`));
    expect(seen).toEqual([3, 4, 5]);
    expect(ring.toArray()).toEqual(['#3', '#4', '#5']);
    expect(ring.dropped).toBe(2);
  });
});

describe('RingBuffer with a weight budget', () => {
  it('drops the oldest to stay under the budget, always keeping the newest item', () => {
    const ring = new RingBuffer<string>(100, { weigh: (s) => s.length, maxWeight: 10 });
    ring.push(['aaaa', 'bbbb', 'cc']);
    expect(ring.toArray()).toEqual(['aaaa', 'bbbb', 'cc']);
    ring.push(['dddd']);
    expect(ring.toArray()).toEqual(['bbbb', 'cc', 'dddd']);
    expect(ring.dropped).toBe(1);
    ring.push(['x'.repeat(50)]);
    expect(ring.toArray()).toEqual(['x'.repeat(50)]);
    expect(ring.dropped).toBe(4);
    ring.push(['e', 'f']);
    expect(ring.toArray()).toEqual(['e', 'f']);
  });
});
