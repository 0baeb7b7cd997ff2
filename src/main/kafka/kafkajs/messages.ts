import { AppError } from '../../../shared/errors';
import type { MessagesPort, PartitionChunk, ReadOptions } from '../ports/messages';
import { kafkaErrorData, rethrowAsAppError } from './errors';
import type { InternalCluster } from './internals';
import { errorNameForCode } from './protocol-errors';
import { partitionLeaders } from './partition-leaders';
import { fetchRecords } from './raw/fetch';
import { decodeRecordTable } from './raw/record-batch-decode';
import type { RecordTable } from './raw/record-table';

/**
 * Group-less reads: Fetch straight to each partition leader on kafkajs' connections (what its
 * consumer does, minus the group), record batches decoded by our own one-pass decoder.
 */
export function createMessagesPort(getCluster: () => Promise<InternalCluster>): MessagesPort {
  const readChunks = async (topic: string, positions: { partition: number; offset: string }[], maxBytes: number, maxWaitMs: number, options: ReadOptions = {}): Promise<PartitionChunk[]> => {
    const cluster = await getCluster();
    await cluster.addMultipleTargetTopics([topic]).catch(rethrowAsAppError(`Reading ${topic}`));
    const wanted = positions.map((p) => p.partition);
    let leaders = partitionLeaders(cluster, topic, wanted);
    if (leaders.leaderless.length > 0) {
      // kafkajs' metadata may be older than the partitions (added since) or their leaders: ask again once.
      await cluster.refreshMetadata().catch(rethrowAsAppError(`Reading ${topic}`));
      leaders = partitionLeaders(cluster, topic, wanted);
    }
    const { byLeader, leaderless } = leaders;
    const offsetOf = new Map(positions.map((p) => [p.partition, p.offset]));
    const fetched = new Map<number, PartitionChunk>();
    // One partition's trouble is reported on its chunk: the others are read all the same.
    const failed = (partition: number, error: AppError) => fetched.set(partition, { records: [], nextOffset: offsetOf.get(partition)!, highWatermark: offsetOf.get(partition)!, error });
    // Made only when needed: an error captures a stack, and this runs for every fetch of a read.
    if (leaderless.length > 0) {
      const noLeader = new AppError({ name: 'KafkaProtocolError', code: 'LEADER_NOT_AVAILABLE', message: `Partition ${leaderless.join(', ')} of ${topic} has no leader right now.`, retriable: true });
      for (const partition of leaderless) failed(partition, noLeader);
    }
    await Promise.all(
      byLeader.map(async ([leader, partitions]) => {
        try {
          const broker = await cluster.findBroker({ nodeId: leader });
          const asked = partitions.map((partition) => ({ partition, offset: offsetOf.get(partition)! }));
          const response = await fetchRecords(broker, topic, asked, maxBytes, maxWaitMs);
          if (response.errorCode !== 0) throw fetchError(topic, null, response.errorCode);
          for (const part of response.partitions) {
            if (part.errorCode !== 0) {
              // A moved leader: kafkajs' metadata is stale; the next read asks the new one.
              if (/LEADER|NOT_LEADER|FENCED/.test(errorNameForCode(part.errorCode))) await cluster.refreshMetadata().catch(() => undefined);
              failed(part.partition, fetchError(topic, part.partition, part.errorCode));
              continue;
            }
            const from = offsetOf.get(part.partition)!;
            try {
              const decoded = await decodeRecordTable(part.records, part.partition, Number(from), part.abortedTransactions, {
                deferDecompression: options.deferDecompression ?? false,
                corrupt: (error) => corruptData(topic, part.partition, error),
              });
              fetched.set(part.partition, tableChunk(decoded.table, String(decoded.nextOffset), part.highWatermark));
            } catch (error) {
              failed(part.partition, corruptData(topic, part.partition, error));
            }
          }
        } catch (error) {
          // The leader could not be reached or refused the whole request: all its partitions say so.
          const reason = AppError.is(error) ? error : new AppError(kafkaErrorData(error, `Reading ${topic} from broker ${leader}`));
          for (const partition of partitions) if (!fetched.has(partition)) failed(partition, reason);
        }
      }),
    );
    return positions.map((p) => fetched.get(p.partition) ?? { records: [], nextOffset: p.offset, highWatermark: p.offset });
  };
  return {
    async readChunk(topic, partition, offset, maxBytes): Promise<PartitionChunk> {
      const [chunk] = await readChunks(topic, [{ partition, offset }], maxBytes, 50);
      if (chunk!.error) throw chunk!.error;
      return chunk!;
    },
    readChunks,
  };
}

/** A chunk whose records are made objects only if a reader asks for `records` (a search scans `rows`). */
function tableChunk(table: RecordTable, nextOffset: string, highWatermark: string): PartitionChunk {
  return {
    rows: table,
    get records() {
      return table.records();
    },
    nextOffset,
    highWatermark,
  };
}

function corruptData(topic: string, partition: number, error: unknown): AppError {
  return new AppError({ name: 'KafkaProtocolError', code: 'CORRUPT_MESSAGE', message: `Reading ${topic}/${partition}: ${(error as Error).message}`, retriable: false });
}

function fetchError(topic: string, partition: number | null, errorCode: number): AppError {
  const code = errorNameForCode(errorCode);
  const where = partition === null ? topic : `${topic}/${partition}`;
  return new AppError({ name: 'KafkaProtocolError', code, message: `Reading ${where}: ${code}`, retriable: code !== 'TOPIC_AUTHORIZATION_FAILED' });
}
