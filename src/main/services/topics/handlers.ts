import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import type { TopicAdminService } from './topic-admin-service';
import type { TopicService } from './topic-service';
import type { TopicCloneService } from './topic-clone';

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
  | 'topics.deleteRecords'
  | 'topics.clonePlan'
  | 'topics.clone';

export function topicHandlers(connections: ConnectionManager, topics: TopicService, admin: TopicAdminService, cloning: TopicCloneService): HandlerGroup<TopicCall> {
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
    'topics.clonePlan': ({ connectionId, topic }) => cloning.plan(client(connectionId), topic),
    'topics.clone': ({ connectionId, topic, name, partitions, replicationFactor, configs, copyData, runId }, ctx) =>
      cloning.clone(client(connectionId), { topic, name, partitions, replicationFactor, configs, copyData, runId }, ctx.signal, (p) => ctx.emit('copy.progress', p)),
  };
}
