import { AppError } from '../../../../shared/errors';
import type { InternalCluster } from '../internals';
import { errorNameForCode } from '../protocol-errors';

/**
 * OffsetDelete (API key 47, v0, not flexible), which kafkajs lacks: removes a group's committed
 * offsets for some partitions. Sent to the group's coordinator through kafkajs' own connection.
 *
 * Request v0:  group_id STRING, topics [name STRING, partitions [partition_index INT32]]
 * Response v0: error_code INT16, throttle_time_ms INT32, topics [name STRING, partitions [partition_index INT32, error_code INT16]]
 */
export async function offsetDelete(cluster: InternalCluster, groupId: string, topic: string, partitions: number[]): Promise<void> {
  const coordinator = (await cluster.findGroupCoordinator({ groupId })) as unknown as {
    connectionPool: { send<T>(args: { request: unknown; response: unknown }): Promise<T> };
  };
  const body = Buffer.concat([str(groupId), int32(1), str(topic), int32(partitions.length), ...partitions.map(int32)]);
  const result = await coordinator.connectionPool.send<{ errorCode: number; partitions: { partition: number; errorCode: number }[] }>({
    request: { apiKey: 47, apiVersion: 0, apiName: 'OffsetDelete', encode: async () => ({ buf: body, buffer: body }) },
    response: { decode: async (raw: Buffer) => raw, parse: async (raw: Buffer) => decode(raw) },
  });
  const failed = result.errorCode !== 0 ? result.errorCode : result.partitions.find((p) => p.errorCode !== 0)?.errorCode;
  if (failed !== undefined) {
    const code = errorNameForCode(failed);
    const hint = code === 'GROUP_SUBSCRIBED_TO_TOPIC' ? 'The group has active members reading this topic: stop them first.' : undefined;
    throw new AppError({ name: 'KafkaProtocolError', code, message: `Deleting the offsets of ${groupId} for ${topic}: ${code}`, retriable: false, ...(hint ? { hint } : {}) });
  }
}

function str(s: string): Buffer {
  const bytes = Buffer.from(s, 'utf8');
  const len = Buffer.alloc(2);
  len.writeInt16BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

export function decode(raw: Buffer): { errorCode: number; partitions: { partition: number; errorCode: number }[] } {
  let at = 0;
  const i16 = () => ((at += 2), raw.readInt16BE(at - 2));
  const i32 = () => ((at += 4), raw.readInt32BE(at - 4));
  const errorCode = i16();
  i32(); // throttle
  const partitions: { partition: number; errorCode: number }[] = [];
  const topics = i32();
  for (let t = 0; t < topics; t++) {
    const len = i16();
    at += Math.max(0, len);
    const n = i32();
    for (let p = 0; p < n; p++) partitions.push({ partition: i32(), errorCode: i16() });
  }
  return { errorCode, partitions };
}
