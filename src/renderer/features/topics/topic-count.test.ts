import { describe, expect, it } from 'vitest';
import { topicCount } from './topic-count';

describe('topic count', () => {
  it('says "1 topic", not "1 topics"', () => {
    expect(topicCount(1)).toBe('1 topic');
    expect(topicCount(0)).toBe('0 topics');
    expect(topicCount(5000)).toBe('5,000 topics');
  });
});
