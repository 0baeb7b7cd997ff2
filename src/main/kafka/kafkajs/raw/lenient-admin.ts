import type { Admin, Kafka, RetryOptions } from 'kafkajs';
import createAdmin from 'kafkajs/src/admin/index.js';
import { createInternalCluster } from '../internals';
import { tolerateOfflinePartitions } from './lenient-metadata';

/**
 * kafkajs' admin over a cluster that reads metadata leniently (see lenient-metadata.ts). Its
 * own `kafka.admin()` cluster throws on any offline partition of a topic it has touched, so one
 * stopped broker would fail every group's page (describe, committed offsets) for as long as it is down.
 */
export function lenientAdmin(kafka: Kafka, retry: RetryOptions): Admin {
  const cluster = createInternalCluster(kafka);
  tolerateOfflinePartitions(cluster);
  return createAdmin({ logger: kafka.logger(), retry, cluster });
}
