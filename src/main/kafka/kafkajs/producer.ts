import type { Admin } from 'kafkajs';
import { AppError, ErrorCode, type AppErrorData } from '../../../shared/errors';
import type { Acks, Compression } from '../../../shared/api';
import type { Logger } from '../../log';
import type { OutgoingRecord, PartitionAck, ProduceOptions, ProducerPort } from '../ports/producer';
import { kafkaErrorData, protocolHint } from './errors';
import type { InternalCluster } from './internals';
import type { LazyClient } from './lazy-client';
import { errorNameForCode } from './protocol-errors';
import { partitionLeaders } from './partition-leaders';
import { produce } from './raw/produce';
import { encodeRecordBatches, MAX_BATCH_BYTES } from './raw/record-batch';

const ACKS: Record<Acks, -1 | 0 | 1> = { all: -1, leader: 1, none: 0 };
/**
 * Sends ride out what Java's producer rides out (a leader moving, a topic created a moment
 * ago): a few quick retries with fresh metadata, about 10 s in all, before a failure is counted.
 */
const ATTEMPTS = 6;
const BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 2_000;
/**
 * Leadership and metadata errors: worth a retry after refreshing the metadata. Error 6 goes by
 * kafkajs' old name (NOT_LEADER_FOR_PARTITION) in errorNameForCode; Kafka renamed it NOT_LEADER_OR_FOLLOWER.
 * Not REQUEST_TIMED_OUT: a broker answers a Produce with it only after writing the batch (acks=all
 * waited for replicas in vain), and this producer is not idempotent, so a retry would write it twice.
 */
export const RETRIABLE = new Set(['NOT_LEADER_OR_FOLLOWER', 'NOT_LEADER_FOR_PARTITION', 'LEADER_NOT_AVAILABLE', 'UNKNOWN_TOPIC_OR_PARTITION', 'NETWORK_EXCEPTION', 'KAFKA_STORAGE_ERROR', 'NOT_CONTROLLER']);

interface Failure {
  partition: number;
  error: AppError;
  /** Failed before the request went out (finding the leaders): safe to retry, as nothing was written. */
  unsent?: boolean;
}

/**
 * Produces with hand-encoded record batches (raw/record-batch.ts) and Produce requests sent
 * straight to each partition's leader over kafkajs' connections: kafkajs' own producer spends
 * most of a burst encoding (the P5 benchmark), and never forgets a topic once deleted.
 */
export function createProducerPort(getCluster: () => Promise<InternalCluster>, admin: LazyClient<Admin>, requestTimeoutMs: number, log: Logger): ProducerPort {
  /** Sends one topic's encoded batches (consecutive rounds of at most one batch per partition). */
  const sendEncoded = async (topic: string, encoded: ReadonlyMap<number, readonly Buffer[]>, options: ProduceOptions): Promise<PartitionAck[]> => {
    const acks = new Map<number, PartitionAck>();
    const rounds = Math.max(...[...encoded.values()].map((b) => b.length));
    for (let round = 0; round < rounds; round++) {
      const batches = new Map<number, Buffer>();
      for (const [p, list] of encoded) if (list[round]) batches.set(p, list[round]!);
      const acked = new Map<number, PartitionAck>();
      let pending = [...batches.keys()];
      const started = Date.now();
      for (let attempt = 1; ; attempt++) {
        const failures = await sendOnce(await getCluster(), topic, pending, batches, ACKS[options.acks], requestTimeoutMs, acked);
        if (failures.length === 0) break;
        const fatal = failures.find((f) => !f.unsent && !RETRIABLE.has(f.error.code) && f.error.name !== 'KafkaConnectionError');
        // Each attempt may wait a whole request timeout on a silent broker: two of them are enough.
        const outOfTime = Date.now() - started > 2 * requestTimeoutMs;
        if (fatal || attempt >= ATTEMPTS || outOfTime) throw (fatal ?? failures[0]!).error;
        log.debug('retrying a send', { topic, attempt, reason: failures[0]!.error.code });
        pending = failures.map((f) => f.partition);
        await new Promise((r) => setTimeout(r, Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** (attempt - 1))));
        await (await getCluster()).refreshMetadata().catch(() => undefined);
      }
      // The first batch's offset is where this send's records start in each partition.
      for (const [p, ack] of acked) if (!acks.has(p)) acks.set(p, ack);
    }
    return [...acks.values()].sort((a, b) => a.partition - b.partition);
  };

  return {
    // Not async itself: nothing holds the records while the request is out, only their encoded
    // bytes (a retry sends the same bytes to the new leader). Records then die young, which keeps
    // a burst's garbage collection cheap.
    produce(topic, records, options) {
      return encodeByPartition(records, options.compression).then((encoded) => sendEncoded(topic, encoded, options));
    },

    produceBatches(topic, batches, options) {
      return sendEncoded(topic, batches, options);
    },

    async topicConfig(topic, name) {
      const a = await admin.get();
      const { resources } = await a.describeConfigs({ includeSynonyms: false, resources: [{ type: 2 /* TOPIC */, name: topic, configNames: [name] }] });
      return resources[0]?.configEntries.find((e) => e.configName === name)?.configValue ?? null;
    },
  };
}

