import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { InternalBroker } from '../internals';
import { sendFramed } from './send-framed';

// kafkajs' own framing (what Connection#send writes), to compare byte for byte.
const createRequest = createRequire(import.meta.url)('kafkajs/src/protocol/request') as (args: {
  correlationId: number;
  clientId: string | null;
  request: { apiKey: number; apiVersion: number; encode(): Promise<{ buf: Buffer; buffer: Buffer }> };
}) => Promise<{ buffer: Buffer }>;

/** A connection that records what is written and answers through its queue as kafkajs' would. */
function fakeBroker(options: { sasl?: boolean; authenticated?: boolean; answer?: Buffer } = {}) {
  const written: Buffer[] = [];
  let corked = 0;
  const connection = {
    clientId: 'kafka-explorer',
    sasl: options.sasl ? {} : null,
    isAuthenticated: () => options.authenticated ?? false,
    failIfNotConnected: () => undefined,
    nextCorrelationId: () => 41,
    socket: {
      cork: () => corked++,
      uncork: () => corked--,
      write: (chunk: Buffer) => {
        expect(corked).toBe(1);
        written.push(chunk);
        return true;
      },
    },
    requestQueue: {
      push(r: { entry: { resolve(v: unknown): void }; expectResponse: boolean; sendRequest(): void }) {
        r.sendRequest();
        r.entry.resolve({ payload: r.expectResponse ? options.answer : null });
      },
    },
  };
  const broker = { nodeId: 1, connectionPool: { getConnectionByRequest: async () => connection } } as unknown as InternalBroker;
  return { broker, written };
}

describe('sendFramed', () => {
  const parts = [Buffer.from([0xff, 0xff, 0, 1]), Buffer.from('batch one'), Buffer.alloc(0), Buffer.from('batch two')];

  it('writes the bytes kafkajs would, without joining the parts, and returns the answer', async () => {
    const { broker, written } = fakeBroker({ answer: Buffer.from('answer') });
    const result = await sendFramed(broker, { apiKey: 0, apiVersion: 8, apiName: 'Produce', parts, expectResponse: true, requestTimeout: 35_000 });
    expect(result).toEqual({ sent: true, payload: Buffer.from('answer') });
    const body = Buffer.concat(parts);
    const theirs = await createRequest({ correlationId: 41, clientId: 'kafka-explorer', request: { apiKey: 0, apiVersion: 8, encode: async () => ({ buf: body, buffer: body }) } });
    expect(Buffer.concat(written).equals(theirs.buffer)).toBe(true);
    // The batches went to the socket as they were, not copied.
    expect(written.slice(1)).toEqual(parts);
    expect(written[1]).toBe(parts[0]);
  });

  it('returns no payload when none is expected (acks=0)', async () => {
    const { broker, written } = fakeBroker();
    expect(await sendFramed(broker, { apiKey: 0, apiVersion: 8, apiName: 'Produce', parts, expectResponse: false, requestTimeout: null })).toEqual({ sent: true, payload: null });
    expect(written.length).toBe(1 + parts.length);
  });

  it('leaves a SASL connection that has yet to authenticate to kafkajs, sending nothing', async () => {
    const { broker, written } = fakeBroker({ sasl: true, authenticated: false });
    expect(await sendFramed(broker, { apiKey: 0, apiVersion: 8, apiName: 'Produce', parts, expectResponse: true, requestTimeout: null })).toEqual({ sent: false });
    expect(written).toEqual([]);
  });

  it('sends on an authenticated SASL connection', async () => {
    const { broker } = fakeBroker({ sasl: true, authenticated: true, answer: Buffer.alloc(0) });
    expect(await sendFramed(broker, { apiKey: 0, apiVersion: 8, apiName: 'Produce', parts, expectResponse: true, requestTimeout: null })).toMatchObject({ sent: true });
  });
});
