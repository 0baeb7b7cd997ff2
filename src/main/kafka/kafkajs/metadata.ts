import { AppError } from '../../../shared/errors';
import type { ClusterDescription, MetadataPort, PartitionLogEnd, PartitionWatermarks, PartitionWatermarksOrUnread, TopicMetadata } from '../ports/metadata';
import { kafkaErrorData, rethrowAsAppError } from './errors';
import { IsolationLevel, OffsetSpec, type InternalBroker, type InternalCluster, type RawMetadata } from './internals';
import { errorNameForCode } from './protocol-errors';
import { metadataFromAnyBroker, topicMetadataFromAnyBroker } from './any-broker';
import { BROKER_DEADLINE_MS, withDeadline } from './deadline';
import { ListOffsets } from '../protocol/generated/list-offsets';
import { sendApi } from '../protocol/send-api';

const INTERNAL_TOPIC = /^__/;
/** One ListOffsets may name thousands of partitions of a leader: more time than a small request. */
const WATERMARKS_DEADLINE_MS = 15_000;

/** Metadata and watermarks through kafkajs' internal cluster: one request per broker, not per topic. */
export function createMetadataPort(getCluster: () => Promise<InternalCluster>, getBulkCluster: () => Promise<InternalCluster> = getCluster): MetadataPort {
  async function rawMetadata(topics: string[]): Promise<RawMetadata> {
    const cluster = await getCluster();
    // null asks for every topic. Lenient: an offline partition must not hide the others.
    const md = topics.length > 0 ? topicMetadataFromAnyBroker(cluster, topics) : metadataFromAnyBroker(cluster, null);
    return md.catch(rethrowAsAppError('Fetching metadata'));
  }

  return {
    async describeCluster(): Promise<ClusterDescription> {
      // An empty topic list asks for brokers, cluster id and controller only: on a cluster of
      // 39,000 partitions, every topic's metadata would be ~2 MB to encode, send and decode.
      const cluster = await getCluster();
      const md = await metadataFromAnyBroker(cluster, []).catch(rethrowAsAppError('Fetching metadata'));
      return {
        clusterId: md.clusterId ?? null,
        controllerId: md.controllerId ?? -1,
        brokers: md.brokers
          .map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null }))
          .sort((a, b) => a.nodeId - b.nodeId),
      };
    },

    async fetchMetadata(topics?: string[]): Promise<TopicMetadata[]> {
      const md = await rawMetadata(topics ?? []);
      // A topic being deleted can answer with an error and no partitions: not a topic to list.
      const listed = md.topicMetadata.filter((t) => topics?.includes(t.topic) || t.topicErrorCode === 0 || t.partitionMetadata.length > 0);
      return listed.map((t) => {
        if (t.topicErrorCode !== 0 && t.partitionMetadata.length === 0 && topics?.includes(t.topic)) {
          const code = errorNameForCode(t.topicErrorCode);
          throw new AppError({ name: 'KafkaProtocolError', code, message: `Topic ${t.topic}: ${code}`, retriable: false });
        }
        return {
          name: t.topic,
          internal: t.isInternal === true || INTERNAL_TOPIC.test(t.topic),
          partitions: t.partitionMetadata
            .map((p) => ({
              partition: p.partitionId,
              leader: p.leader,
              replicas: p.replicas,
              isr: p.isr,
              offlineReplicas: p.offlineReplicas ?? [],
              error: p.partitionErrorCode === 0 ? null : errorNameForCode(p.partitionErrorCode),
            }))
            .sort((a, b) => a.partition - b.partition),
        };
      });
    },

    async fetchWatermarks(topics: string[], options = {}): Promise<PartitionWatermarks[]> {
      return sweep(topics, options.metadata, readWatermarks(options.committed ? IsolationLevel.ReadCommitted : IsolationLevel.ReadUncommitted));
    },

    async fetchWatermarksOfEveryPartition(topics: string[], options = {}): Promise<PartitionWatermarksOrUnread[]> {
      if (topics.length === 0) return [];
      const md = await rawMetadata(topics);
      const marks = await sweepLeaders(leadersFromRaw(md), getCluster, readWatermarks(options.committed ? IsolationLevel.ReadCommitted : IsolationLevel.ReadUncommitted));
      const read = new Set(marks.map((w) => `${w.topic}:${w.partition}`));
      const unread = md.topicMetadata.flatMap((t) => t.partitionMetadata.filter((p) => !read.has(`${t.topic}:${p.partitionId}`)).map((p) => ({ topic: t.topic, partition: p.partitionId, low: null, high: null })));
      return [...marks, ...unread];
    },

    async fetchLogEnds(topics: string[], options = {}): Promise<PartitionLogEnd[]> {
      return sweep(topics, options.metadata, async (broker, partitions) => {
        const out: PartitionLogEnd[] = [];
        for (const [topic, highs] of await listOffsets(broker, partitions, OffsetSpec.Latest)) for (const [partition, high] of highs) out.push({ topic, partition, high });
        return out;
      });
    },

    async fetchOffsetsAtTime(topic: string, timestamp: number): Promise<{ partition: number; offset: string }[]> {
      const rows = await sweep([topic], undefined, async (broker, partitions) => {
        const [atTime, end] = await Promise.all([listOffsets(broker, partitions, timestamp), listOffsets(broker, partitions, OffsetSpec.Latest)]);
        // Rows of sweep's shape (topic, partition, `high`), `high` carrying the offset found:
        // -1 means nothing written at or after that time, and a reader from then starts at the end.
        const out: PartitionLogEnd[] = [];
        for (const [name, offsets] of atTime) for (const [partition, offset] of offsets) out.push({ topic: name, partition, high: offset === '-1' ? (end.get(name)?.get(partition) ?? offset) : offset });
        return out;
      });
      return rows.map((r) => ({ partition: r.partition, offset: r.high }));
    },
  };

  /**
   * Asks each leader once for its partitions of `topics` (`read`), side by side, and gathers the
   * answers by topic and partition. With a metadata snapshot it is a bulk read (every topic): on
   * the bulk connections, out of the pages' way.
   */
  async function sweep<R extends PartitionLogEnd>(topics: string[], metadata: TopicMetadata[] | undefined, read: ReadFromLeader<R>): Promise<R[]> {
    if (topics.length === 0) return [];
    if (metadata) return sweepLeaders(leadersFromSnapshot(topics, metadata), getBulkCluster, read);
    return sweepLeaders(leadersFromRaw(await rawMetadata(topics)), getCluster, read);
  }

  async function sweepLeaders<R extends PartitionLogEnd>(byLeader: PartitionsByLeader, getSweepCluster: () => Promise<InternalCluster>, read: ReadFromLeader<R>): Promise<R[]> {
    const cluster = await getSweepCluster();
    const results = await Promise.all(
      [...byLeader.entries()].map(async ([nodeId, partitions]) => {
        try {
          const broker = await withDeadline(cluster.findBroker({ nodeId }), BROKER_DEADLINE_MS, `Reaching broker ${nodeId}`);
          // Right after partitions are created or move, a leader named by the metadata can
          // still answer NOT_LEADER for a moment: retry those briefly. A silent leader gets a
          // deadline per attempt and no retry: it must not hold every view for minutes.
          return await retryRetriable(() => withDeadline(read(broker, partitions), WATERMARKS_DEADLINE_MS, `Listing offsets on broker ${nodeId}`));
        } catch (error) {
          // An unreachable leader must not hide every other broker's partitions.
          if (byLeader.size === 1) throw new AppError(kafkaErrorData(error, `Listing offsets on broker ${nodeId}`));
          return [];
        }
      }),
    );
    return byTopicThenPartition(results);
  }
}

