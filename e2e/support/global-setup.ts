import { repoRoot, startCluster } from '../../scripts/kafka/cluster';
import { startRegistry } from '../../scripts/kafka/registry';
import { seedCluster } from '../../scripts/seed-data';
import { seedSchemas } from '../../scripts/seed-schemas';
import { startAppServer } from './app-server';

/**
 * Starts (or, with KAFKA_BROKERS / SCHEMA_REGISTRY_URL, reuses) a seeded single-node broker, a Schema
 * Registry with the demo's schema-encoded topics, and the built
 * browser-mode server; specs find both through KE_E2E_* environment variables.
 * Returns the teardown Playwright calls at the end.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  let bootstrap = process.env.KAFKA_BROKERS?.trim() || undefined;
  let registryUrl = process.env.SCHEMA_REGISTRY_URL?.trim() || undefined;
  // Both JVMs start side by side; each spends most of its start waiting.
  const [cluster, registry] = await Promise.all([
    bootstrap ? undefined : startCluster({ nodes: 1, name: `e2e-${process.pid}` }),
    registryUrl ? undefined : startRegistry({ root: repoRoot, name: `e2e-registry-${process.pid}` }),
  ]);
  bootstrap ??= cluster!.bootstrap;
  registryUrl ??= registry!.url;
  await seedCluster(bootstrap);
  await seedSchemas(bootstrap, registryUrl);
  const server = await startAppServer();
  process.env.KE_E2E_APP_URL = server.url;
  process.env.KE_E2E_BOOTSTRAP = bootstrap;
  process.env.KE_E2E_REGISTRY = registryUrl;
  return async () => {
    await server.stop();
    await Promise.all([cluster?.stop(), registry?.stop()]);
  };
}
