import { describe, expect, it } from 'vitest';
import type { RawMetadata } from '../../src/main/kafka/kafkajs/internals';
import { notReadyOn } from './topics';

const partition = (partitionId: number, leader: number, replicas: number[], isr = replicas) => ({ partitionErrorCode: 0, partitionId, leader, replicas, isr });
const md = (topicMetadata: RawMetadata['topicMetadata']): RawMetadata => ({ brokers: [], topicMetadata });

describe('notReadyOn: is a new topic usable through this broker yet?', () => {
  const wanted = [{ topic: 'orders', numPartitions: 2 }];

  it('says a broker that has not heard of the topic is not ready (UNKNOWN_TOPIC_OR_PARTITION)', () => {
    expect(notReadyOn(md([{ topicErrorCode: 3, topic: 'orders', partitionMetadata: [] }]), wanted, 2)).toBe('broker 2 does not know orders yet');
    expect(notReadyOn(md([]), wanted, 3)).toBe('broker 3 does not know orders yet');
  });

  it('waits for every partition, each with a leader and all replicas in sync', () => {
    expect(notReadyOn(md([{ topicErrorCode: 0, topic: 'orders', partitionMetadata: [partition(0, 1, [1])] }]), wanted, 1)).toBe('broker 1 sees 1 of 2 partitions of orders');
    expect(notReadyOn(md([{ topicErrorCode: 0, topic: 'orders', partitionMetadata: [partition(0, 1, [1]), partition(1, -1, [2])] }]), wanted, 1)).toBe('orders-1 has no leader on broker 1');
    expect(notReadyOn(md([{ topicErrorCode: 0, topic: 'orders', partitionMetadata: [partition(0, 1, [1, 2, 3], [1]), partition(1, 2, [2])] }]), wanted, 1)).toBe('orders-0 has 1 of 3 replicas in sync');
  });

  it('is ready when the topic is whole', () => {
    expect(notReadyOn(md([{ topicErrorCode: 0, topic: 'orders', partitionMetadata: [partition(0, 1, [1, 2]), partition(1, 2, [2, 1])] }]), wanted, 1)).toBeNull();
  });
});
