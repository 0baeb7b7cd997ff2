import { describe, expect, it } from 'vitest';
import { estimateText, parseReplicaList } from './format';

describe('reassignment formatting', () => {
  it('reads replica lists as typed', () => {
    expect(parseReplicaList('2, 1 3')).toEqual([2, 1, 3]);
    expect(parseReplicaList('')).toBeNull();
    expect(parseReplicaList('1,a')).toBeNull();
  });

  it('says estimates in a unit that reads well', () => {
    expect(estimateText(null)).toBe('—');
    expect(estimateText(42)).toBe('about 42 s');
    expect(estimateText(600)).toBe('about 10 min');
    expect(estimateText(7_200)).toBe('about 2.0 h');
  });
});
