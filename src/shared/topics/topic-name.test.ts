import { describe, expect, it } from 'vitest';
import { checkTopicName } from './topic-name';

describe('checkTopicName', () => {
  it('accepts a plain name', () => {
    expect(checkTopicName('orders-v2', ['orders'])).toEqual({ error: null, warning: null });
  });

  it('refuses what Kafka refuses, with its reason', () => {
    expect(checkTopicName('', []).error).toMatch(/empty/);
    expect(checkTopicName('a b', []).error).toMatch(/letters, digits/);
    expect(checkTopicName('x'.repeat(250), []).error).toMatch(/249/);
    expect(checkTopicName('..', []).error).toMatch(/"\." or "\.\."/);
    expect(checkTopicName('orders', ['orders']).error).toMatch(/already exists/);
  });

  it('refuses a "." / "_" collision and names the existing topic', () => {
    expect(checkTopicName('rider.updates', ['rider_updates']).error).toMatch(/collides with the existing topic “rider_updates”/);
  });

  it('warns about a name that mixes "." and "_"', () => {
    const check = checkTopicName('a.b_c', []);
    expect(check.error).toBeNull();
    expect(check.warning).toMatch(/mixes/);
  });
});
