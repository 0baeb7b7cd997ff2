import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PartitionChunk, RawRecord } from '../../kafka/ports/messages';
import { exportToFile } from './export-messages';
import { folderLocation, writeFileStreaming } from './save-location';
import type { KafkaClient } from '../../kafka/client';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ke-save-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('files main writes', () => {
  it('go into the folder under the suggested name, never over an existing file', async () => {
    const dir = tempDir();
    const location = folderLocation(() => join(dir, 'exports'));
    const first = (await location.choose('orders.ndjson'))!;
    await writeFileStreaming(first, async (sink) => {
      await sink.write('a\n');
      await sink.write(Buffer.from([0xff]));
    });
    const second = (await location.choose('orders.ndjson'))!;
    expect([first.path, second.path]).toEqual([join(dir, 'exports', 'orders.ndjson'), join(dir, 'exports', 'orders (1).ndjson')]);
    expect(readFileSync(first.path)).toEqual(Buffer.from([0x61, 0x0a, 0xff]));
  });

  it('leave nothing behind when the write fails or is cancelled', async () => {
    const dir = tempDir();
    const chosen = (await folderLocation(() => dir).choose('x.json'))!;
    await expect(
      writeFileStreaming(chosen, async (sink) => {
        await sink.write('partial');
        throw new Error('broker went away');
      }),
    ).rejects.toThrow('broker went away');
    expect(readdirSync(dir)).toEqual([]);

    // An export cancelled part-way: a result that says so, and no file.
    const controller = new AbortController();
    const record = (offset: number): RawRecord => ({ partition: 0, offset: String(offset), timestamp: '0', timestampType: 'CreateTime', key: null, value: Buffer.alloc(10), headers: [] });
    const client = {
      fetchWatermarksOfEveryPartition: async () => [{ topic: 't', partition: 0, low: '0', high: '100' }],
      fetchMetadata: async () => [{ name: 't', internal: false, partitions: [{ partition: 0, leader: 1, replicas: [1], isr: [1], offlineReplicas: [], error: null }] }],
      readChunk: async (_t: string, _p: number, offset: string): Promise<PartitionChunk> => {
        if (Number(offset) >= 10) controller.abort();
        return { records: [record(Number(offset)), record(Number(offset) + 1)], nextOffset: String(Number(offset) + 2), highWatermark: '100' };
      },
    } as unknown as KafkaClient;
    const result = await exportToFile(client, folderLocation(() => dir), { runId: 'r', topic: 't', format: 'ndjson', fileName: 'big.ndjson', selection: [{ partition: 0, from: '0', runs: [100] }], signal: controller.signal });
    expect(result).toMatchObject({ path: null, cancelled: true });
    expect(readdirSync(dir)).toEqual([]);
  });
});
