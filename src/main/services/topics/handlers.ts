import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import type { TopicService } from './topic-service';

export function topicHandlers(connections: ConnectionManager, topics: TopicService): HandlerGroup<'topics.list' | 'topics.partitions'> {
  return {
    'topics.list': ({ connectionId, includeInternal, fresh }) => topics.list(connections.get(connectionId).client, includeInternal, fresh),
    'topics.partitions': ({ connectionId, topic }) => topics.partitions(connections.get(connectionId).client, topic),
  };
}
