import { describe, expect, it } from 'vitest';
import { calls, type CallName } from '../../shared/api';
import { createLogger } from '../log';
import { createDispatcher } from './dispatcher';
import type { CallContext, Handlers } from './handlers';
import { createRpcHost } from './rpc-host';

const quiet = createLogger('test', { sink: () => undefined });
const ctx = (): CallContext => ({ signal: new AbortController().signal, emit: () => undefined, clientId: 'c1', backlog: () => 0 });

const open = { isReadOnly: () => false, ownerOf: () => undefined };

/** Handlers that echo their (validated) request, so tests see what the dispatcher passed on. */
function echoHandlers(): Handlers {
  const handlers = {} as Record<string, (req: unknown) => unknown>;
  for (const name of Object.keys(calls)) handlers[name] = async (req) => ({ echoed: req });
  return handlers as unknown as Handlers;
}

describe('dispatcher', () => {
  const readOnly = new Set(['ro']);
  const dispatcher = createDispatcher(echoHandlers(), { isReadOnly: (id) => readOnly.has(id), ownerOf: (id) => (id === 'theirs' ? 'c2' : id === 'ro' ? 'c1' : undefined) }, quiet);

  it('refuses unknown calls', async () => {
    const result = await dispatcher.dispatch('nope.nothing', {}, ctx());
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('validates arguments with the contract schema and names the bad field', async () => {
    const result = await dispatcher.dispatch('topics.partitions', { connectionId: 'abc', topic: 'bad topic!' }, ctx());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toContain('topic');
    }
  });

  it('applies schema defaults before the handler runs', async () => {
    const result = await dispatcher.dispatch('connection.connect', { config: { brokers: ['localhost:9092'] } }, ctx());
    expect(result).toMatchObject({ ok: true, value: { echoed: { config: { clientId: 'kafka-explorer', readOnly: false, connectionTimeoutMs: 10000 } } } });
  });

  it('rejects malformed broker addresses', async () => {
    const result = await dispatcher.dispatch('connection.connect', { config: { brokers: ['localhost'] } }, ctx());
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses every write call on a read-only connection, and lets reads through', async () => {
    const writes = (Object.keys(calls) as CallName[]).filter((n) => calls[n].write);
    // The gate runs before validation, so the connection id alone decides.
    for (const name of writes) {
      const result = await dispatcher.dispatch(name, { connectionId: 'ro' }, ctx());
      expect(result, name).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    }
    const read = await dispatcher.dispatch('cluster.overview', { connectionId: 'ro' }, ctx());
    expect(read.ok).toBe(true);
  });

  it('answers another window\'s connection id exactly like a closed one, before the read-only gate', async () => {
    for (const name of ['cluster.overview', 'connection.disconnect', 'topics.delete'] as const) {
      const result = await dispatcher.dispatch(name, { connectionId: 'theirs', names: ['t'] }, ctx());
      expect(result, name).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED', message: 'This connection is closed.' } });
    }
    expect(await dispatcher.dispatch('cluster.overview', { connectionId: 'ro' }, ctx())).toMatchObject({ ok: true });
  });

  it('turns thrown errors into data', async () => {
    const failing = { ...echoHandlers(), 'cluster.overview': async () => { throw new Error('boom'); } } as Handlers;
    const d = createDispatcher(failing, open, quiet);
    expect(await d.dispatch('cluster.overview', { connectionId: 'x' }, ctx())).toEqual({
      ok: false,
      error: { name: 'Error', code: 'UNKNOWN', message: 'boom', retriable: false },
    });
  });
});

describe('rpc host', () => {
  it('aborts a call when the renderer cancels it, and all calls when the client detaches', async () => {
    const seen: AbortSignal[] = [];
    const handlers = {
      ...echoHandlers(),
      'cluster.overview': (_req: unknown, c: CallContext) =>
        new Promise((_, reject) => {
          seen.push(c.signal);
          c.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
        }),
    } as unknown as Handlers;
    const host = createRpcHost(createDispatcher(handlers, open, quiet), quiet);
    const client = host.attach(() => undefined);
    const first = host.call(client, 'a', 'cluster.overview', { connectionId: 'x' });
    const second = host.call(client, 'b', 'cluster.overview', { connectionId: 'x' });
    await Promise.resolve();
    host.cancel(client, 'a');
    expect(await first).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(seen[1]?.aborted).toBe(false);
    const detached: string[] = [];
    host.onDetach((id) => detached.push(id));
    host.detach(client);
    expect(await second).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(detached).toEqual([client.id]);
  });

  it('caps the calls one client may have running, and refuses a second call under a running id', async () => {
    const untilCancelled = (_req: unknown, c: CallContext) => new Promise((_, reject) => c.signal.addEventListener('abort', () => reject(c.signal.reason)));
    const never = { ...echoHandlers(), 'cluster.overview': untilCancelled } as unknown as Handlers;
    const host = createRpcHost(createDispatcher(never, open, quiet), quiet, 3);
    const client = host.attach(() => undefined);
    const other = host.attach(() => undefined);
    for (const id of ['a', 'b', 'c']) void host.call(client, id, 'cluster.overview', { connectionId: 'x' });
    expect(await host.call(client, 'a', 'app.info', {})).toMatchObject({ ok: false, error: { code: 'DUPLICATE_CALL_ID' } });
    expect(await host.call(client, 'd', 'app.info', {})).toMatchObject({ ok: false, error: { code: 'TOO_MANY_CALLS' } });
    expect(await host.call(other, 'd', 'app.info', {})).toMatchObject({ ok: true });
    host.cancel(client, 'a');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await host.call(client, 'e', 'app.info', {})).toMatchObject({ ok: true });
  });

  it('delivers events only to the calling client', async () => {
    const handlers = {
      ...echoHandlers(),
      'cluster.overview': async (_req: unknown, c: CallContext) => {
        c.emit('connection.lost', { connectionId: 'x', error: { message: 'gone' } });
        return null;
      },
    } as unknown as Handlers;
    const host = createRpcHost(createDispatcher(handlers, open, quiet), quiet);
    const a: unknown[] = [];
    const b: unknown[] = [];
    const clientA = host.attach((name, payload) => a.push([name, payload]));
    host.attach((name, payload) => b.push([name, payload]));
    await host.call(clientA, '1', 'cluster.overview', { connectionId: 'x' });
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(0);
  });
});