/** Each partition's records, in order, as the record batches that carry them. */
async function encodeByPartition(records: OutgoingRecord[], compression: Compression): Promise<Map<number, Buffer[]>> {
  const byPartition = new Map<number, OutgoingRecord[]>();
  for (const r of records) {
    const list = byPartition.get(r.partition);
    if (list) list.push(r);
    else byPartition.set(r.partition, [r]);
  }
  const encoded = new Map<number, Buffer[]>();
  await Promise.all([...byPartition].map(async ([p, rs]) => encoded.set(p, await encodeRecordBatches(rs, compression, MAX_BATCH_BYTES))));
  return encoded;
}

/** One request per leader for the pending partitions; records each success in `acks`, returns the failures. */
async function sendOnce(
  cluster: InternalCluster,
  topic: string,
  pending: number[],
  batches: Map<number, Buffer>,
  acks: -1 | 0 | 1,
  timeoutMs: number,
  out: Map<number, PartitionAck>,
): Promise<Failure[]> {
  try {
    await cluster.addMultipleTargetTopics([topic]);
  } catch (error) {
    const data = kafkaErrorData(error, `Sending to ${topic}`);
    if (!leadersUnanswered(data)) throw new AppError(data);
    return pending.map((partition) => ({ partition, error: leadersUnknown(topic, data), unsent: true }));
  }
  const { byLeader, leaderless, unknownTopic } = partitionLeaders(cluster, topic, pending);
  // A topic deleted while a send was retrying drops out of the metadata: say so, not "no leader".
  const code = unknownTopic ? 'UNKNOWN_TOPIC_OR_PARTITION' : 'LEADER_NOT_AVAILABLE';
  const failures: Failure[] = leaderless.map((partition) => ({ partition, error: protocolError(topic, partition, code, null) }));
  await Promise.all(
    byLeader
      .map(async ([nodeId, partitions]) => {
        try {
          const leader = await cluster.findBroker({ nodeId });
          const results = await produce(leader, topic, partitions.map((partition) => ({ partition, batch: batches.get(partition)! })), acks, timeoutMs);
          if (results === null) {
            for (const partition of partitions) out.set(partition, { partition, baseOffset: null, logAppendTime: null });
            return;
          }
          for (const r of results) {
            if (r.errorCode === 0) out.set(r.partition, { partition: r.partition, baseOffset: r.baseOffset, logAppendTime: r.logAppendTime !== '-1' ? r.logAppendTime : null });
            else failures.push({ partition: r.partition, error: protocolError(topic, r.partition, errorNameForCode(r.errorCode), r.errorMessage) });
          }
        } catch (error) {
          const data = kafkaErrorData(error, `Sending to ${topic}`);
          for (const partition of partitions) failures.push({ partition, error: new AppError(data) });
        }
      }),
  );
  return failures;
}

/**
 * The metadata request that finds the leaders got no answer: a broker that accepts connections
 * but is frozen or overloaded holds it (and kafkajs' lock on its target topics, for every other
 * send) until the request timeout. Another broker may answer the retry.
 */
function leadersUnanswered(data: AppErrorData): boolean {
  return data.code === ErrorCode.Timeout || data.name === 'KafkaConnectionError' || data.name === 'KafkaJSLockTimeout';
}

export function leadersUnknown(topic: string, cause: AppErrorData): AppError {
  // A refused connection is its own best explanation; silence is not, so it gets the general one.
  const unreachable = cause.name === 'KafkaConnectionError';
  return new AppError({
    name: 'KafkaMetadataError',
    code: 'LEADERS_UNKNOWN',
    message: unreachable
      ? `Nothing was sent to ${topic}: no broker could be reached to ask which brokers lead its partitions (${cause.message}).`
      : `Nothing was sent to ${topic}: no broker said in time which brokers lead its partitions.`,
    retriable: true,
    hint: unreachable ? (cause.hint ?? 'Check that the brokers are up and reachable; try again.') : `A broker may be down, frozen or overloaded (${cause.message}); try again.`,
    ...(cause.broker ? { broker: cause.broker } : {}),
  });
}

function protocolError(topic: string, partition: number, code: string, brokerMessage: string | null): AppError {
  const hint = protocolHint(code);
  return new AppError({
    name: 'KafkaProtocolError',
    code,
    message: `Sending to ${topic}/${partition}: ${brokerMessage ?? code}`,
    retriable: RETRIABLE.has(code),
    ...(hint ? { hint } : {}),
  });
}
