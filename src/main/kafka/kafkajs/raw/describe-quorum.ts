import type { QuorumMember } from '../../ports/brokers';
import type { InternalBroker } from '../internals';
import type { CompactReader } from './compact-wire';
import { CompactWriter } from './compact-wire';
import { parseFlexibleResponse, sendFlexible, sharedVersion } from './send-flexible';

/** v0 (Kafka 3.3+) and v1 (adds fetch/caught-up times, KIP-836); v2 adds node listeners we do not need. */
export const QUORUM_VERSIONS = { min: 0, max: 1 } as const;

/** KRaft's metadata log: the quorum that elects the active controller. */
const METADATA_TOPIC = '__cluster_metadata';

export interface QuorumResult {
  errorCode: number;
  partitionErrorCode: number;
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  voters: QuorumMember[];
  observers: QuorumMember[];
}

/**
 * DescribeQuorum (API key 55), flexible from v0, which kafkajs lacks. A KRaft broker forwards it
 * to the active controller, whose answer names the quorum leader (= the active controller) and
 * every voter's and observer's position in the metadata log.
 *
 * Request:  topics [topic_name COMPACT_STRING, partitions [partition_index INT32]]
 * Response: error_code INT16, topics [topic_name, partitions [partition_index INT32, error_code INT16,
 *           leader_id INT32, leader_epoch INT32, high_watermark INT64, current_voters [ReplicaState],
 *           observers [ReplicaState]]]
 *           ReplicaState: replica_id INT32, log_end_offset INT64, (v1) last_fetch_timestamp INT64, last_caught_up_timestamp INT64
 * Returns null when the broker does not know the API (ZooKeeper mode or Kafka before 3.3).
 */
export async function describeQuorum(broker: InternalBroker): Promise<QuorumResult | null> {
  const version = sharedVersion(broker, 55, QUORUM_VERSIONS);
  if (version === null) return null;
  const body = new CompactWriter()
    .compactArray([METADATA_TOPIC], (topic, w) => w.compactString(topic).compactArray([0], (p, pw) => pw.int32(p).tags()).tags())
    .tags()
    .build();
  return sendFlexible(broker, { apiKey: 55, apiVersion: version, apiName: 'DescribeQuorum', body, parse: (r) => parseQuorum(r, version) });
}

export function decodeQuorum(raw: Buffer, version: number): QuorumResult {
  return parseFlexibleResponse(raw, (r) => parseQuorum(r, version));
}

function parseQuorum(r: CompactReader, version: number): QuorumResult {
  const errorCode = r.int16();
  const partitions = r
    .compactArray(() => {
      r.compactString(); // topic name
      const parts = r.compactArray(() => {
        r.int32(); // partition index: always 0
        const partition = {
          partitionErrorCode: r.int16(),
          leaderId: r.int32(),
          leaderEpoch: r.int32(),
          highWatermark: Number(r.int64()),
          voters: r.compactArray(() => replica(r, version)),
          observers: r.compactArray(() => replica(r, version)),
        };
        r.skipTags();
        return partition;
      });
      r.skipTags();
      return parts;
    })
    .flat();
  r.skipTags();
  const first = partitions[0] ?? { partitionErrorCode: 0, leaderId: -1, leaderEpoch: -1, highWatermark: -1, voters: [], observers: [] };
  // Lag is relative to the leader's own log end offset, as kafka-metadata-quorum shows it.
  const leaderEnd = first.voters.find((v) => v.nodeId === first.leaderId)?.logEndOffset ?? -1;
  const withLag = (m: QuorumMember): QuorumMember => ({ ...m, lag: leaderEnd >= 0 && m.logEndOffset >= 0 ? Math.max(0, leaderEnd - m.logEndOffset) : null });
  return { errorCode, ...first, voters: first.voters.map(withLag), observers: first.observers.map(withLag) };
}

function replica(r: CompactReader, version: number): QuorumMember {
  const nodeId = r.int32();
  const logEndOffset = Number(r.int64());
  const times = version >= 1 ? [Number(r.int64()), Number(r.int64())] : [-1, -1];
  r.skipTags();
  return {
    nodeId,
    logEndOffset,
    lag: null,
    lastFetchTimestamp: times[0]! >= 0 ? times[0]! : null,
    lastCaughtUpTimestamp: times[1]! >= 0 ? times[1]! : null,
  };
}
