import type { ConnectionHealth } from '../../../shared/api';

/** What the connection bar says about a connection's health, in words. */
export function healthText(health: ConnectionHealth | null, now: number): { label: string; detail: string | null } {
  if (!health || health.state === 'connected') return { label: 'Connected', detail: null };
  if (health.state === 'recovered') return { label: 'Recovered', detail: 'Every broker answers again; pages are reloading.' };
  const who = (u: ConnectionHealth['unreachable'][number]) => (u.nodeId !== undefined ? `broker ${u.nodeId} (${u.broker})` : u.broker);
  if (health.state === 'degraded') {
    const up = health.brokers.length - health.unreachable.length;
    return {
      label: `Degraded: ${up} of ${health.brokers.length} brokers answer`,
      detail: health.unreachable.map((u) => `${who(u)}: ${u.reason}`).join('; '),
    };
  }
  const wait = health.nextAttemptAt === null ? null : Math.max(0, Math.ceil((health.nextAttemptAt - now) / 1000));
  return {
    label: wait === null || wait === 0 ? 'Connection lost: retrying…' : `Connection lost: retrying in ${wait} s`,
    detail: health.error?.message ?? health.unreachable[0]?.reason ?? null,
  };
}
