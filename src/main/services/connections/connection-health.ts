import type { ConnectionHealth, HealthState, UnreachableBroker } from '../../../shared/api';
import { AppError, type AppErrorData } from '../../../shared/errors';
import type { Logger } from '../../log';

/**
 * How often and how patiently a connection's brokers are probed (docs/connection-health.md).
 * `intervalMs + probeTimeoutMs` bounds how long a call to a frozen cluster can hang before it
 * fails: the round that finds every broker silent turns the connection `lost`, which fails the
 * calls under way and every new one at once.
 */
export interface HealthTimings {
  /** Between rounds while some broker answers. */
  intervalMs: number;
  /** One probe (connect + ApiVersions) may take this long before the broker counts as silent. */
  probeTimeoutMs: number;
  /** Waits between rounds while `lost`, one per failed round, the last one repeated. */
  backoffMs: number[];
  /** The broker list is read again from the metadata at most this often (only while healthy). */
  metadataEveryMs: number;
}

export const DEFAULT_HEALTH_TIMINGS: HealthTimings = {
  intervalMs: 5_000,
  probeTimeoutMs: 4_000,
  backoffMs: [1_000, 2_000, 4_000, 8_000, 15_000],
  metadataEveryMs: 30_000,
};

export interface HealthDeps {
  connectionId: string;
  /** The bootstrap addresses: probed until the metadata has named the brokers. */
  bootstrap: string[];
  /** Resolves when the broker at host:port answers; rejects with AppError (connection-test wording) when not. */
  probe(address: string): Promise<void>;
  /** The brokers the cluster's metadata lists now. */
  describeBrokers(): Promise<{ nodeId: number; address: string }[]>;
  onChange(health: ConnectionHealth, previous: HealthState): void;
  log: Logger;
  timings?: Partial<HealthTimings>;
  now?: () => number;
}

/** The hint every call failed by a lost connection carries. */
const LOST_HINT = 'Kafka Explorer keeps retrying and reloads the page when the cluster answers again; pages show what they read last.';

/**
 * One connection's health: probes every broker the connection has known (a stopped broker soon
 * leaves the metadata, but is still missing), turns the results into a state and tells
 * `onChange` about every change. While `lost`, calls fail at once with the same clear error
 * (`guard`), and the rounds back off.
 */
export class ConnectionHealthMonitor {
  private readonly timings: HealthTimings;
  private readonly now: () => number;
  /** Every broker seen during this connection: address → node id. */
  private readonly known = new Map<string, number | undefined>();
  private health: ConnectionHealth;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ConnectionHealth> | null = null;
  private stopped = false;
  private lastMetadataAt = 0;
  private lastSuspectAt = 0;
  private readonly lostListeners = new Set<(error: AppError) => void>();
  private readonly usableListeners = new Set<() => void>();

  constructor(private readonly deps: HealthDeps) {
    this.timings = { ...DEFAULT_HEALTH_TIMINGS, ...deps.timings };
    this.now = deps.now ?? Date.now;
    const at = this.now();
    this.health = { connectionId: deps.connectionId, state: 'connected', since: at, lastHealthyAt: at, brokers: [...deps.bootstrap], unreachable: [], attempt: 0, nextAttemptAt: null };
  }

  /** Starts the rounds; the connection just proved healthy, so the first one comes after an interval. */
  start(brokers?: { nodeId: number; address: string }[]): void {
    for (const b of brokers ?? []) this.known.set(b.address, b.nodeId);
    if (brokers) this.lastMetadataAt = this.now();
    this.schedule(this.timings.intervalMs);
  }

  current(): ConnectionHealth {
    return { ...this.health, unreachable: [...this.health.unreachable], brokers: [...this.health.brokers] };
  }

  /** The error calls fail with while `lost`, or null. */
  lostError(): AppError | null {
    return this.health.state === 'lost' && this.health.error ? new AppError(this.health.error) : null;
  }

  /**
   * The work's result, unless the connection is (or turns) `lost` first: then the lost error at
   * once, instead of waiting out kafkajs' request timeout and retries against a dead cluster.
   */
  guard<T>(work: Promise<T>): Promise<T> {
    const lost = this.lostError();
    if (lost) {
      work.catch(() => undefined);
      return Promise.reject(lost);
    }
    return new Promise<T>((resolve, reject) => {
      const onLost = (error: AppError) => {
        work.catch(() => undefined);
        reject(error);
      };
      this.lostListeners.add(onLost);
      work.then(
        (value) => {
          this.lostListeners.delete(onLost);
          resolve(value);
        },
        (error: unknown) => {
          this.lostListeners.delete(onLost);
          reject(error);
        },
      );
    });
  }

