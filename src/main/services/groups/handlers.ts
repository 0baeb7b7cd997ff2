import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import type { GroupService } from './group-service';
import type { LagSampler } from './lag-sampler';

export function groupHandlers(
  connections: ConnectionManager,
  groups: GroupService,
  sampler: LagSampler,
): HandlerGroup<'groups.list' | 'groups.ids' | 'groups.summaries' | 'groups.describe' | 'groups.resetPreview' | 'groups.reset' | 'groups.delete' | 'groups.lag' | 'groups.deleteOffsets'> {
  const client = (id: string) => connections.get(id).client;
  return {
    'groups.list': ({ connectionId }, ctx) => groups.list(client(connectionId), ctx.signal),
    'groups.ids': ({ connectionId }) => groups.ids(client(connectionId)),
    'groups.summaries': ({ connectionId, groups: rows }) => groups.summaries(client(connectionId), rows),
    'groups.describe': ({ connectionId, groupId }) => groups.describe(client(connectionId), groupId),
    'groups.resetPreview': (r) => groups.preview(client(r.connectionId), r.groupId, r.topic, r.partitions, r.mode),
    'groups.reset': (r) => groups.reset(client(r.connectionId), r.groupId, r.topic, r.partitions, r.mode),
    'groups.delete': ({ connectionId, groupId }) => groups.delete(client(connectionId), groupId),
    'groups.deleteOffsets': ({ connectionId, groupId, topic }) => groups.deleteOffsets(client(connectionId), groupId, topic),
    'groups.lag': ({ connectionId, groupId }) => sampler.history(connectionId, () => client(connectionId), groupId),
  };
}
