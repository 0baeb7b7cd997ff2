import { defineCall } from './define';
import { WithConnection } from './common';

export interface ClusterOverview {
  clusterId: string | null;
  /** Node id of the active controller as the brokers report it (-1 when unknown). */
  controllerId: number;
  brokerCount: number;
  topicCount: number;
  /** Topics whose name starts with "__" or that Kafka marks internal. */
  internalTopicCount: number;
  partitionCount: number;
  underReplicatedPartitions: number;
  offlinePartitions: number;
}

export interface BrokerInfo {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
  isController: boolean;
  /** Partitions whose leader is this broker. */
  leaderCount: number;
  /** Partition replicas this broker holds (leaders included). */
  replicaCount: number;
}

export const clusterCalls = {
  'cluster.overview': defineCall<ClusterOverview>()(WithConnection),
  'cluster.brokers': defineCall<BrokerInfo[]>()(WithConnection),
};
