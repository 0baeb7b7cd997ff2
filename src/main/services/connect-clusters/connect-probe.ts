import type { ConnectClusterConfig } from '../../../shared/api';
import type { Route } from '../../network/route';
import { connectClientFor } from './connect-client';

/** The connection test's "Kafka Connect" step: each cluster's worker version and connector count, or the first failure. */
export async function probeConnectClusters(clusters: ConnectClusterConfig[], timeoutMs: number, route: Route | null = null): Promise<string> {
  const parts: string[] = [];
  for (const config of clusters) {
    const client = await connectClientFor(config, timeoutMs, route);
    const root = await client.get<{ version?: string }>('/', 'describe the worker');
    const connectors = await client.get<string[]>('/connectors', 'list connectors');
    parts.push(`${config.name}: Kafka Connect ${root?.version ?? '?'}, ${connectors.length} connector${connectors.length === 1 ? '' : 's'}`);
  }
  return parts.join('; ');
}
