import { describe, expect, it } from 'vitest';
import type { ConnectionHealth } from '../../../shared/api';
import { healthText } from './health-text';

const base: ConnectionHealth = { connectionId: 'c', state: 'connected', since: 0, lastHealthyAt: 0, brokers: ['h:1', 'h:2', 'h:3'], unreachable: [], attempt: 0, nextAttemptAt: null };

describe('healthText', () => {
  it('says which brokers do not answer while degraded', () => {
    const h: ConnectionHealth = { ...base, state: 'degraded', unreachable: [{ broker: 'h:3', nodeId: 3, code: 'ECONNREFUSED', reason: 'Broker h:3 refused the connection' }] };
    expect(healthText(h, 0)).toEqual({ label: 'Degraded: 2 of 3 brokers answer', detail: 'broker 3 (h:3): Broker h:3 refused the connection' });
  });

  it('counts down to the next attempt while lost, with the reason', () => {
    const h: ConnectionHealth = { ...base, state: 'lost', attempt: 2, nextAttemptAt: 10_000, error: { name: 'KafkaConnectionError', code: 'ECONNREFUSED', message: 'Broker h:1 refused the connection', retriable: true } };
    expect(healthText(h, 6_200)).toEqual({ label: 'Connection lost: retrying in 4 s', detail: 'Broker h:1 refused the connection' });
    expect(healthText(h, 10_500).label).toBe('Connection lost: retrying…');
  });

  it('is quiet while connected', () => {
    expect(healthText(null, 0)).toEqual({ label: 'Connected', detail: null });
  });
});
