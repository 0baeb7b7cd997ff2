import { describe, expect, it } from 'vitest';
import { BrokerAddress, splitBrokerList, TopicName } from './common';

describe('contract schemas', () => {
  it('accepts host:port addresses, including IPv6 in brackets', () => {
    for (const ok of ['localhost:9092', '127.0.0.1:1', 'b-1.msk.eu-west-1.amazonaws.com:9096', '[::1]:9092']) {
      expect(BrokerAddress.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['localhost', ':9092', 'host:0', 'host:70000', 'ho st:9092', 'http://host:9092']) {
      expect(BrokerAddress.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('splits a typed bootstrap list on commas and spaces', () => {
    expect(splitBrokerList(' a:1, b:2  c:3,,')).toEqual(['a:1', 'b:2', 'c:3']);
  });

  it('validates topic names as Kafka does', () => {
    expect(TopicName.safeParse('orders.v1_x-y').success).toBe(true);
    expect(TopicName.safeParse('a'.repeat(249)).success).toBe(true);
    expect(TopicName.safeParse('a'.repeat(250)).success).toBe(false);
    expect(TopicName.safeParse('.').success).toBe(false);
    expect(TopicName.safeParse('..').success).toBe(false);
    expect(TopicName.safeParse('has space').success).toBe(false);
    expect(TopicName.safeParse('').success).toBe(false);
  });
});
