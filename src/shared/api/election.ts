import { z } from 'zod';
import { defineCall } from './define';
import { PartitionId, TopicName, WithConnection } from './common';
import type { ReassignmentOutcome } from './reassignment';

/** A partition and its leadership: what an election would change. */
export interface ElectionCandidate {
  topic: string;
  partition: number;
  leader: number;
  /** The first replica: the one a preferred election makes leader. */
  preferred: number;
  replicas: number[];
  isr: number[];
}

export const ElectionScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('topic'), topic: TopicName }),
  z.object({ kind: z.literal('broker'), nodeId: z.number().int().min(0) }),
]);
export type ElectionScope = z.infer<typeof ElectionScope>;

export const electionCalls = {
  /**
   * Partitions in the scope not led by their preferred replica (those a preferred election can
   * fix: the preferred one is in sync), and the offline ones (no leader), for an unclean election.
   */
  'election.candidates': defineCall<{ notPreferred: ElectionCandidate[]; preferredOutOfSync: ElectionCandidate[]; offline: ElectionCandidate[] }>()(WithConnection.extend({ scope: ElectionScope })),
  'election.run': defineCall<{ results: ReassignmentOutcome[] }>()(
    WithConnection.extend({ type: z.enum(['preferred', 'unclean']), partitions: z.array(z.object({ topic: TopicName, partition: PartitionId })).min(1).max(50_000) }),
    { write: true },
  ),
};
