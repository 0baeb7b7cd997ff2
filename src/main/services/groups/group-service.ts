import type { GroupDetail, GroupMemberDetail, GroupPartition, GroupSummary, ListedGroupRow, ResetMode, ResetRow, TopicReader } from '../../../shared/api';
import { appError, ErrorCode } from '../../../shared/errors';
import type { KafkaClient } from '../../kafka/client';
import type { GroupMember } from '../../kafka/ports/groups';
import type { PartitionLogEnd, PartitionWatermarks } from '../../kafka/ports/metadata';
import { loadAllGroups, loadGroup, loadGroups, type LoadedGroup } from './group-loader';
import { sameAssignment } from './reconciling';

/** How long summary batches reuse the log-end offsets another batch fetched. */
const MARKS_REUSE_MS = 5_000;

/** A reset leaves a leaderless partition alone, rather than commit an offset it cannot check against the log. */
const LEADERLESS_SKIPPED = 'Left as it is: no leader right now (its broker is down?), so the log’s start and end, which the new offset must lie between, are unknown.';
const DEAD_NOTE = 'Dead with no members, yet it has committed offsets: nobody has joined it since (a classic group whose members left, or offsets committed by a tool).';

/** Consumer groups: membership, committed offsets and lag; offset resets with a preview. */
export class GroupService {
  /** Total lag seen by earlier lists, per connection's client, for the trend column. */
  private readonly seen = new WeakMap<KafkaClient, Map<string, { at: number; lag: number }[]>>();
  /** Log-end offsets shared by the summary batches of one load. */
  private readonly marks = new WeakMap<KafkaClient, { at: number; topics: Set<string>; marks: Map<string, PartitionLogEnd> }>();

  async list(client: KafkaClient, signal?: AbortSignal): Promise<GroupSummary[]> {
    const loaded = await loadAllGroups(client);
    // Left before the lag was read (the overview closed): skip the sweep of the groups' offsets.
    signal?.throwIfAborted();
    const marks = await this.logEnds(client, loaded.flatMap((g) => g.offsets));
    return this.withTrend(client, loaded.map((l) => summarize(l, marks))).sort((a, b) => a.groupId.localeCompare(b.groupId));
  }

  /** Every group as ListGroups names it (id, type, state): one request per broker, so the list shows at once. */
  async ids(client: KafkaClient): Promise<ListedGroupRow[]> {
    const listed = await client.listGroups();
    return listed.map((g) => ({ groupId: g.groupId, type: g.type, state: g.state })).sort((a, b) => a.groupId.localeCompare(b.groupId));
  }

  /**
   * Details and lag of some listed groups (the rows on screen first, then the rest in batches).
   * Log-end offsets are shared by the batches of a few seconds, so each topic is asked once.
   */
  async summaries(client: KafkaClient, groups: ListedGroupRow[]): Promise<GroupSummary[]> {
    const loaded = await loadGroups(client, groups.map((g) => ({ ...g, protocolType: '' })));
    const marks = await this.logEnds(client, loaded.flatMap((g) => [...g.offsets, ...(g.share ?? [])]), MARKS_REUSE_MS);
    return this.withTrend(client, loaded.map((l) => summarize(l, marks)));
  }

  /** Adds the lag trend against what earlier lists of this session saw. */
  private withTrend(client: KafkaClient, summaries: GroupSummary[]): GroupSummary[] {
    const history = this.seen.get(client) ?? new Map<string, { at: number; lag: number }[]>();
    this.seen.set(client, history);
    const now = Date.now();
    return summaries.map((summary) => {
      const past = (history.get(summary.groupId) ?? []).filter((p) => now - p.at < 120_000);
      if (summary.totalLag !== null) history.set(summary.groupId, [...past, { at: now, lag: summary.totalLag }].slice(-12));
      return { ...summary, trend: lagTrend(past[0]?.lag, summary.totalLag) };
    });
  }

