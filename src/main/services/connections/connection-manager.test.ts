import { describe, expect, it } from 'vitest';
import { ConnectionConfig } from '../../../shared/api';
import type { KafkaClient } from '../../kafka/client';
import { createLogger } from '../../log';
import { ConnectionManager, refuseWrites } from './connection-manager';

describe('refuseWrites', () => {
  it('refuses methods named as writes and passes reads through', async () => {
    const writes = new Set(['deleteTopic']);
    const client = { describeCluster: async () => 'ok', deleteTopic: async () => 'deleted' } as unknown as KafkaClient;
    const guarded = refuseWrites(client, writes) as unknown as Record<string, () => Promise<unknown>>;
    await expect(guarded.describeCluster!()).resolves.toBe('ok');
    await expect(guarded.deleteTopic!()).rejects.toMatchObject({ code: 'READ_ONLY' });
  });
});

describe('ConnectionManager ownership and limits', () => {
  const log = createLogger('test', { sink: () => undefined });
  const config = ConnectionConfig.parse({ brokers: ['127.0.0.1:9092'] });
  // A stand-in client: these tests are about bookkeeping, not Kafka.
  const manager = () => new ConnectionManager(() => ({ connect: async () => undefined, close: async () => undefined }) as unknown as KafkaClient, log, 2);

  it('hands a connection only to the window that opened it, and lets only that window close it', async () => {
    const m = manager();
    const mine = await m.open(config, 'a');
    expect(m.get(mine.id, 'a')).toBe(mine);
    expect(m.ownerOf(mine.id)).toBe('a');
    expect(() => m.get(mine.id, 'b')).toThrow(expect.objectContaining({ code: 'NOT_CONNECTED' }));
    await m.close(mine.id, 'b');
    expect(m.get(mine.id)).toBe(mine);
    await m.closeOwnedBy('a');
    expect(() => m.get(mine.id)).toThrow(expect.objectContaining({ code: 'NOT_CONNECTED' }));
  });

  it('caps the connections per window, counting ones still opening', async () => {
    const m = manager();
    await Promise.all([m.open(config, 'a'), m.open(config, 'a')]);
    await expect(m.open(config, 'a')).rejects.toMatchObject({ code: 'TOO_MANY_CONNECTIONS' });
    await expect(m.open(config, 'b')).resolves.toMatchObject({ ownerId: 'b' });
    const [first] = m.listOwnedBy('a');
    await m.close(first!.id, 'a');
    await expect(m.open(config, 'a')).resolves.toMatchObject({ ownerId: 'a' });
  });
});
