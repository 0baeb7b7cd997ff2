import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { OffsetString, PartitionId, TopicName, WithConnection } from './common';
import type { Consumers, LagStatus } from '../groups/lag-status';
import type { LagEta } from '../groups/lag-eta';

/** Kafka's group types: the classic rebalance protocol, KIP-848 consumer groups, KIP-932 share groups, KIP-1071 streams groups. */
export type GroupType = 'classic' | 'consumer' | 'share' | 'streams';

export interface GroupSummary {
  groupId: string;
  /** The broker's own words: Stable, Empty … for classic groups; STABLE, ASSIGNING, RECONCILING, EMPTY … for the others. */
  state: string;
  type: GroupType;
  protocolType: string;
  /** The partition assignor while the group has members (range, cooperative-sticky …). */
  assignor: string;
  members: number;
  topics: string[];
  /** Sum over partitions with a committed offset; null when the group has committed nothing. */
  totalLag: number | null;
  /** Committed partitions left out of totalLag: their topic answered, they did not (no leader right now). */
  lagUnknown?: number;
  /** Total lag compared with the previous lists of this session (null until there are two). */
  trend: 'rising' | 'falling' | 'flat' | null;
  /** Set when the state cannot be trusted, e.g. a KIP-848 (consumer protocol) group seen as Dead. */
  note: string | null;
}

export interface GroupPartition {
  topic: string;
  partition: number;
  /** null: no committed offset. */
  committed: string | null;
  /** null: unknown, the partition has no leader right now (see `unreadable`). */
  logStart: string | null;
  logEnd: string | null;
  /** logEnd − committed; null without a commit or without a log end. */
  lag: number | null;
  /** Why its log end (so its lag) cannot be read now: the partition has no leader. */
  unreadable?: string;
  /** The member reading it now, or null (unassigned); for a share group the first of `memberIds`. */
  memberId: string | null;
  /** Every member reading it: one at most, except in share groups, where several members share a partition. */
  memberIds: string[];
}

export interface GroupMemberDetail {
  memberId: string;
  clientId: string;
  host: string;
  assignment: { topic: string; partitions: number[] }[];
  /** Consumer and share groups: the member's epoch (null for classic groups). */
  memberEpoch: number | null;
  /** Consumer and share groups: the topics it subscribed to, or the regex (consumer groups only). */
  subscribedTopics: string[];
  subscribedRegex: string | null;
  /** Consumer groups: the assignment the coordinator wants it to reach; null otherwise. */
  target: { topic: string; partitions: number[] }[] | null;
  /** Its current and target assignments differ: it is still giving up or taking partitions. */
  reconciling: boolean;
}

export interface GroupDetail extends Omit<GroupSummary, 'members'> {
  members: GroupMemberDetail[];
  /** For share groups `committed` is the share-partition start offset (SPSO) and `lag` Kafka's share lag (records not yet acknowledged). */
  partitions: GroupPartition[];
  /** Consumer and share groups: the group epoch and the epoch of the assignment members work towards (null for classic groups). */
  groupEpoch: number | null;
  assignmentEpoch: number | null;
}

export const ResetMode = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('earliest') }),
  z.object({ kind: z.literal('latest') }),
  z.object({ kind: z.literal('timestamp'), timestamp: z.number().int().min(0) }),
  z.object({ kind: z.literal('offset'), offset: OffsetString }),
  z.object({ kind: z.literal('shift'), by: z.number().int().min(-1e15).max(1e15) }),
]);
export type ResetMode = z.infer<typeof ResetMode>;

const ResetRequest = WithConnection.extend({
  groupId: z.string().min(1).max(500),
  /** null: every topic the group has offsets for. */
  topic: TopicName.nullable().default(null),
  /** null: every partition (of the topic). */
  partitions: z.array(PartitionId).max(10_000).nullable().default(null),
  mode: ResetMode,
});

export interface ResetRow {
  topic: string;
  partition: number;
  current: string | null;
  /** null: left as it is (see `skipped`). */
  next: string | null;
  lagAfter: number | null;
  /** Why this partition is not reset: its leader is gone, so the log's bounds are unknown. */
  skipped?: string;
}

/** Lag sampled by main while the app runs (it starts when a group is first looked at). */
export interface LagHistory {
  intervalMs: number;
  topics: string[];
  /**
   * One point per sample: total lag of each topic, in `topics` order (null for a topic the group
   * has committed nothing on); lagByTopic is null when the sample failed (broker unreachable),
   * or was not taken because the connection is lost (`paused`: sampling waits for the cluster).
   * The chart draws nulls as gaps.
   */
  points: { at: number; lagByTopic: (number | null)[] | null; paused?: true }[];
  partitions: { topic: string; partition: number; status: LagStatus }[];
  /** The worst partition status. */
  status: LagStatus;
  /** Badge text: the status, "collecting (n of N samples)" or "no commit". */
  label: string;
  /** One sentence saying what the status means for this group now. */
  verdict: string;
  /** Successful samples so far, and how many a verdict needs. */
  samples: number;
  samplesNeeded: number;
  /** Whether the group has members at the latest sample. */
  consumers: Consumers;
  /** The group no longer exists: sampling stopped (it resumes if the group comes back). */
  gone: boolean;
  /** Catching up (and when), falling behind (by how much) or holding, over the sampled window; null until it spans a few seconds. */
  eta: LagEta | null;
}

/** A group as ListGroups names it, before its details are loaded. */
export const ListedGroupRow = z.object({ groupId: z.string().min(1).max(500), type: z.enum(['classic', 'consumer', 'share', 'streams']), state: z.string().max(100) });
export type ListedGroupRow = z.infer<typeof ListedGroupRow>;

/** Groups per `groups.summaries` call when the list streams details in (the rows on screen go first, alone). */
export const GROUP_SUMMARY_BATCH = 500;

const GroupRequest = WithConnection.extend({ groupId: z.string().min(1).max(500) });

export const groupCalls = {
  'groups.list': defineCall<GroupSummary[]>()(WithConnection),
  /** Every group's id, type and state (ListGroups only): what the list shows before details arrive. */
  'groups.ids': defineCall<ListedGroupRow[]>()(WithConnection),
  /** State, members, topics and lag of these groups (the list asks for the rows on screen first). */
  'groups.summaries': defineCall<GroupSummary[]>()(WithConnection.extend({ groups: z.array(ListedGroupRow).max(5_000) })),
  'groups.describe': defineCall<GroupDetail>()(GroupRequest),
  /** What a reset would do, changing nothing. */
  'groups.resetPreview': defineCall<ResetRow[]>()(ResetRequest),
  /** Applies a reset; refused unless the group is Empty. */
  'groups.reset': defineCall<ResetRow[]>()(ResetRequest, { write: true }),
  'groups.delete': defineCall<void>()(GroupRequest, { write: true }),
  /** Forgets the group's committed offsets for one topic (OffsetDelete); refused while members read it. */
  'groups.deleteOffsets': defineCall<void>()(GroupRequest.extend({ topic: TopicName }), { write: true }),
  /** Lag over time and a status per partition; sampling continues every few seconds for the session. */
  'groups.lag': defineCall<LagHistory>()(GroupRequest),
};

/** A watched group (one with a lag threshold in the settings) crossed it or changed verdict. */
export interface GroupAlert {
  connectionId: string;
  groupId: string;
  /** One sentence for the notification. */
  message: string;
  status: LagStatus;
  lag: number | null;
}

export const groupEvents = {
  'groups.alert': defineEvent<GroupAlert>(),
};
