/** Partition reassignment and dynamic broker configs, independent of the client library. */
import type { ConfigChange } from './topic-admin';

/** A partition the controller is moving: its full replica set during the move, and which of them come and go. */
export interface OngoingReassignment {
  topic: string;
  partition: number;
  replicas: number[];
  addingReplicas: number[];
  removingReplicas: number[];
}

/** The controller's answer for one partition: error null when it accepted the change. */
export interface ReassignmentResult {
  topic: string;
  partition: number;
  error: string | null;
  message: string | null;
}

/** The controller's answer for one partition of a leader election (ELECTION_NOT_NEEDED: already led by its preferred replica). */
export type ElectionResult = ReassignmentResult;

export interface ReassignmentPort {
  /** Every reassignment in progress on the cluster (ListPartitionReassignments). */
  listReassignments(): Promise<OngoingReassignment[]>;
  /** Starts moves (AlterPartitionReassignments); `replicas: null` cancels the partition's move. Never throws for one partition. */
  alterReassignments(targets: { topic: string; partition: number; replicas: number[] | null }[]): Promise<ReassignmentResult[]>;
  /** ElectLeaders: the preferred replica, or (unclean) any live replica of an offline partition. Never throws for one partition. */
  electLeaders(type: 'preferred' | 'unclean', partitions: { topic: string; partition: number }[]): Promise<ElectionResult[]>;
  /** Changes one broker's dynamic configs (IncrementalAlterConfigs); `nodeId: null` is the cluster-wide default. With validateOnly the broker only checks. */
  alterBrokerConfigs(nodeId: number | null, changes: ConfigChange[], validateOnly?: boolean): Promise<void>;
}
