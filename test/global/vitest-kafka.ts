import type { TestProject } from 'vitest/node';
import { startCluster, type RunningCluster } from '../../scripts/kafka/cluster';

let cluster: RunningCluster | undefined;

/**
 * Integration tests share one real single-node broker: KAFKA_BROKERS reuses a running one
 * (e.g. `npm run kafka:up`), otherwise a fresh one is started on free ports and stopped after.
 * Tests that need three nodes start their own with startCluster({ nodes: 3 }).
 */
export async function setup(project: TestProject): Promise<void> {
  let bootstrap = process.env.KAFKA_BROKERS?.trim() || undefined;
  if (!bootstrap) {
    cluster = await startCluster({ nodes: 1, name: `vitest-${process.pid}` });
    bootstrap = cluster.bootstrap;
  }
  project.provide('kafkaBootstrap', bootstrap);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}
