import type { KafkaClient } from '../../kafka/client';
import type { ConfigChange } from '../../kafka/ports/topic-admin';

const SETTLE_MS = 10_000;

/**
 * Changes dynamic broker configs and, unless only validating, waits (bounded) until the
 * broker's DescribeConfigs shows them: each broker applies a change from the metadata log in
 * its own time, and the page reloads the configs right after.
 */
export async function alterBrokerConfigs(client: KafkaClient, nodeId: number | null, changes: ConfigChange[], validateOnly: boolean): Promise<void> {
  await client.alterBrokerConfigs(nodeId, changes, validateOnly);
  if (validateOnly) return;
  const cluster = await client.describeCluster();
  const nodes = nodeId === null ? cluster.brokers.map((b) => b.nodeId) : [nodeId];
  const source = nodeId === null ? 'dynamic-default-broker' : 'dynamic-broker';
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const views = await Promise.all(nodes.map((n) => client.describeBrokerConfigs(n).catch(() => null)));
    const shows = views.every(
      (configs) =>
        configs === null ||
        changes.every((c) => {
          const entry = configs.find((e) => e.name === c.name);
          if (!entry) return true;
          const own = entry.synonyms.find((s) => s.source === source);
          return c.value === null ? !own : entry.sensitive || own?.value === c.value;
        }),
    );
    if (shows || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 150));
  }
}
