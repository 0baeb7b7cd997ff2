import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';

/** SCRAM users: passwords pass through main once, salted and hashed there, and are never stored or logged. */
export function scramHandlers(connections: ConnectionManager): HandlerGroup<'scram.users' | 'scram.alter'> {
  return {
    'scram.users': ({ connectionId }) => connections.get(connectionId).client.describeScramUsers(),
    'scram.alter': async ({ connectionId, upserts, deletions }) => {
      const client = connections.get(connectionId).client;
      await client.alterScramCredentials(upserts, deletions);
      // The brokers learn the change from the metadata log: wait (briefly) until a describe shows it.
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline) {
        const users = await client.describeScramUsers();
        const has = (user: string, mechanism: string) => users.some((u) => u.user === user && u.credentials.some((c) => c.mechanism === mechanism));
        if (upserts.every((u) => has(u.user, u.mechanism)) && deletions.every((d) => !has(d.user, d.mechanism))) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}
