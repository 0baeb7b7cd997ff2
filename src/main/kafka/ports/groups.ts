export interface GroupMember {
  memberId: string;
  clientId: string;
  host: string;
  /** Partitions assigned to this member, by topic (empty for an idle member). */
  assignment: { topic: string; partitions: number[] }[];
  /** The broker-side protocols (consumer, share groups) say more about a member. */
  memberEpoch?: number;
  subscribedTopics?: string[];
  subscribedRegex?: string | null;
  /** Consumer groups: what the coordinator wants the member to own (differs from `assignment` while reconciling). */
  target?: { topic: string; partitions: number[] }[] | null;
}

export interface GroupDescription {
  groupId: string;
  /** Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, or Unknown. */
  state: string;
  protocolType: string;
  /** The assignor (range, roundrobin, cooperative-sticky …) while the group has members. */
  protocol: string;
  members: GroupMember[];
  /** classic unless described through ConsumerGroupDescribe or ShareGroupDescribe. */
  type?: GroupType;
  groupEpoch?: number;
  assignmentEpoch?: number;
}

export interface CommittedOffset {
  topic: string;
  partition: number;
  /** -1 when the group has no committed offset for the partition. */
  offset: string;
}

export interface GroupsPort extends GroupProtocolsPort {
  listGroupIds(): Promise<{ groupId: string; protocolType: string }[]>;
  describeGroups(groupIds: string[]): Promise<GroupDescription[]>;
  committedOffsets(groupId: string): Promise<CommittedOffset[]>;
  /** Many classic groups at once (one DescribeGroups per coordinator and batch); a group of another type comes back Dead. */
  describeGroupsBatched(groupIds: string[]): Promise<GroupDescription[]>;
  /** Many groups' committed offsets at once (OffsetFetch v8+, Kafka 3.0+); null from older brokers, which take one group a request. */
  committedOffsetsBatched(groupIds: string[]): Promise<Map<string, CommittedOffset[]> | null>;
  /** Overwrites committed offsets (the group must be Empty; the broker refuses otherwise). */
  commitOffsets(groupId: string, topic: string, partitions: { partition: number; offset: string }[]): Promise<void>;
  deleteGroup(groupId: string): Promise<void>;
  /** Removes the group's committed offsets for these partitions of one topic (refused while members read it). */
  deleteGroupOffsets(groupId: string, topic: string, partitions: number[]): Promise<void>;
}

/** Kafka's group types (ListGroups v5): classic rebalance protocol, KIP-848 consumer, KIP-932 share, KIP-1071 streams. */
export type GroupType = 'classic' | 'consumer' | 'share' | 'streams';

export interface ListedGroup {
  groupId: string;
  protocolType: string;
  /** From the broker on Kafka 3.8+; 'classic' from older brokers, which know no other. */
  type: GroupType;
  /** The state ListGroups reports (empty string from brokers before 2.6). */
  state: string;
}

export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

/** A member of a group run by the broker-side protocols (KIP-848 consumer groups, KIP-932 share groups). */
export interface ProtocolMember {
  memberId: string;
  instanceId: string | null;
  memberEpoch: number;
  clientId: string;
  host: string;
  subscribedTopics: string[];
  /** A consumer member that subscribed by pattern (KIP-848's RE2J regex). */
  subscribedRegex: string | null;
  assignment: TopicPartitions[];
  /** What the coordinator wants the member to own; null for share groups, which have no reconciliation. */
  target: TopicPartitions[] | null;
}

export interface ProtocolGroupDescription {
  groupId: string;
  /** Consumer groups: EMPTY, ASSIGNING, RECONCILING, STABLE, DEAD (share groups: EMPTY, STABLE, DEAD). */
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignor: string;
  members: ProtocolMember[];
}

export interface ShareOffset {
  topic: string;
  partition: number;
  /** The share-partition start offset (SPSO); null while the group has none (nothing consumed yet). */
  startOffset: string | null;
  /** Records after the SPSO not yet acknowledged (KIP-1226, Kafka 4.2+); null where the broker does not say. */
  lag: number | null;
}

/** The group protocols of Kafka 4 (raw requests kafkajs lacks); a broker without them answers with UnsupportedApiError. */
export interface GroupProtocolsPort {
  listGroups(): Promise<ListedGroup[]>;
  describeConsumerGroups(groupIds: string[]): Promise<ProtocolGroupDescription[]>;
  describeShareGroups(groupIds: string[]): Promise<ProtocolGroupDescription[]>;
  shareGroupOffsets(groupId: string): Promise<ShareOffset[]>;
  /** Sets a share group's start offsets (the group must be Empty). */
  alterShareGroupOffsets(groupId: string, topic: string, partitions: { partition: number; offset: string }[]): Promise<void>;
  deleteShareGroupOffsets(groupId: string, topics: string[]): Promise<void>;
  /** Commits offsets as an admin (OffsetCommit with no member), for classic and consumer groups alike; the group must be Empty. */
  commitGroupOffsets(groupId: string, topic: string, partitions: { partition: number; offset: string }[]): Promise<void>;
}