type PartitionsByLeader = Map<number, Map<string, number[]>>;
/** One leader's answer for its partitions (topic → partitions) in a sweep. */
type ReadFromLeader<R> = (broker: InternalBroker, partitions: Map<string, number[]>) => Promise<R[]>;

/** Log start and end of a leader's partitions: two ListOffsets, side by side. */
function readWatermarks(endIsolation: number): ReadFromLeader<PartitionWatermarks> {
  return async (broker, partitions) => {
    const [low, high] = await Promise.all([listOffsets(broker, partitions, OffsetSpec.Earliest), listOffsets(broker, partitions, OffsetSpec.Latest, endIsolation)]);
    const out: PartitionWatermarks[] = [];
    for (const [topic, lows] of low) {
      const highs = high.get(topic);
      for (const [partition, lowOffset] of lows) out.push({ topic, partition, low: lowOffset, high: highs?.get(partition) ?? lowOffset });
    }
    return out;
  };
}

function addToLeader(byLeader: PartitionsByLeader, leader: number, topic: string, partition: number): void {
  if (leader < 0) return;
  const topicsOfLeader = byLeader.get(leader) ?? new Map<string, number[]>();
  byLeader.set(leader, topicsOfLeader);
  const list = topicsOfLeader.get(topic) ?? [];
  list.push(partition);
  topicsOfLeader.set(topic, list);
}

