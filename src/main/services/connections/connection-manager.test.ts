import { describe, expect, it } from 'vitest';
import type { KafkaClient } from '../../kafka/client';
import { refuseWrites } from './connection-manager';

describe('refuseWrites', () => {
  it('refuses methods named as writes and passes reads through', async () => {
    const writes = new Set(['deleteTopic']);
    const client = { describeCluster: async () => 'ok', deleteTopic: async () => 'deleted' } as unknown as KafkaClient;
    const guarded = refuseWrites(client, writes) as unknown as Record<string, () => Promise<unknown>>;
    await expect(guarded.describeCluster!()).resolves.toBe('ok');
    await expect(guarded.deleteTopic!()).rejects.toMatchObject({ code: 'READ_ONLY' });
  });
});