  async describe(client: KafkaClient, groupId: string): Promise<GroupDetail> {
    const loaded = await loadGroup(client, groupId);
    const group = loaded?.description;
    if (!loaded || !group || (group.state === 'Dead' && group.members.length === 0 && loaded.offsets.length === 0)) {
      throw appError(ErrorCode.NotFound, `Consumer group ${groupId} does not exist.`, { name: 'NotFoundError' });
    }
    const owners = new Map<string, string[]>();
    for (const m of group.members) for (const a of m.assignment) for (const p of a.partitions) owners.set(`${a.topic}:${p}`, [...(owners.get(`${a.topic}:${p}`) ?? []), m.memberId]);
    const committed = loaded.offsets;
    // Partitions of the topics the group reads, committed or assigned (share groups: with a start offset).
    const topics = groupTopics(loaded);
    // Every partition: one without a leader has no watermarks but is still listed, with its commit.
    const marks = await client.fetchWatermarksOfEveryPartition(topics);
    const byKey = new Map(committed.map((c) => [`${c.topic}:${c.partition}`, c.offset]));
    const shareByKey = new Map((loaded.share ?? []).map((o) => [`${o.topic}:${o.partition}`, o]));
    const partitions: GroupPartition[] = marks
      .map((w) => {
        const key = `${w.topic}:${w.partition}`;
        const memberIds = owners.get(key) ?? [];
        if (loaded.share) {
          const o = shareByKey.get(key);
          return { topic: w.topic, partition: w.partition, committed: o?.startOffset ?? null, logStart: w.low, logEnd: w.high, lag: o?.startOffset == null ? null : shareLag(o.lag, o.startOffset, w.high), memberId: memberIds[0] ?? null, memberIds, ...unreadable(w) };
        }
        const c = byKey.get(key);
        const has = c !== undefined && Number(c) >= 0;
        return {
          topic: w.topic,
          partition: w.partition,
          committed: has ? c! : null,
          logStart: w.low,
          logEnd: w.high,
          lag: has && w.high !== null ? Math.max(0, Number(BigInt(w.high) - BigInt(c!))) : null,
          memberId: memberIds[0] ?? null,
          memberIds,
          ...unreadable(w),
        };
      })
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    const summary = summarize(loaded, marks.filter((w): w is PartitionWatermarks => w.high !== null));
    return { ...summary, members: group.members.map(memberDetail), partitions, groupEpoch: group.groupEpoch ?? null, assignmentEpoch: group.assignmentEpoch ?? null };
  }

