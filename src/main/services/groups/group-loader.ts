import type { KafkaClient } from '../../kafka/client';
import type { CommittedOffset, GroupDescription, GroupType, ListedGroup, ProtocolGroupDescription, ShareOffset } from '../../kafka/ports/groups';
import { pooled } from '../pooled';

const DESCRIBE_BATCH = 100;
const OFFSET_CONCURRENCY = 8;

/** One group as every view builds it: its description, committed offsets, and for share groups the start offsets. */
export interface LoadedGroup {
  description: GroupDescription;
  /** Classic, consumer and streams groups: OffsetFetch. Empty for share groups. */
  offsets: CommittedOffset[];
  /** Share groups only: start offset and lag per partition. */
  share: ShareOffset[] | null;
}

/** A KIP-848 or KIP-932 description in the shape the classic one has, with the extra fields kept. */
export function fromProtocol(g: ProtocolGroupDescription, type: GroupType): GroupDescription {
  return {
    groupId: g.groupId,
    state: g.state,
    protocolType: type === 'share' ? 'share' : 'consumer',
    protocol: g.assignor,
    type,
    groupEpoch: g.groupEpoch,
    assignmentEpoch: g.assignmentEpoch,
    members: g.members.map((m) => ({
      memberId: m.memberId,
      clientId: m.clientId,
      host: m.host,
      assignment: m.assignment,
      memberEpoch: m.memberEpoch,
      subscribedTopics: m.subscribedTopics,
      subscribedRegex: m.subscribedRegex,
      target: m.target,
    })),
  };
}

async function inBatches<T>(ids: string[], describe: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += DESCRIBE_BATCH) out.push(...(await describe(ids.slice(i, i + DESCRIBE_BATCH))));
  return out;
}

/**
 * Every group of every type, described through the API its type speaks (DescribeGroups,
 * ConsumerGroupDescribe, ShareGroupDescribe), with its offsets. Streams groups are listed
 * with the state ListGroups gives (no full view yet), never as Dead.
 */
export async function loadAllGroups(client: KafkaClient): Promise<LoadedGroup[]> {
  return loadGroups(client, await client.listGroups());
}

/**
 * The listed groups with their descriptions and offsets, many per request: classic groups and
 * committed offsets batched per coordinator (10,000 groups take a few dozen requests, not 20,000).
 */
export async function loadGroups(client: KafkaClient, listed: ListedGroup[]): Promise<LoadedGroup[]> {
  const ofType = (t: GroupType) => listed.filter((g) => g.type === t).map((g) => g.groupId);
  const [classic, consumer, share] = await Promise.all([
    client.describeGroupsBatched(ofType('classic')).then((ds) => ds.map((d) => ({ ...d, type: 'classic' as const }))),
    inBatches(ofType('consumer'), (b) => client.describeConsumerGroups(b)).then((ds) => ds.map((d) => fromProtocol(d, 'consumer'))),
    inBatches(ofType('share'), (b) => client.describeShareGroups(b)).then((ds) => ds.map((d) => fromProtocol(d, 'share'))),
  ]);
  const streams = listed.filter((g) => g.type === 'streams').map(streamsGroup);
  const descriptions = [...classic, ...consumer, ...share, ...streams];
  const batched = await client.committedOffsetsBatched(descriptions.filter((d) => d.type !== 'share').map((d) => d.groupId));
  return pooled(descriptions, OFFSET_CONCURRENCY, async (description) => {
    if (description.type === 'share') return { description, offsets: [], share: await client.shareGroupOffsets(description.groupId) };
    return { description, offsets: batched?.get(description.groupId) ?? (await client.committedOffsets(description.groupId)), share: null };
  });
}

/**
 * One group, whatever its type. The classic DescribeGroups first (most groups are classic);
 * a group it calls Dead with no members may be a consumer or share group, asked next.
 */
export async function loadGroup(client: KafkaClient, groupId: string): Promise<LoadedGroup | null> {
  const [classic] = await client.describeGroups([groupId]);
  if (classic && !(classic.state === 'Dead' && classic.members.length === 0)) {
    return { description: { ...classic, type: 'classic' }, offsets: await client.committedOffsets(groupId), share: null };
  }
  const [consumer] = await client.describeConsumerGroups([groupId]);
  if (consumer) return { description: fromProtocol(consumer, 'consumer'), offsets: await client.committedOffsets(groupId), share: null };
  const [share] = await client.describeShareGroups([groupId]);
  if (share) return { description: fromProtocol(share, 'share'), offsets: [], share: await client.shareGroupOffsets(groupId) };
  const listed = (await client.listGroups()).find((g) => g.groupId === groupId && g.type === 'streams');
  if (listed) return { description: streamsGroup(listed), offsets: await client.committedOffsets(groupId), share: null };
  // Dead with no members: a classic group that has only committed offsets (or none: no group at all).
  const offsets = await client.committedOffsets(groupId);
  return classic ? { description: { ...classic, type: 'classic' }, offsets, share: null } : null;
}

function streamsGroup(g: ListedGroup): GroupDescription {
  return { groupId: g.groupId, state: g.state || 'Unknown', protocolType: g.protocolType || 'streams', protocol: '', members: [], type: 'streams' };
}
