import { startCluster } from '../../scripts/kafka/cluster';
import { seedCluster } from '../../scripts/seed-data';
import { startAppServer } from './app-server';

/**
 * Starts (or, with KAFKA_BROKERS, reuses) a seeded single-node broker and the built
 * browser-mode server; specs find both through KE_E2E_* environment variables.
 * Returns the teardown Playwright calls at the end.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  let bootstrap = process.env.KAFKA_BROKERS?.trim() || undefined;
  const cluster = bootstrap ? undefined : await startCluster({ nodes: 1, name: `e2e-${process.pid}` });
  bootstrap ??= cluster!.bootstrap;
  await seedCluster(bootstrap);
  const server = await startAppServer();
  process.env.KE_E2E_APP_URL = server.url;
  process.env.KE_E2E_BOOTSTRAP = bootstrap;
  return async () => {
    await server.stop();
    await cluster?.stop();
  };
}