  async preview(client: KafkaClient, groupId: string, topic: string | null, partitions: number[] | null, mode: ResetMode, loaded?: LoadedGroup | null): Promise<ResetRow[]> {
    const group = loaded === undefined ? await loadGroup(client, groupId) : loaded;
    // A share group's "committed" offset is its start offset (SPSO): resetting moves it.
    const offsets = group?.share ? group.share.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.startOffset ?? '-1' })) : (group?.offsets ?? (await client.committedOffsets(groupId)));
    const committed = offsets.filter((c) => (topic === null || c.topic === topic) && (partitions === null || partitions.includes(c.partition)));
    const topics = topic ? [topic] : [...new Set(committed.map((c) => c.topic))];
    if (topics.length === 0) throw appError(ErrorCode.Validation, `${groupId} has no committed offsets${topic ? ` for ${topic}` : ''}: name a topic to reset.`);
    // Every partition: one whose leader is gone has no watermarks, and is said to be left alone.
    const every = (await client.fetchWatermarksOfEveryPartition(topics)).filter((w) => partitions === null || partitions.includes(w.partition));
    if (every.length === 0) throw appError(ErrorCode.Validation, partitions ? `${topics.join(', ')}: no partition ${partitions.join(', ')}.` : `${topics.join(', ')}: no partitions (deleted?).`);
    const byTime = new Map<string, string>();
    if (mode.kind === 'timestamp') {
      // Per leader, so a partition without one does not fail the others' lookup.
      for (const t of topics) for (const e of await client.fetchOffsetsAtTime(t, mode.timestamp)) byTime.set(`${t}:${e.partition}`, e.offset);
    }
    const current = new Map(committed.map((c) => [`${c.topic}:${c.partition}`, Number(c.offset) >= 0 ? c.offset : null]));
    return every
      .map((w): ResetRow => {
        const key = `${w.topic}:${w.partition}`;
        const now = current.get(key) ?? null;
        if (w.low === null) return { topic: w.topic, partition: w.partition, current: now, next: null, lagAfter: null, skipped: LEADERLESS_SKIPPED };
        const [low, high] = [BigInt(w.low), BigInt(w.high)];
        let next: bigint;
        switch (mode.kind) {
          case 'earliest':
            next = low;
            break;
          case 'latest':
            next = high;
            break;
          case 'timestamp':
            next = BigInt(byTime.get(key) ?? w.high);
            break;
          case 'offset':
            next = BigInt(mode.offset);
            break;
          case 'shift':
            next = BigInt(now ?? w.low) + BigInt(mode.by);
            break;
        }
        // Like kafka-consumer-groups.sh: an offset outside the log is moved to its nearest end.
        if (next < low) next = low;
        if (next > high) next = high;
        return { topic: w.topic, partition: w.partition, current: now, next: next.toString(), lagAfter: Number(high - next) };
      })
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  }

  async reset(client: KafkaClient, groupId: string, topic: string | null, partitions: number[] | null, mode: ResetMode): Promise<ResetRow[]> {
    const loaded = await loadGroup(client, groupId);
    const group = loaded?.description;
    const members = group?.members.length ?? 0;
    if (members > 0 || (group && !['Empty', 'Dead', 'EMPTY', 'DEAD'].includes(group.state))) {
      throw appError('GROUP_NOT_EMPTY', `${groupId} has ${members} active member${members === 1 ? '' : 's'}: stop ${members === 1 ? 'it' : 'them'} first (offsets can only be reset while the group is Empty).`, {
        name: 'GroupNotEmpty',
        hint: 'Stop the consumers of this group, wait until its state is Empty, then reset.',
      });
    }
    const rows = await this.preview(client, groupId, topic, partitions, mode, loaded);
    if (rows.every((r) => r.next === null)) throw appError(ErrorCode.Validation, 'Nothing reset: none of the chosen partitions has a leader right now (its broker is down?). Try again once it is back.');
    const byTopic = new Map<string, { partition: number; offset: string }[]>();
    for (const r of rows) if (r.next !== null) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), { partition: r.partition, offset: r.next }]);
    for (const [t, ps] of byTopic) {
      // An admin OffsetCommit (no member) works for classic and KIP-848 groups alike; kafkajs' setOffsets joins as a classic member.
      if (loaded?.share) await client.alterShareGroupOffsets(groupId, t, ps);
      else await client.commitGroupOffsets(groupId, t, ps);
    }
    return rows;
  }

  async deleteOffsets(client: KafkaClient, groupId: string, topic: string): Promise<void> {
    const loaded = await loadGroup(client, groupId);
    if (loaded?.share) {
      if (!loaded.share.some((o) => o.topic === topic)) throw appError(ErrorCode.NotFound, `${groupId} has no start offsets for ${topic}.`);
      await client.deleteShareGroupOffsets(groupId, [topic]);
      return;
    }
    const partitions = (loaded?.offsets ?? (await client.committedOffsets(groupId))).filter((c) => c.topic === topic).map((c) => c.partition);
    if (partitions.length === 0) throw appError(ErrorCode.NotFound, `${groupId} has no committed offsets for ${topic}.`);
    await client.deleteGroupOffsets(groupId, topic, partitions);
  }

  async delete(client: KafkaClient, groupId: string): Promise<void> {
    await client.deleteGroup(groupId);
  }

  /** The groups with committed offsets for, or members assigned to, `topic`, and their lag on it alone. */
  async readersOf(client: KafkaClient, topic: string): Promise<TopicReader[]> {
    const loaded = await loadAllGroups(client);
    const marks = await client.fetchWatermarks([topic]);
    return loaded.flatMap((l) => {
      const g = l.description;
      const committed = l.offsets.filter((o) => o.topic === topic);
      const share = l.share?.filter((o) => o.topic === topic) ?? null;
      const assigned = g.members.some((m) => m.assignment.some((a) => a.topic === topic));
      if (committed.length === 0 && !share?.length && !assigned) return [];
      return [{ groupId: g.groupId, state: g.state, members: g.members.length, lag: summarize({ description: g, offsets: committed, share }, marks).totalLag, partitions: share ? share.length : committed.length }];
    });
  }

  /**
   * Log-end offsets of the topics these offsets are on: one ListOffsets per leader for all of
   * them (the ends only: lag needs no log start). With `reuseMs`, topics asked within that time
   * are not asked again.
   */
  private async logEnds(client: KafkaClient, offsets: { topic: string }[], reuseMs = 0): Promise<Map<string, PartitionLogEnd>> {
    const topics = [...new Set(offsets.map((o) => o.topic))];
    const now = Date.now();
    const cached = this.marks.get(client);
    const fresh = cached && reuseMs > 0 && now - cached.at < reuseMs ? cached : { at: now, topics: new Set<string>(), marks: new Map<string, PartitionLogEnd>() };
    const missing = topics.filter((t) => !fresh.topics.has(t));
    if (missing.length > 0) {
      for (const m of await client.fetchLogEnds(missing)) fresh.marks.set(`${m.topic}:${m.partition}`, m);
      for (const t of missing) fresh.topics.add(t);
    }
    if (reuseMs > 0) this.marks.set(client, fresh);
    return fresh.marks;
  }
}

