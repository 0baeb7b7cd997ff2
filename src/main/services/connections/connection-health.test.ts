import { describe, expect, it } from 'vitest';
import type { ConnectionHealth, HealthState } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { brokerUnreachableData } from '../../kafka/connection-errors';
import { createLogger } from '../../log';
import { ConnectionHealthMonitor } from './connection-health';

const log = createLogger('test', { sink: () => undefined });

/** A monitor over three brokers whose answers the test decides; rounds run when the test says. */
function setup() {
  const down = new Set<string>();
  const changes: { health: ConnectionHealth; previous: HealthState }[] = [];
  let now = 1_000;
  const monitor = new ConnectionHealthMonitor({
    connectionId: 'c1',
    bootstrap: ['h:1'],
    probe: async (address) => {
      if (down.has(address)) throw new AppError(brokerUnreachableData('ECONNREFUSED', address));
    },
    describeBrokers: async () => [1, 2, 3].map((nodeId) => ({ nodeId, address: `h:${nodeId}` })),
    onChange: (health, previous) => changes.push({ health, previous }),
    log,
    now: () => now,
  });
  return { monitor, down, changes, advance: (ms: number) => (now += ms) };
}

describe('ConnectionHealthMonitor', () => {
  it('goes connected → degraded (which broker, why) → lost (backoff, calls fail at once) → recovered → connected', async () => {
    const { monitor, down, changes, advance } = setup();
    monitor.start([1, 2, 3].map((nodeId) => ({ nodeId, address: `h:${nodeId}` })));
    expect(monitor.current().state).toBe('connected');

    down.add('h:2');
    const degraded = await monitor.retryNow();
    expect(degraded).toMatchObject({ state: 'degraded', unreachable: [{ broker: 'h:2', nodeId: 2, code: 'ECONNREFUSED', reason: 'Broker h:2 refused the connection' }] });

    // A call under way when the last broker goes is cut short with the lost error.
    let release!: (v: string) => void;
    const pending = monitor.guard(new Promise<string>((resolve) => (release = resolve)));
    down.add('h:1');
    down.add('h:3');
    advance(1_000);
    const lost = await monitor.retryNow();
    expect(lost).toMatchObject({ state: 'lost', attempt: 1, nextAttemptAt: 3_000, error: { code: 'ECONNREFUSED', retriable: true } });
    await expect(pending).rejects.toMatchObject({ code: 'ECONNREFUSED', message: 'Broker h:1 refused the connection' });
    release('late');
    await expect(monitor.guard(Promise.resolve('x'))).rejects.toMatchObject({ name: 'KafkaConnectionError' });
    expect((await monitor.retryNow()).attempt).toBe(2);

    const usable = monitor.waitUntilUsable(new AbortController().signal);
    down.clear();
    advance(5_000);
    const back = await monitor.retryNow();
    await usable;
    expect(back).toMatchObject({ state: 'recovered', unreachable: [], lastHealthyAt: 7_000 });
    await expect(monitor.guard(Promise.resolve('ok'))).resolves.toBe('ok');
    expect((await monitor.retryNow()).state).toBe('connected');
    expect(changes.map((c) => `${c.previous}→${c.health.state}`)).toEqual(['connected→degraded', 'degraded→lost', 'lost→lost', 'lost→recovered', 'recovered→connected']);
    monitor.stop();
  });

  it('remembers a broker the metadata no longer lists, so a stopped one keeps the connection degraded', async () => {
    const { monitor, down } = setup();
    monitor.start();
    // The first healthy round learns the three brokers from the metadata.
    await monitor.retryNow();
    down.add('h:3');
    expect(await monitor.retryNow()).toMatchObject({ state: 'degraded', brokers: ['h:1', 'h:2', 'h:3'] });
    monitor.stop();
  });
});
