import kafkajs from 'kafkajs';
import { sendApi, negotiateVersion } from '../protocol/send-api';
import { DescribeGroups } from '../protocol/generated/describe-groups';
import { FindCoordinator } from '../protocol/generated/find-coordinator';
import { OffsetFetch } from '../protocol/generated/offset-fetch';
import type { CommittedOffset, GroupDescription } from '../ports/groups';
import { anyReachableBroker } from './any-broker';
import type { InternalCluster } from './internals';
import { throwIfFailed } from './raw/broker-error';
import { pooled } from '../../services/pooled';

// Node's ESM loader cannot see AssignerProtocol as a named export of the CommonJS kafkajs.
const { AssignerProtocol } = kafkajs;

/** FindCoordinator v4+ takes many keys; DescribeGroups and OffsetFetch v8+ many groups. */
const FIND_COORDINATOR_BATCH = 100;
const DESCRIBE_BATCH = 100;
const OFFSET_FETCH_BATCH = 200;
/** Requests in flight at once: enough to keep a few brokers busy, few enough not to flood one. */
const IN_FLIGHT = 4;
/** The coordinator moved or is still loading: ask again where it is now. */
const COORDINATOR_MOVED: ReadonlySet<number> = new Set([14, 15, 16]);
/** DescribeGroups on a group of another type (Kafka 4: "not a classic group"). */
const GROUP_ID_NOT_FOUND = 69;

/**
 * Many groups at once, as the groups list needs them: coordinators found with batched
 * FindCoordinator and remembered (they move only when a broker does), then one DescribeGroups
 * and one OffsetFetch per coordinator and batch, instead of kafkajs' request per group.
 */
export function createGroupBatches(getCluster: () => Promise<InternalCluster>) {
  const known = new Map<string, number>();

  /** Each group's coordinator node, asked only for the groups not seen before. */
  async function byCoordinator(groupIds: string[]): Promise<Map<number, string[]>> {
    const cluster = await getCluster();
    const unknown = groupIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const any = await anyReachableBroker(cluster);
      if ((negotiateVersion(any, FindCoordinator) ?? 0) >= 4) {
        const chunks = chunk(unknown, FIND_COORDINATOR_BATCH);
        await pooled(chunks, IN_FLIGHT, async (keys) => {
          const { response } = await sendApi(any, FindCoordinator, { keyType: 0, coordinatorKeys: keys });
          throwIfFailed(response.coordinators.map((c) => ({ errorCode: c.errorCode, errorMessage: c.errorMessage, subject: c.key })), 'Finding the group coordinators');
          for (const c of response.coordinators) known.set(c.key, c.nodeId);
        });
      } else {
        await pooled(unknown, 8, async (id) => known.set(id, (await cluster.findGroupCoordinator({ groupId: id })).nodeId));
      }
    }
    const out = new Map<number, string[]>();
    for (const id of groupIds) {
      const node = known.get(id)!;
      out.set(node, [...(out.get(node) ?? []), id]);
    }
    return out;
  }

  /** Runs `work` per coordinator and batch; groups whose coordinator moved are looked up and sent once more. */
  async function perCoordinator<T>(groupIds: string[], size: number, work: (nodeId: number, ids: string[]) => Promise<{ done: T[]; moved: string[] }>): Promise<T[]> {
    const out: T[] = [];
    let pending = [...new Set(groupIds)];
    for (let attempt = 0; attempt < 2 && pending.length > 0; attempt++) {
      const jobs = [...(await byCoordinator(pending))].flatMap(([nodeId, ids]) => chunk(ids, size).map((batch) => ({ nodeId, batch })));
      const results = await pooled(jobs, IN_FLIGHT, ({ nodeId, batch }) => work(nodeId, batch));
      pending = results.flatMap((r) => r.moved);
      for (const id of pending) known.delete(id);
      out.push(...results.flatMap((r) => r.done));
    }
    if (pending.length > 0) throwIfFailed([{ errorCode: 15, errorMessage: null, subject: pending[0] }], 'Finding the group coordinators');
    return out;
  }

  return {
    /** Classic groups through DescribeGroups; a group of another type comes back Dead with no members. */
    async describeGroupsBatched(groupIds: string[]): Promise<GroupDescription[]> {
      const cluster = await getCluster();
      return perCoordinator(groupIds, DESCRIBE_BATCH, async (nodeId, ids) => {
        const broker = await cluster.findBroker({ nodeId });
        const { response } = await sendApi(broker, DescribeGroups, { groups: ids, includeAuthorizedOperations: false });
        const moved = response.groups.filter((g) => COORDINATOR_MOVED.has(g.errorCode)).map((g) => g.groupId);
        const answered = response.groups.filter((g) => !COORDINATOR_MOVED.has(g.errorCode));
        throwIfFailed(answered.filter((g) => g.errorCode !== GROUP_ID_NOT_FOUND).map((g) => ({ errorCode: g.errorCode, errorMessage: g.errorMessage, subject: g.groupId })), 'Describing consumer groups');
        const done = answered.map((g) =>
          g.errorCode === GROUP_ID_NOT_FOUND
            ? { groupId: g.groupId, state: 'Dead', protocolType: '', protocol: '', members: [] }
            : {
                groupId: g.groupId,
                state: g.groupState,
                protocolType: g.protocolType,
                protocol: g.protocolData,
                members: g.members.map((m) => ({ memberId: m.memberId, clientId: m.clientId, host: m.clientHost, assignment: decodeAssignment(g.protocolType, m.memberAssignment) })),
              },
        );
        return { done, moved };
      });
    },

    /**
     * Committed offsets of many groups: OffsetFetch v8+ carries up to 200 groups a request
     * (Kafka 3.0+); older brokers get one request per group. Null where the broker is too old.
     */
    async committedOffsetsBatched(groupIds: string[]): Promise<Map<string, CommittedOffset[]> | null> {
      const cluster = await getCluster();
      const any = await anyReachableBroker(cluster);
      // v10 names topics by id only; v8–9 by name, which is what the app keys lag by.
      const version = Math.min(negotiateVersion(any, OffsetFetch) ?? 0, 9);
      if (version < 8) return null;
      const answers = await perCoordinator(groupIds, OFFSET_FETCH_BATCH, async (nodeId, ids) => {
        const broker = await cluster.findBroker({ nodeId });
        const { response } = await sendApi(broker, OffsetFetch, { groups: ids.map((groupId) => ({ groupId, memberId: null, memberEpoch: -1, topics: null })), requireStable: false }, { version });
        const moved = response.groups.filter((g) => COORDINATOR_MOVED.has(g.errorCode)).map((g) => g.groupId);
        const answered = response.groups.filter((g) => !COORDINATOR_MOVED.has(g.errorCode));
        throwIfFailed(answered.map((g) => ({ errorCode: g.errorCode, errorMessage: null, subject: g.groupId })), 'Fetching committed offsets');
        const done = answered.map((g) => ({
          groupId: g.groupId,
          offsets: g.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partitionIndex, offset: p.committedOffset.toString() }))),
        }));
        return { done, moved };
      });
      return new Map(answers.map((a) => [a.groupId, a.offsets]));
    },
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Consumer-protocol assignments are encoded by the client; other protocol types (connect…) are opaque. */
export function decodeAssignment(protocolType: string, bytes: Buffer): { topic: string; partitions: number[] }[] {
  if (protocolType !== 'consumer' || !bytes || bytes.length === 0) return [];
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(bytes);
    return Object.entries(decoded?.assignment ?? {}).map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }));
  } catch {
    return [];
  }
}
