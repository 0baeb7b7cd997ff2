import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import type { TopicAdminService } from './topic-admin-service';
import type { TopicService } from './topic-service';

type TopicCall =
  | 'topics.list'
  | 'topics.partitions'
  | 'topics.stats'
  | 'topics.configs'
  | 'topics.retention'
  | 'topics.readers'
  | 'topics.create'
  | 'topics.delete'
  | 'topics.addPartitions'
  | 'topics.alterConfigs'
  | 'topics.deleteRecords';

export function topicHandlers(connections: ConnectionManager, topics: TopicService, admin: TopicAdminService): HandlerGroup<TopicCall> {
  const client = (connectionId: string) => connections.get(connectionId).client;
  return {
    'topics.list': ({ connectionId, includeInternal, fresh }) => topics.list(client(connectionId), includeInternal, fresh),
    'topics.partitions': ({ connectionId, topic }) => topics.partitions(client(connectionId), topic),
    'topics.stats': ({ connectionId, topics: only }) => topics.stats(client(connectionId), only),
    'topics.configs': ({ connectionId, topic }) => topics.configs(client(connectionId), topic),
    'topics.retention': ({ connectionId, topic }) => topics.retention(client(connectionId), topic),
    'topics.readers': ({ connectionId, topic }) => topics.readers(client(connectionId), topic),
    'topics.create': ({ connectionId, validateOnly, ...topic }) =>
      admin.create(client(connectionId), { name: topic.name, partitions: topic.partitions, replicationFactor: topic.replicationFactor, configs: topic.configs }, validateOnly),
    'topics.delete': ({ connectionId, topic, confirmation }) => admin.delete(client(connectionId), topic, confirmation),
    'topics.addPartitions': ({ connectionId, topic, count, validateOnly }) => admin.addPartitions(client(connectionId), topic, count, validateOnly),
    'topics.alterConfigs': ({ connectionId, topic, changes, validateOnly }) => admin.alterConfigs(client(connectionId), topic, changes, validateOnly),
    'topics.deleteRecords': ({ connectionId, topic, partitions, confirmation }) => admin.deleteRecords(client(connectionId), topic, partitions, confirmation),
  };
}
