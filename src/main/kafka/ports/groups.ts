export interface GroupMember {
  memberId: string;
  clientId: string;
  host: string;
  /** Partitions assigned to this member, by topic (empty for an idle member). */
  assignment: { topic: string; partitions: number[] }[];
}

export interface GroupDescription {
  groupId: string;
  /** Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, or Unknown. */
  state: string;
  protocolType: string;
  /** The assignor (range, roundrobin, cooperative-sticky …) while the group has members. */
  protocol: string;
  members: GroupMember[];
}

export interface CommittedOffset {
  topic: string;
  partition: number;
  /** -1 when the group has no committed offset for the partition. */
  offset: string;
}

export interface GroupsPort {
  listGroupIds(): Promise<{ groupId: string; protocolType: string }[]>;
  describeGroups(groupIds: string[]): Promise<GroupDescription[]>;
  committedOffsets(groupId: string): Promise<CommittedOffset[]>;
  /** Overwrites committed offsets (the group must be Empty; the broker refuses otherwise). */
  commitOffsets(groupId: string, topic: string, partitions: { partition: number; offset: string }[]): Promise<void>;
  /** For a reset to a time: the first offset at or after `timestamp` per partition (the end when none). */
  offsetsForTimestamp(topic: string, timestamp: number): Promise<{ partition: number; offset: string }[]>;
  deleteGroup(groupId: string): Promise<void>;
  /** Removes the group's committed offsets for these partitions of one topic (refused while members read it). */
  deleteGroupOffsets(groupId: string, topic: string, partitions: number[]): Promise<void>;
}
