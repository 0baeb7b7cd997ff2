import { describe, expect, it } from 'vitest';
import { summarizeCluster } from './cluster-service';
import type { MetadataSnapshot } from './metadata-snapshot';
import { summarizeTopic } from '../topics/topic-service';

const p = (partition: number, leader: number, replicas: number[], isr: number[]) => ({ partition, leader, replicas, isr, offlineReplicas: [], error: null });

const snapshot: MetadataSnapshot = {
  takenAt: 0,
  cluster: {
    clusterId: 'abc',
    controllerId: 2,
    brokers: [
      { nodeId: 1, host: 'h1', port: 9092, rack: null },
      { nodeId: 2, host: 'h2', port: 9092, rack: 'r2' },
      { nodeId: 3, host: 'h3', port: 9092, rack: null },
    ],
  },
  topics: [
    { name: 'orders', internal: false, partitions: [p(0, 1, [1, 2, 3], [1, 2, 3]), p(1, 2, [2, 3, 1], [2, 1]), p(2, -1, [3, 1, 2], [])] },
    { name: '__consumer_offsets', internal: true, partitions: [p(0, 3, [3], [3])] },
  ],
};

describe('cluster summaries', () => {
  it('counts topics, partitions and unhealthy partitions', () => {
    expect(summarizeCluster(snapshot)).toEqual({
      clusterId: 'abc',
      controllerId: 2,
      brokerCount: 3,
      topicCount: 2,
      internalTopicCount: 1,
      partitionCount: 4,
      underReplicatedPartitions: 2,
      offlinePartitions: 1,
    });
  });

  it('summarizes a topic', () => {
    expect(summarizeTopic(snapshot.topics[0]!)).toEqual({
      name: 'orders',
      internal: false,
      partitionCount: 3,
      replicationFactor: 3,
      underReplicatedPartitions: 2,
      offlinePartitions: 1,
    });
  });
});
