import { AppError } from '../../../shared/errors';
import { sendApi, negotiateVersion, UnsupportedApiError } from '../protocol/send-api';
import { AlterShareGroupOffsets } from '../protocol/generated/alter-share-group-offsets';
import { ConsumerGroupDescribe, type ConsumerGroupDescribeResponseMember } from '../protocol/generated/consumer-group-describe';
import { DeleteShareGroupOffsets } from '../protocol/generated/delete-share-group-offsets';
import { DescribeShareGroupOffsets } from '../protocol/generated/describe-share-group-offsets';
import { FindCoordinator } from '../protocol/generated/find-coordinator';
import { ListGroups } from '../protocol/generated/list-groups';
import { OffsetCommit } from '../protocol/generated/offset-commit';
import { ShareGroupDescribe } from '../protocol/generated/share-group-describe';
import type { GroupProtocolsPort, GroupType, ProtocolGroupDescription, TopicPartitions } from '../ports/groups';
import { anyReachableBroker, metadataFromAnyBroker } from './any-broker';
import type { InternalBroker, InternalCluster } from './internals';
import { throwIfFailed } from './raw/broker-error';
import { pooled } from '../../services/pooled';

/**
 * Answers that mean "no such group of this type": GROUP_ID_NOT_FOUND (a group of another type,
 * or none), and UNSUPPORTED_VERSION from a 3.x broker whose coordinator has the new protocol off.
 */
const NOT_OF_THIS_TYPE: ReadonlySet<number> = new Set([69, 35]);
const FIND_COORDINATOR_BATCH = 100;
const COORDINATOR_LOAD_IN_PROGRESS = 14;
const LOAD_RETRIES = 20;
const LOAD_RETRY_MS = 500;

const GROUP_TYPES: ReadonlySet<string> = new Set(['classic', 'consumer', 'share', 'streams']);

/**
 * Kafka 4's group protocols through generated requests (../protocol): ListGroups with the group
 * type, ConsumerGroupDescribe (KIP-848), ShareGroupDescribe and the share offsets (KIP-932), and
 * OffsetCommit as an admin, which works for classic and consumer groups alike.
 */
