import type { GroupDetail, GroupPartition, GroupSummary, ResetMode, ResetRow, TopicReader } from '../../../shared/api';
import { appError, ErrorCode } from '../../../shared/errors';
import type { KafkaClient } from '../../kafka/client';
import type { CommittedOffset, GroupDescription } from '../../kafka/ports/groups';
import type { PartitionWatermarks } from '../../kafka/ports/metadata';
import { pooled } from '../pooled';

const DESCRIBE_BATCH = 100;
const OFFSET_CONCURRENCY = 8;

const KIP848_NOTE = 'Shown as Dead with no members by the classic API: it may use the new consumer protocol (KIP-848), whose members this view cannot list yet.';

/** Consumer groups: membership, committed offsets and lag; offset resets with a preview. */
export class GroupService {
  /** Total lag seen by earlier lists, per connection's client, for the trend column. */
  private readonly seen = new WeakMap<KafkaClient, Map<string, { at: number; lag: number }[]>>();

  async list(client: KafkaClient): Promise<GroupSummary[]> {
    const { descriptions, offsets } = await this.loadAll(client);
    const marks = await this.watermarks(client, offsets.flat());
    const history = this.seen.get(client) ?? new Map<string, { at: number; lag: number }[]>();
    this.seen.set(client, history);
    const now = Date.now();
    return descriptions
      .map((g, i) => {
        const summary = summarize(g, offsets[i]!, marks);
        const past = (history.get(g.groupId) ?? []).filter((p) => now - p.at < 120_000);
        if (summary.totalLag !== null) history.set(g.groupId, [...past, { at: now, lag: summary.totalLag }].slice(-12));
        return { ...summary, trend: lagTrend(past[0]?.lag, summary.totalLag) };
      })
      .sort((a, b) => a.groupId.localeCompare(b.groupId));
  }

  async describe(client: KafkaClient, groupId: string): Promise<GroupDetail> {
    const [[group], committed] = await Promise.all([client.describeGroups([groupId]), client.committedOffsets(groupId)]);
    if (!group || (group.state === 'Dead' && group.members.length === 0 && committed.length === 0)) {
      throw appError(ErrorCode.NotFound, `Consumer group ${groupId} does not exist.`, { name: 'NotFoundError' });
    }
    const owners = new Map<string, string>();
    for (const m of group.members) for (const a of m.assignment) for (const p of a.partitions) owners.set(`${a.topic}:${p}`, m.memberId);
    // Partitions of the topics the group reads, committed or assigned.
    const topics = [...new Set([...committed.map((c) => c.topic), ...group.members.flatMap((m) => m.assignment.map((a) => a.topic))])].sort();
    const marks = topics.length > 0 ? await client.fetchWatermarks(topics) : [];
    const byKey = new Map(committed.map((c) => [`${c.topic}:${c.partition}`, c.offset]));
    const partitions: GroupPartition[] = marks
      .map((w) => {
        const c = byKey.get(`${w.topic}:${w.partition}`);
        const has = c !== undefined && Number(c) >= 0;
        return {
          topic: w.topic,
          partition: w.partition,
          committed: has ? c! : null,
          logStart: w.low,
          logEnd: w.high,
          lag: has ? Math.max(0, Number(BigInt(w.high) - BigInt(c!))) : null,
          memberId: owners.get(`${w.topic}:${w.partition}`) ?? null,
        };
      })
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    const summary = summarize(group, committed, marks);
    return { ...summary, members: group.members, partitions };
  }

