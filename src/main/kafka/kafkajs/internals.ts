import type { Kafka } from 'kafkajs';

/**
 * kafkajs keeps its Cluster (broker pool, metadata, raw per-broker requests) private, but an
 * explorer needs it: group-less reads, batched ListOffsets, rack and isInternal in metadata,
 * and the admin APIs kafkajs lacks. We reach it through the Kafka object's own private factory
 * so every option (SSL, SASL, timeouts, socket factory, logger) is the same as for its admin.
 * This ties us to kafkajs 2.2.4 exactly (pinned in package.json); internals.test.ts guards it.
 */

/** The subset of kafkajs' internal Broker the adapters use. */
export interface InternalBroker {
  nodeId: number;
  metadata(topics: string[]): Promise<RawMetadata>;
  listOffsets(request: {
    replicaId?: number;
    isolationLevel?: number;
    topics: { topic: string; partitions: { partition: number; timestamp: number | string }[] }[];
  }): Promise<{ responses: { topic: string; partitions: { partition: number; errorCode: number; offset: string; timestamp?: string }[] }[] }>;
  [key: string]: unknown;
}

export interface RawMetadata {
  clusterId?: string | null;
  controllerId?: number;
  brokers: { nodeId: number; host: string; port: number; rack?: string | null }[];
  topicMetadata: {
    topicErrorCode: number;
    topic: string;
    isInternal?: boolean;
    partitionMetadata: {
      partitionErrorCode: number;
      partitionId: number;
      leader: number;
      replicas: number[];
      isr: number[];
      offlineReplicas?: number[];
    }[];
  }[];
}

/** The subset of kafkajs' internal Cluster the adapters use. */
export interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  isConnected(): boolean;
  metadata(options: { topics: string[] }): Promise<RawMetadata>;
  refreshMetadata(): Promise<void>;
  addMultipleTargetTopics(topics: string[]): Promise<void>;
  findBroker(options: { nodeId: string | number }): Promise<InternalBroker>;
  findControllerBroker(): Promise<InternalBroker>;
  findGroupCoordinator(options: { groupId: string; coordinatorType?: number }): Promise<InternalBroker>;
  findTopicPartitionMetadata(topic: string): RawMetadata['topicMetadata'][number]['partitionMetadata'];
  brokerPool: {
    metadata: RawMetadata | null;
    brokers: Record<string, { broker: InternalBroker } | InternalBroker>;
    withBroker<T>(callback: (args: { nodeId: string; broker: InternalBroker }) => Promise<T>): Promise<T>;
  };
  [key: string]: unknown;
}

export interface CreateClusterOptions {
  metadataMaxAge?: number;
  allowAutoTopicCreation?: boolean;
  maxInFlightRequests?: number | null;
  /** 0 = READ_UNCOMMITTED, 1 = READ_COMMITTED. */
  isolationLevel?: number;
}

type ClusterFactory = (options: CreateClusterOptions & { instrumentationEmitter?: null }) => InternalCluster;

/** Creates a kafkajs Cluster sharing the given client's configuration. */
export function createInternalCluster(kafka: Kafka, options: CreateClusterOptions = {}): InternalCluster {
  const symbol = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster');
  const factory = symbol ? (kafka as unknown as Record<symbol, ClusterFactory>)[symbol] : undefined;
  if (typeof factory !== 'function') {
    throw new Error('kafkajs internals changed: private:Kafka:createCluster not found (is kafkajs pinned to 2.2.4?)');
  }
  return factory({ allowAutoTopicCreation: false, ...options, instrumentationEmitter: null });
}

export const IsolationLevel = { ReadUncommitted: 0, ReadCommitted: 1 } as const;

/** ListOffsets special timestamps. */
export const OffsetSpec = { Latest: -1, Earliest: -2 } as const;