const NO_LEADER = 'No leader right now (its broker is down?): its log end, so its lag, is unknown';
const unreadable = (w: { high: string | null }) => (w.high === null ? { unreadable: NO_LEADER } : {});

/** Rising, falling or flat against the oldest total of the last two minutes. */
export function lagTrend(before: number | undefined, now: number | null): GroupSummary['trend'] {
  if (before === undefined || now === null) return null;
  return now > before ? 'rising' : now < before ? 'falling' : 'flat';
}

function summarize(loaded: LoadedGroup, marks: Map<string, PartitionLogEnd> | PartitionLogEnd[]): GroupSummary {
  const { description: g, offsets: committed, share } = loaded;
  const map = Array.isArray(marks) ? new Map(marks.map((m) => [`${m.topic}:${m.partition}`, m])) : marks;
  let lag: number | null = null;
  let unknown = 0;
  if (share) {
    for (const o of share) {
      const w = map.get(`${o.topic}:${o.partition}`);
      if (o.startOffset === null) continue;
      const l = shareLag(o.lag, o.startOffset, w?.high ?? null);
      if (l !== null) lag = (lag ?? 0) + l;
    }
  } else {
    // A partition with no log end whose topic has others that answered: its leader is down. A
    // topic with none at all was deleted (offsets outlive it) or is wholly down: left out quietly.
    const answered = new Set([...map.values()].map((w) => w.topic));
    for (const c of committed) {
      const w = map.get(`${c.topic}:${c.partition}`);
      if (Number(c.offset) < 0) continue;
      if (!w) {
        if (answered.has(c.topic)) unknown++;
        continue;
      }
      lag = (lag ?? 0) + Math.max(0, Number(BigInt(w.high) - BigInt(c.offset)));
    }
  }
  const type = g.type ?? 'classic';
  return {
    groupId: g.groupId,
    state: g.state,
    type,
    protocolType: g.protocolType,
    assignor: g.protocol,
    members: g.members.length,
    topics: groupTopics(loaded),
    totalLag: lag,
    ...(unknown > 0 ? { lagUnknown: unknown } : {}),
    trend: null,
    note: type === 'classic' && g.state === 'Dead' && g.members.length === 0 && committed.length > 0 ? DEAD_NOTE : null,
  };
}

/** The topics a group reads: committed (or with a share start offset) or assigned. */
function groupTopics({ description: g, offsets, share }: LoadedGroup): string[] {
  return [...new Set([...offsets.map((c) => c.topic), ...(share ?? []).map((o) => o.topic), ...g.members.flatMap((m) => m.assignment.map((a) => a.topic))])].sort();
}

/**
 * A share partition's lag: what the broker says (KIP-1226, Kafka 4.2+); before that, the
 * records from the start offset to the log end, an upper bound (some may be acknowledged).
 */
function shareLag(brokerLag: number | null, startOffset: string, logEnd: string | null): number | null {
  if (brokerLag !== null && brokerLag >= 0) return brokerLag;
  return logEnd === null ? null : Math.max(0, Number(BigInt(logEnd) - BigInt(startOffset)));
}

function memberDetail(m: GroupMember): GroupMemberDetail {
  const target = m.target ?? null;
  return {
    memberId: m.memberId,
    clientId: m.clientId,
    host: m.host,
    assignment: m.assignment,
    memberEpoch: m.memberEpoch ?? null,
    subscribedTopics: m.subscribedTopics ?? [],
    subscribedRegex: m.subscribedRegex ?? null,
    target,
    reconciling: target !== null && !sameAssignment(m.assignment, target),
  };
}