  async preview(client: KafkaClient, groupId: string, topic: string | null, partitions: number[] | null, mode: ResetMode): Promise<ResetRow[]> {
    const committed = (await client.committedOffsets(groupId)).filter((c) => (topic === null || c.topic === topic) && (partitions === null || partitions.includes(c.partition)));
    const topics = topic ? [topic] : [...new Set(committed.map((c) => c.topic))];
    if (topics.length === 0) throw appError(ErrorCode.Validation, `${groupId} has no committed offsets${topic ? ` for ${topic}` : ''}: name a topic to reset.`);
    const marks = (await client.fetchWatermarks(topics)).filter((w) => partitions === null || partitions.includes(w.partition));
    const byTime = new Map<string, string>();
    if (mode.kind === 'timestamp') {
      for (const t of topics) for (const e of await client.offsetsForTimestamp(t, mode.timestamp)) byTime.set(`${t}:${e.partition}`, e.offset);
    }
    const current = new Map(committed.map((c) => [`${c.topic}:${c.partition}`, Number(c.offset) >= 0 ? c.offset : null]));
    return marks
      .map((w) => {
        const key = `${w.topic}:${w.partition}`;
        const now = current.get(key) ?? null;
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
    const [group] = await client.describeGroups([groupId]);
    const members = group?.members.length ?? 0;
    if (members > 0 || (group && !['Empty', 'Dead'].includes(group.state))) {
      throw appError('GROUP_NOT_EMPTY', `${groupId} has ${members} active member${members === 1 ? '' : 's'}: stop ${members === 1 ? 'it' : 'them'} first (offsets can only be reset while the group is Empty).`, {
        name: 'GroupNotEmpty',
        hint: 'Stop the consumers of this group, wait until its state is Empty, then reset.',
      });
    }
    const rows = await this.preview(client, groupId, topic, partitions, mode);
    const byTopic = new Map<string, { partition: number; offset: string }[]>();
    for (const r of rows) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), { partition: r.partition, offset: r.next }]);
    for (const [t, ps] of byTopic) await client.commitOffsets(groupId, t, ps);
    return rows;
  }

  async deleteOffsets(client: KafkaClient, groupId: string, topic: string): Promise<void> {
    const partitions = (await client.committedOffsets(groupId)).filter((c) => c.topic === topic).map((c) => c.partition);
    if (partitions.length === 0) throw appError(ErrorCode.NotFound, `${groupId} has no committed offsets for ${topic}.`);
    await client.deleteGroupOffsets(groupId, topic, partitions);
  }

  async delete(client: KafkaClient, groupId: string): Promise<void> {
    await client.deleteGroup(groupId);
  }

  /** The groups with committed offsets for, or members assigned to, `topic`, and their lag on it alone. */
  async readersOf(client: KafkaClient, topic: string): Promise<TopicReader[]> {
    const { descriptions, offsets } = await this.loadAll(client);
    const marks = await client.fetchWatermarks([topic]);
    return descriptions.flatMap((g, i) => {
      const committed = offsets[i]!.filter((o) => o.topic === topic);
      const assigned = g.members.some((m) => m.assignment.some((a) => a.topic === topic));
      if (committed.length === 0 && !assigned) return [];
      return [{ groupId: g.groupId, state: g.state, members: g.members.length, lag: summarize(g, committed, marks).totalLag, partitions: committed.length }];
    });
  }

  /** Every group described, and its committed offsets: what the list and the readers of a topic are built from. */
  private async loadAll(client: KafkaClient): Promise<{ descriptions: GroupDescription[]; offsets: CommittedOffset[][] }> {
    const ids = await client.listGroupIds();
    const descriptions: GroupDescription[] = [];
    for (let i = 0; i < ids.length; i += DESCRIBE_BATCH) descriptions.push(...(await client.describeGroups(ids.slice(i, i + DESCRIBE_BATCH).map((g) => g.groupId))));
    const offsets = await pooled(descriptions, OFFSET_CONCURRENCY, (g) => client.committedOffsets(g.groupId));
    return { descriptions, offsets };
  }

  private async watermarks(client: KafkaClient, offsets: CommittedOffset[]): Promise<Map<string, PartitionWatermarks>> {
    const topics = [...new Set(offsets.map((o) => o.topic))];
    const marks = topics.length > 0 ? await client.fetchWatermarks(topics) : [];
    return new Map(marks.map((m) => [`${m.topic}:${m.partition}`, m]));
  }
}

/** Rising, falling or flat against the oldest total of the last two minutes. */
export function lagTrend(before: number | undefined, now: number | null): GroupSummary['trend'] {
  if (before === undefined || now === null) return null;
  return now > before ? 'rising' : now < before ? 'falling' : 'flat';
}

function summarize(g: GroupDescription, committed: CommittedOffset[], marks: Map<string, PartitionWatermarks> | PartitionWatermarks[]): GroupSummary {
  const map = Array.isArray(marks) ? new Map(marks.map((m) => [`${m.topic}:${m.partition}`, m])) : marks;
  let lag: number | null = null;
  for (const c of committed) {
    const w = map.get(`${c.topic}:${c.partition}`);
    if (!w || Number(c.offset) < 0) continue;
    lag = (lag ?? 0) + Math.max(0, Number(BigInt(w.high) - BigInt(c.offset)));
  }
  const topics = [...new Set([...committed.map((c) => c.topic), ...g.members.flatMap((m) => m.assignment.map((a) => a.topic))])].sort();
  return {
    groupId: g.groupId,
    state: g.state,
    protocolType: g.protocolType,
    assignor: g.protocol,
    members: g.members.length,
    topics,
    totalLag: lag,
    trend: null,
    note: g.state === 'Dead' && g.members.length === 0 && committed.length > 0 ? KIP848_NOTE : null,
  };
}
