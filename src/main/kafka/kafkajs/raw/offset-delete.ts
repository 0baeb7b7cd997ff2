import { AppError } from '../../../../shared/errors';
import type { InternalBroker, InternalCluster } from '../internals';
import { errorNameForCode } from '../protocol-errors';
import { sendRaw } from './send';
import { WireReader, WireWriter } from './wire';

/**
 * OffsetDelete (API key 47, v0, not flexible), which kafkajs lacks: removes a group's committed
 * offsets for some partitions. Sent to the group's coordinator through kafkajs' own connection.
 *
 * Request v0:  group_id STRING, topics [name STRING, partitions [partition_index INT32]]
 * Response v0: error_code INT16, throttle_time_ms INT32, topics [name STRING, partitions [partition_index INT32, error_code INT16]]
 */
export async function offsetDelete(cluster: InternalCluster, groupId: string, topic: string, partitions: number[]): Promise<void> {
  const coordinator: InternalBroker = await cluster.findGroupCoordinator({ groupId });
  const body = new WireWriter()
    .string(groupId)
    .array([topic], (name, w) => w.string(name).array(partitions, (p, pw) => pw.int32(p)))
    .build();
  const result = await sendRaw(coordinator, { apiKey: 47, apiVersion: 0, apiName: 'OffsetDelete', body, parse });
  const failed = result.errorCode !== 0 ? result.errorCode : result.partitions.find((p) => p.errorCode !== 0)?.errorCode;
  if (failed !== undefined) {
    const code = errorNameForCode(failed);
    const hint = code === 'GROUP_SUBSCRIBED_TO_TOPIC' ? 'The group has active members reading this topic: stop them first.' : undefined;
    throw new AppError({ name: 'KafkaProtocolError', code, message: `Deleting the offsets of ${groupId} for ${topic}: ${code}`, retriable: false, ...(hint ? { hint } : {}) });
  }
}

export function decode(raw: Buffer): { errorCode: number; partitions: { partition: number; errorCode: number }[] } {
  return parse(new WireReader(raw));
}

function parse(r: WireReader): { errorCode: number; partitions: { partition: number; errorCode: number }[] } {
  const errorCode = r.int16();
  r.int32(); // throttle
  const partitions = r.array((t) => (t.string(), t.array((p) => ({ partition: p.int32(), errorCode: p.int16() })))).flat();
  return { errorCode, partitions };
}
