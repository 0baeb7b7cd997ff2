import { create } from 'zustand';
import type { ConnectionHealth, HealthState } from '../../shared/api';

interface HealthStoreState {
  /** The last health main pushed, per connection id. */
  byConnection: Record<string, ConnectionHealth>;
  /** Records a pushed health; returns the state it replaces (`connected` when none was known). */
  onHealth(health: ConnectionHealth): HealthState;
  forget(connectionId: string): void;
}

/** Each open connection's health (connected, degraded, lost, recovered), as main pushes it. */
export const useHealthStore = create<HealthStoreState>()((set, get) => ({
  byConnection: {},
  onHealth(health) {
    const previous = get().byConnection[health.connectionId]?.state ?? 'connected';
    set((s) => ({ byConnection: { ...s.byConnection, [health.connectionId]: health } }));
    return previous;
  },
  forget(connectionId) {
    set((s) => {
      const { [connectionId]: _gone, ...rest } = s.byConnection;
      return { byConnection: rest };
    });
  },
}));

/** The connection's health, or null while main has reported none (it is connected then). */
export function useConnectionHealth(connectionId: string | undefined): ConnectionHealth | null {
  return useHealthStore((s) => (connectionId ? (s.byConnection[connectionId] ?? null) : null));
}

/** True while what pages show may be out of date: some or all brokers do not answer. */
export function isUnhealthy(state: HealthState | undefined): boolean {
  return state === 'lost' || state === 'degraded';
}
