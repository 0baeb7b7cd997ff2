import type { InternalCluster } from './internals';

/**
 * kafkajs answers a lookup of a broker its pool does not hold yet ("Broker 1 not found in the
 * cached metadata") by refreshing the metadata, and then still fails that lookup. Right after
 * connecting, while the pool is still being filled, a page that asks every broker at once (the
 * Brokers page's disks and versions) then showed each as unreachable until the next refresh.
 * After kafkajs' refresh the pool holds every broker the cluster lists, so one more lookup
 * settles it; a broker the cluster really does not list still fails.
 */
export function lookUpBrokersAgainAfterRefresh(cluster: InternalCluster): void {
  const find = cluster.findBroker.bind(cluster);
  cluster.findBroker = async (options) => {
    try {
      return await find(options);
    } catch (error) {
      if ((error as Error)?.name !== 'KafkaJSBrokerNotFound') throw error;
      return find(options);
    }
  };
}
