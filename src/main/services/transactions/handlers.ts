import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import { topicTransactions } from './transactions-service';

export function transactionHandlers(connections: ConnectionManager): HandlerGroup<'transactions.topic' | 'transactions.abort'> {
  return {
    'transactions.topic': ({ connectionId, topic, hangingAfterMs }) => topicTransactions(connections.get(connectionId).client, topic, hangingAfterMs),
    'transactions.abort': ({ connectionId, topic, partition, producerId, producerEpoch, coordinatorEpoch }) =>
      connections.get(connectionId).client.abortTransaction({ topic, partition, producerId: BigInt(producerId), producerEpoch, coordinatorEpoch }),
  };
}
