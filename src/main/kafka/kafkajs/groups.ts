import type { Admin } from 'kafkajs';
import type { LazyClient } from './lazy-client';
import type { GroupProtocolsPort, GroupsPort } from '../ports/groups';
import { rethrowAsAppError } from './errors';
import { decodeAssignment } from './group-batches';

/** Consumer groups through kafkajs' admin (the connection's shared admin); OffsetDelete is a raw request (raw/). */
export function createGroupsPort(admin: LazyClient<Admin>): Omit<GroupsPort, 'deleteGroupOffsets' | 'describeGroupsBatched' | 'committedOffsetsBatched' | keyof GroupProtocolsPort> {
  const get = () => admin.get();

  return {
    async listGroupIds() {
      const { groups } = await (await get()).listGroups().catch(rethrowAsAppError('Listing consumer groups'));
      return groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType }));
    },

    async describeGroups(groupIds) {
      if (groupIds.length === 0) return [];
      const { groups } = await (await get()).describeGroups(groupIds).catch(rethrowAsAppError('Describing consumer groups'));
      return groups.map((g) => ({
        groupId: g.groupId,
        state: g.state,
        protocolType: g.protocolType,
        protocol: g.protocol,
        members: g.members.map((m) => ({
          memberId: m.memberId,
          clientId: m.clientId,
          host: m.clientHost,
          assignment: decodeAssignment(g.protocolType, m.memberAssignment),
        })),
      }));
    },

    async committedOffsets(groupId) {
      const topics = await (await get()).fetchOffsets({ groupId }).catch(rethrowAsAppError(`Fetching the offsets of ${groupId}`));
      return topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, offset: p.offset })));
    },

    async commitOffsets(groupId, topic, partitions) {
      await (await get()).setOffsets({ groupId, topic, partitions }).catch(rethrowAsAppError(`Resetting the offsets of ${groupId}`));
    },

    async deleteGroup(groupId) {
      await (await get()).deleteGroups([groupId]).catch(rethrowAsAppError(`Deleting ${groupId}`));
    },

  };
}
