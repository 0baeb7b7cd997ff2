import type { QuotaEntity } from '../../../shared/quotas/resolve';
import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import type { KafkaClient } from '../../kafka/client';

/** Sorted for reading: users first, then by name, defaults after names. */
const sortKey = (e: QuotaEntity) => `${e.user === undefined ? '1' : '0'}${e.user ?? '\uffff'}|${e.clientId === undefined ? '0' : '1'}${e.clientId ?? '\uffff'}`;

/**
 * The broker applies quota changes through its metadata log: wait (briefly) until a describe
 * shows the change, so the list the window reloads next is the truth.
 */
async function settle(client: KafkaClient, entity: QuotaEntity, values: Record<string, number | null>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const entry = (await client.describeClientQuotas()).find((e) => e.entity.user === entity.user && e.entity.clientId === entity.clientId);
    if (Object.entries(values).every(([k, v]) => (entry?.values[k] ?? null) === v)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function quotaHandlers(connections: ConnectionManager): HandlerGroup<'quotas.list' | 'quotas.alter'> {
  return {
    'quotas.list': async ({ connectionId }) => {
      const entries = await connections.get(connectionId).client.describeClientQuotas();
      return { entries: entries.sort((a, b) => sortKey(a.entity).localeCompare(sortKey(b.entity))) };
    },
    'quotas.alter': async ({ connectionId, entity, values, validateOnly }) => {
      const client = connections.get(connectionId).client;
      const parts: QuotaEntity = { ...(entity.user !== undefined ? { user: entity.user } : {}), ...(entity.clientId !== undefined ? { clientId: entity.clientId } : {}) };
      const changes = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, number | null>;
      await client.alterClientQuotas(parts, changes, validateOnly);
      if (!validateOnly) await settle(client, parts, changes);
    },
  };
}
