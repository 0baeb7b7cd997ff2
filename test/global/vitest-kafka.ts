import type { TestProject } from 'vitest/node';
import { repoRoot, startCluster, type RunningCluster } from '../../scripts/kafka/cluster';
import { startRegistry, type RunningRegistry } from '../../scripts/kafka/registry';

let cluster: RunningCluster | undefined;
let registry: RunningRegistry | undefined;

/**
 * Integration tests share one real single-node broker and one real Schema Registry
 * (SCHEMA_REGISTRY_URL reuses a running one): KAFKA_BROKERS reuses a running one
 * (e.g. `npm run kafka:up`), otherwise a fresh one is started on free ports and stopped after.
 * Tests that need three nodes start their own with startCluster({ nodes: 3 }).
 */
export async function setup(project: TestProject): Promise<void> {
  let bootstrap = process.env.KAFKA_BROKERS?.trim() || undefined;
  let registryUrl = process.env.SCHEMA_REGISTRY_URL?.trim() || undefined;
  // The two JVMs start side by side: each takes seconds, mostly waiting.
  const [startedCluster, startedRegistry] = await Promise.all([
    bootstrap ? undefined : startCluster({ nodes: 1, name: `vitest-${process.pid}` }),
    registryUrl ? undefined : startRegistry({ root: repoRoot, name: `vitest-registry-${process.pid}` }),
  ]);
  cluster = startedCluster;
  registry = startedRegistry;
  bootstrap ??= cluster!.bootstrap;
  registryUrl ??= registry!.url;
  project.provide('kafkaBootstrap', bootstrap);
  project.provide('registryUrl', registryUrl);
}

export async function teardown(): Promise<void> {
  await Promise.all([cluster?.stop(), registry?.stop()]);
}
