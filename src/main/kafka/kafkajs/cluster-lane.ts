import { AppError, ErrorCode } from '../../../shared/errors';
import type { Logger } from '../../log';
import { lookUpBrokersAgainAfterRefresh } from './broker-lookup';
import type { InternalCluster } from './internals';
import { tolerateOfflinePartitions } from './raw/lenient-metadata';

/**
 * One kafkajs cluster (a connection per broker), connected on first use and again after it
 * dropped. Offline partitions are tolerated in its metadata (see lenient-metadata.ts).
 */
export function clusterLane(newCluster: () => InternalCluster, isClosed: () => boolean) {
  let cluster: InternalCluster | null = null;
  let connecting: Promise<InternalCluster> | null = null;
  return {
    async get(): Promise<InternalCluster> {
      if (isClosed()) throw new AppError({ name: 'NotConnectedError', code: ErrorCode.NotConnected, message: 'The connection is closed.', retriable: false });
      // While connecting, wait for it: kafkajs says "connected" once the first broker is, before
      // the metadata below has filled its pool, and a broker asked for by id then is "not found".
      if (connecting) return connecting;
      if (cluster?.isConnected()) return cluster;
      connecting = (async () => {
        const c = cluster ?? newCluster();
        if (c !== cluster) {
          tolerateOfflinePartitions(c);
          lookUpBrokersAgainAfterRefresh(c);
        }
        cluster = c;
        await c.connect();
        // Which brokers there are (no topics): anyReachableBroker and findBroker need them.
        if (!c.brokerPool.metadata) await c.refreshMetadata();
        return c;
      })().finally(() => {
        connecting = null;
      });
      return connecting;
    },
    async disconnect(log: Logger): Promise<void> {
      const c = cluster;
      cluster = null;
      await c?.disconnect().catch((error: unknown) => log.debug('disconnect failed', { error }));
    },
  };
}