export function createGroupProtocolsPort(getCluster: () => Promise<InternalCluster>): GroupProtocolsPort {
  /** Each group's coordinator, batched with FindCoordinator v4+ (one request per 100 groups) where the broker speaks it. */
  async function byCoordinator(groupIds: string[]): Promise<Map<number, string[]>> {
    const cluster = await getCluster();
    const out = new Map<number, string[]>();
    const add = (nodeId: number, id: string) => out.set(nodeId, [...(out.get(nodeId) ?? []), id]);
    const any = await anyReachableBroker(cluster);
    if ((negotiateVersion(any, FindCoordinator) ?? 0) >= 4) {
      for (let i = 0; i < groupIds.length; i += FIND_COORDINATOR_BATCH) {
        const { response } = await sendApi(any, FindCoordinator, { keyType: 0, coordinatorKeys: groupIds.slice(i, i + FIND_COORDINATOR_BATCH) });
        throwIfFailed(response.coordinators.map((c) => ({ errorCode: c.errorCode, errorMessage: c.errorMessage, subject: c.key })), 'Finding the group coordinators');
        for (const c of response.coordinators) add(c.nodeId, c.key);
      }
    } else {
      await pooled(groupIds, 8, async (id) => add((await cluster.findGroupCoordinator({ groupId: id })).nodeId, id));
    }
    return out;
  }

  async function coordinator(groupId: string): Promise<InternalBroker> {
    return (await getCluster()).findGroupCoordinator({ groupId });
  }

  /** Describes through the group's coordinators; a broker that lacks the API has no such groups. */
  async function describe(groupIds: string[], api: 'consumer' | 'share'): Promise<ProtocolGroupDescription[]> {
    if (groupIds.length === 0) return [];
    const cluster = await getCluster();
    const groups = await byCoordinator(groupIds);
    const answers = await Promise.all(
      [...groups].map(async ([nodeId, ids]) => {
        const broker = await cluster.findBroker({ nodeId });
        try {
          const { response } =
            api === 'consumer'
              ? await sendApi(broker, ConsumerGroupDescribe, { groupIds: ids, includeAuthorizedOperations: false })
              : await sendApi(broker, ShareGroupDescribe, { groupIds: ids, includeAuthorizedOperations: false });
          return response.groups;
        } catch (error) {
          if (error instanceof UnsupportedApiError) return [];
          throw error;
        }
      }),
    );
    const described = answers.flat().filter((g) => !NOT_OF_THIS_TYPE.has(g.errorCode));
    throwIfFailed(described.map((g) => ({ errorCode: g.errorCode, errorMessage: g.errorMessage, subject: g.groupId })), `Describing ${api} groups`);
    return described.map((g) => ({
      groupId: g.groupId,
      state: g.groupState,
      groupEpoch: g.groupEpoch,
      assignmentEpoch: g.assignmentEpoch,
      assignor: g.assignorName,
      members: g.members.map((member) => {
        // Share members are consumer members without instance id, regex and target assignment.
        const m = member as Partial<ConsumerGroupDescribeResponseMember> & typeof member;
        return {
        memberId: m.memberId,
        instanceId: m.instanceId ?? null,
        memberEpoch: m.memberEpoch,
        clientId: m.clientId,
        host: m.clientHost,
        subscribedTopics: [...m.subscribedTopicNames].sort(),
        subscribedRegex: m.subscribedTopicRegex || null,
        assignment: topicPartitions(m.assignment.topicPartitions),
        target: api === 'consumer' && m.targetAssignment ? topicPartitions(m.targetAssignment.topicPartitions) : null,
        };
      }),
    }));
  }

  return {
    async listGroups() {
      const cluster = await getCluster();
      const md = await metadataFromAnyBroker(cluster, []);
      const perBroker = await Promise.all(
        md.brokers.map(async (b) => {
          const broker = await cluster.findBroker({ nodeId: b.nodeId });
          let { response } = await sendApi(broker, ListGroups, { statesFilter: [], typesFilter: [] });
          // A broker that just started loads its group coordinators for a few seconds: wait, as Kafka's admin client does.
          for (let attempt = 0; response.errorCode === COORDINATOR_LOAD_IN_PROGRESS && attempt < LOAD_RETRIES; attempt++) {
            await new Promise((resolve) => setTimeout(resolve, LOAD_RETRY_MS));
            ({ response } = await sendApi(broker, ListGroups, { statesFilter: [], typesFilter: [] }));
          }
          throwIfFailed([{ errorCode: response.errorCode, errorMessage: null, subject: `broker ${b.nodeId}` }], 'Listing groups');
          return response.groups;
        }),
      );
      const seen = new Set<string>();
      return perBroker.flat().flatMap((g) => {
        if (seen.has(g.groupId)) return [];
        seen.add(g.groupId);
        const type = g.groupType.toLowerCase();
        // Before ListGroups v5 (Kafka 3.8) every group was classic.
        return [{ groupId: g.groupId, protocolType: g.protocolType, type: (GROUP_TYPES.has(type) ? type : 'classic') as GroupType, state: g.groupState }];
      });
    },

    describeConsumerGroups: (ids) => describe(ids, 'consumer'),
    describeShareGroups: (ids) => describe(ids, 'share'),

    async shareGroupOffsets(groupId) {
      const { response } = await sendApi(await coordinator(groupId), DescribeShareGroupOffsets, { groups: [{ groupId, topics: null }] }).catch(needsShareGroups);
      const group = response.groups.find((g) => g.groupId === groupId);
      if (!group) return [];
      throwIfFailed([{ errorCode: group.errorCode, errorMessage: group.errorMessage }], `Describing the offsets of ${groupId}`);
      return group.topics
        .flatMap((t) =>
          t.partitions.map((p) => ({
            topic: t.topicName,
            partition: p.partitionIndex,
            startOffset: p.startOffset < 0n ? null : p.startOffset.toString(),
            lag: p.lag < 0n ? null : Number(p.lag),
          })),
        )
        .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    },

    async alterShareGroupOffsets(groupId, topic, partitions) {
      const { response } = await sendApi(await coordinator(groupId), AlterShareGroupOffsets, {
        groupId,
        topics: [{ topicName: topic, partitions: partitions.map((p) => ({ partitionIndex: p.partition, startOffset: BigInt(p.offset) })) }],
      }).catch(needsShareGroups);
      throwIfFailed([{ errorCode: response.errorCode, errorMessage: response.errorMessage }], `Resetting the start offsets of ${groupId}`);
      throwIfFailed(
        response.responses.flatMap((t) => t.partitions.map((p) => ({ errorCode: p.errorCode, errorMessage: p.errorMessage, subject: `${t.topicName}/${p.partitionIndex}` }))),
        `Resetting the start offsets of ${groupId}`,
      );
    },

    async deleteShareGroupOffsets(groupId, topics) {
      const { response } = await sendApi(await coordinator(groupId), DeleteShareGroupOffsets, { groupId, topics: topics.map((topicName) => ({ topicName })) }).catch(needsShareGroups);
      throwIfFailed([{ errorCode: response.errorCode, errorMessage: response.errorMessage }], `Deleting the offsets of ${groupId}`);
      throwIfFailed(response.responses.map((t) => ({ errorCode: t.errorCode, errorMessage: t.errorMessage, subject: t.topicName })), `Deleting the offsets of ${groupId}`);
    },

    async commitGroupOffsets(groupId, topic, partitions) {
      const broker = await coordinator(groupId);
      // v10+ names topics by id; by name up to v9 is all an admin commit needs.
      const version = Math.min(negotiateVersion(broker, OffsetCommit) ?? 0, 9);
      const { response } = await sendApi(
        broker,
        OffsetCommit,
        {
          groupId,
          generationIdOrMemberEpoch: -1,
          memberId: '',
          groupInstanceId: null,
          topics: [{ name: topic, partitions: partitions.map((p) => ({ partitionIndex: p.partition, committedOffset: BigInt(p.offset), committedMetadata: null })) }],
        },
        { version },
      );
      throwIfFailed(
        response.topics.flatMap((t) => t.partitions.map((p) => ({ errorCode: p.errorCode, errorMessage: null, subject: `${t.name}/${p.partitionIndex}` }))),
        `Resetting the offsets of ${groupId}`,
      );
    },
  };
}

function topicPartitions(tps: { topicName: string; partitions: number[] }[]): TopicPartitions[] {
  return tps.map((t) => ({ topic: t.topicName, partitions: [...t.partitions].sort((a, b) => a - b) })).sort((a, b) => a.topic.localeCompare(b.topic));
}

/** A broker without share groups: say which Kafka they need rather than an API name. */
function needsShareGroups(error: unknown): never {
  if (error instanceof UnsupportedApiError) {
    throw new AppError({
      name: 'UnsupportedVersion',
      code: 'UNSUPPORTED_VERSION',
      message: `Share groups need Kafka 4.2+ (this broker does not speak ${error.apiName}).`,
      retriable: false,
      hint: 'Share groups (KIP-932) are GA from Apache Kafka 4.2.',
    });
  }
  throw error;
}
