import { z } from 'zod';
import { defineCall } from './define';
import { PartitionId, TopicName, WithConnection } from './common';
import type { BrokerRef, CurrentPartition } from '../reassignment/plan';
import type { ThrottleLeft, ThrottlePlan } from '../reassignment/throttle';

const NodeId = z.number().int().min(0).max(2_147_483_647);

export const PartitionTargetInput = z.object({ topic: TopicName, partition: PartitionId, replicas: z.array(NodeId).min(1).max(64) });

/** The controller's answer for one partition of a start or a cancel. */
export interface ReassignmentOutcome {
  topic: string;
  partition: number;
  error: string | null;
  message: string | null;
}

/** One partition being moved, with how far each new replica has copied. */
export interface ReassignmentProgressRow {
  topic: string;
  partition: number;
  replicas: number[];
  addingReplicas: number[];
  removingReplicas: number[];
  /** The leader's (largest) replica size: what a new replica must reach. Null when unknown. */
  sizeBytes: number | null;
  /** Bytes each adding replica holds so far (null: its broker did not say). */
  copied: { nodeId: number; bytes: number | null }[];
}

/** Main's own clean-up after a throttled reassignment it started. */
export interface ThrottleCleanup {
  state: 'waiting' | 'removed' | 'failed';
  /** When it changed state, ms since the epoch. */
  at: number;
  message: string;
}

export interface ReassignmentProgress {
  ongoing: ReassignmentProgressRow[];
  /** Every reassignment throttle still set on the cluster, whoever set it. */
  throttles: ThrottleLeft[];
  cleanup: ThrottleCleanup | null;
}

export const reassignmentCalls = {
  /** The current replicas, leaders and sizes of the given topics' partitions, and the brokers (with racks) to plan with. */
  'reassignment.assignment': defineCall<{ brokers: BrokerRef[]; partitions: CurrentPartition[] }>()(WithConnection.extend({ topics: z.array(TopicName).min(1).max(2_000) })),
  /**
   * Starts the moves that differ from the current assignment. With a throttle (bytes/s per
   * broker), sets it first and removes it when the moves are done.
   */
  'reassignment.apply': defineCall<{ results: ReassignmentOutcome[]; throttle: ThrottlePlan | null }>()(
    WithConnection.extend({ targets: z.array(PartitionTargetInput).min(1).max(20_000), throttleBytesPerSec: z.number().int().min(1_024).max(10_000_000_000).nullable() }),
    { write: true },
  ),
  'reassignment.progress': defineCall<ReassignmentProgress>()(WithConnection),
  /** Cancels moves in progress: the partitions go back to their original replicas. */
  'reassignment.cancel': defineCall<{ results: ReassignmentOutcome[] }>()(
    WithConnection.extend({ partitions: z.array(z.object({ topic: TopicName, partition: PartitionId })).min(1).max(20_000) }),
    { write: true },
  ),
  /** Removes every reassignment throttle from the brokers and topics; returns what could not be removed. */
  'reassignment.removeThrottles': defineCall<{ removed: ThrottleLeft[]; left: ThrottleLeft[] }>()(WithConnection, { write: true }),
};