  /** Resolves once the connection is not `lost` (at once when it is not), or when `signal` aborts. */
  waitUntilUsable(signal: AbortSignal): Promise<void> {
    if (this.health.state !== 'lost' || signal.aborted || this.stopped) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        this.usableListeners.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.usableListeners.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** A call failed as if a broker were gone: look now rather than at the next round (at most once a second). */
  suspect(): void {
    if (this.stopped || this.running || this.health.state === 'lost') return;
    const at = this.now();
    if (at - this.lastSuspectAt < 1_000) return;
    this.lastSuspectAt = at;
    void this.check();
  }

  /** "Retry now": a round at once (or the one under way), whatever the backoff says. */
  retryNow(): Promise<ConnectionHealth> {
    return this.check();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const done of [...this.usableListeners]) done();
  }

  private check(): Promise<ConnectionHealth> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), ms);
    this.timer.unref?.();
  }

  private async round(): Promise<ConnectionHealth> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const addresses = this.known.size > 0 ? [...this.known.keys()] : [...this.deps.bootstrap];
    const results = await Promise.allSettled(addresses.map((address) => this.deps.probe(address)));
    if (this.stopped) return this.current();
    const unreachable: UnreachableBroker[] = [];
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') return;
      const address = addresses[i]!;
      const data = errorData(r.reason, address);
      const nodeId = this.known.get(address);
      unreachable.push({ broker: address, ...(nodeId !== undefined ? { nodeId } : {}), reason: data.message, code: data.code });
    });
    const at = this.now();
    const previous = this.health;
    let next: ConnectionHealth;
    if (unreachable.length === 0) {
      const state: HealthState = previous.state === 'lost' || previous.state === 'degraded' ? 'recovered' : 'connected';
      next = { connectionId: previous.connectionId, state, since: state === previous.state ? previous.since : at, lastHealthyAt: at, brokers: addresses, unreachable, attempt: 0, nextAttemptAt: null };
      await this.refreshBrokers(at);
    } else if (unreachable.length < addresses.length) {
      next = { connectionId: previous.connectionId, state: 'degraded', since: previous.state === 'degraded' ? previous.since : at, lastHealthyAt: previous.lastHealthyAt, brokers: addresses, unreachable, attempt: 0, nextAttemptAt: null };
    } else {
      const attempt = previous.state === 'lost' ? previous.attempt + 1 : 1;
      const wait = this.timings.backoffMs[Math.min(attempt - 1, this.timings.backoffMs.length - 1)] ?? this.timings.intervalMs;
      const first = errorData((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason, addresses[0]!);
      const error: AppErrorData = { ...first, retriable: true, hint: LOST_HINT };
      next = { connectionId: previous.connectionId, state: 'lost', since: previous.state === 'lost' ? previous.since : at, lastHealthyAt: previous.lastHealthyAt, brokers: addresses, unreachable, error, attempt, nextAttemptAt: at + wait };
    }
    this.health = next;
    this.logTransition(previous, next);
    if (changed(previous, next)) this.deps.onChange(this.current(), previous.state);
    if (next.state === 'lost') {
      const error = new AppError(next.error!);
      for (const reject of [...this.lostListeners]) reject(error);
      this.lostListeners.clear();
      this.schedule(next.nextAttemptAt! - at);
    } else {
      for (const done of [...this.usableListeners]) done();
      this.schedule(this.timings.intervalMs);
    }
    return this.current();
  }

  /** Learns brokers that joined; never forgets one (a stopped broker leaves the metadata, not the cluster). */
  private async refreshBrokers(at: number): Promise<void> {
    if (this.known.size > 0 && at - this.lastMetadataAt < this.timings.metadataEveryMs) return;
    this.lastMetadataAt = at;
    try {
      const brokers = await withTimeout(this.deps.describeBrokers(), this.timings.probeTimeoutMs);
      for (const b of brokers) this.known.set(b.address, b.nodeId);
    } catch (error) {
      this.deps.log.debug('broker list not refreshed', { error: errorData(error, '').message });
    }
  }

  private logTransition(previous: ConnectionHealth, next: ConnectionHealth): void {
    const log = this.deps.log;
    const id = next.connectionId;
    if (next.state === previous.state) return;
    if (next.state === 'lost') log.warn('connection lost: retrying with backoff', { id, reason: next.error?.message });
    else if (next.state === 'degraded') log.warn('connection degraded', { id, unreachable: next.unreachable.map((u) => u.reason) });
    else if (next.state === 'recovered') log.info('connection recovered', { id, afterMs: next.since - previous.since });
  }
}

function errorData(reason: unknown, address: string): AppErrorData {
  if (AppError.is(reason)) return reason.toData();
  return { name: 'KafkaConnectionError', code: 'CONNECTION_FAILED', message: `Broker ${address} could not be reached (${reason instanceof Error ? reason.message : String(reason)})`, retriable: true, broker: address };
}

/** Worth telling the window: another state, other unreachable brokers, or another retry time. */
function changed(a: ConnectionHealth, b: ConnectionHealth): boolean {
  if (a.state !== b.state || a.nextAttemptAt !== b.nextAttemptAt) return true;
  const key = (h: ConnectionHealth) => h.unreachable.map((u) => `${u.broker} ${u.code}`).join('|');
  return key(a) !== key(b);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => undefined);
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}
