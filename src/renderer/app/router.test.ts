import { describe, expect, it } from 'vitest';
import { href } from './router';

describe('href', () => {
  it('encodes segments and drops empty params', () => {
    expect(href(['topics', 'a/b c'])).toBe('#/topics/a%2Fb%20c');
    expect(href(['messages', 'orders'], { partition: 2, offset: '15', q: '' })).toBe('#/messages/orders?partition=2&offset=15');
  });
});