/** Every partition by its leader, so each leader is asked once for earliest and latest. */
function leadersFromRaw(md: RawMetadata): PartitionsByLeader {
  const byLeader: PartitionsByLeader = new Map();
  for (const t of md.topicMetadata) for (const p of t.partitionMetadata) addToLeader(byLeader, p.leader, t.topic, p.partitionId);
  return byLeader;
}

/** The same from a snapshot the caller holds; topics it does not list are left out. */
function leadersFromSnapshot(topics: string[], metadata: TopicMetadata[]): PartitionsByLeader {
  const wanted = new Set(topics);
  const byLeader: PartitionsByLeader = new Map();
  for (const t of metadata) if (wanted.has(t.name)) for (const p of t.partitions) addToLeader(byLeader, p.leader, t.name, p.partition);
  return byLeader;
}

async function retryRetriable<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      const timedOut = /Timeout/.test((error as { name?: string }).name ?? '');
      if (i >= attempts || timedOut || (error as { retriable?: boolean }).retriable !== true) throw error;
      await new Promise((r) => setTimeout(r, 100 * i));
    }
  }
}

/**
 * Topics in name order, each one's partitions in order. Sorting the 39,000 rows of a big cluster
 * with one comparator took a second of main's time; sorting 9,000 names and each topic's few
 * partitions takes milliseconds.
 */
function byTopicThenPartition<R extends PartitionLogEnd>(perBroker: R[][]): R[] {
  const byTopic = new Map<string, R[]>();
  for (const rows of perBroker) {
    for (const row of rows) {
      const list = byTopic.get(row.topic);
      if (list) list.push(row);
      else byTopic.set(row.topic, [row]);
    }
  }
  const out: R[] = [];
  for (const topic of [...byTopic.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const list = byTopic.get(topic)!;
    if (list.length > 1) list.sort((a, b) => a.partition - b.partition);
    for (const row of list) out.push(row);
  }
  return out;
}

/** Partition errors a moment later may not repeat: a leader moving, a new partition not loaded yet. */
const RETRIABLE_OFFSET_ERRORS: ReadonlySet<number> = new Set([3, 5, 6, 9, 74, 75, 78]);

/**
 * One ListOffsets to a leader for all its partitions, through the generated codec (one growing
 * buffer, where kafkajs' encoder allocates two per partition: 39,000 partitions cost it a second).
 * Any partition error fails the request, as kafkajs did, retriable where a retry can help.
 */
async function listOffsets(broker: InternalBroker, partitions: Map<string, number[]>, timestamp: number, isolationLevel: number = IsolationLevel.ReadUncommitted): Promise<Map<string, Map<number, string>>> {
  const at = BigInt(timestamp);
  const { response } = await sendApi(broker, ListOffsets, {
    replicaId: -1,
    isolationLevel,
    topics: [...partitions.entries()].map(([name, ids]) => ({ name, partitions: ids.map((partitionIndex) => ({ partitionIndex, timestamp: at })) })),
  });
  const out = new Map<string, Map<number, string>>();
  for (const t of response.topics) {
    const offsets = new Map<number, string>();
    out.set(t.name, offsets);
    for (const p of t.partitions) {
      if (p.errorCode !== 0) {
        const code = errorNameForCode(p.errorCode);
        throw new AppError({ name: 'KafkaProtocolError', code, message: `Listing offsets of ${t.name} partition ${p.partitionIndex}: ${code}`, retriable: RETRIABLE_OFFSET_ERRORS.has(p.errorCode) });
      }
      offsets.set(p.partitionIndex, p.offset.toString());
    }
  }
  return out;
}
