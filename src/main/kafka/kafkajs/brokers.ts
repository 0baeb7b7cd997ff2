import { AppError } from '../../../shared/errors';
import type { BrokerFeatures, BrokerLogDirs, BrokersPort, QuorumDescription } from '../ports/brokers';
import type { ConfigEntry } from '../ports/topic-admin';
import { metadataFromAnyBroker } from './any-broker';
import { BROKER_DEADLINE_MS, withDeadline as deadline } from './deadline';
import { kafkaErrorData, protocolHint, rethrowAsAppError } from './errors';
import type { InternalBroker, InternalCluster } from './internals';
import { errorNameForCode } from './protocol-errors';
import { apiVersions } from './raw/api-versions';
import { describeConfigs } from './raw/describe-configs';
import { describeLogDirs } from './raw/describe-log-dirs';
import { describeQuorum } from './raw/describe-quorum';
import { ResourceType } from './raw/incremental-alter-configs';
import { toConfigEntry } from './topic-admin';

/** Broker disk, quorum and configuration through hand-encoded requests on kafkajs' connections (see raw/). */
/** `getBulkCluster`: the connections for every replica's log dirs (13,000 replicas a broker on a big cluster). */
export function createBrokersPort(getCluster: () => Promise<InternalCluster>, requestTimeoutMs: number, getBulkCluster: () => Promise<InternalCluster> = getCluster): BrokersPort {
  const deadlineMs = Math.min(requestTimeoutMs, BROKER_DEADLINE_MS);
  /** kafkajs can wait long on a dead or silent broker: each broker gets its own deadline. */
  const withDeadline = <T>(work: Promise<T>, what: string): Promise<T> => deadline(work, deadlineMs, what);

  /** The partitions of the given topics, grouped as DescribeLogDirs wants them. */
  const partitionsOf = async (cluster: InternalCluster, topics: string[]): Promise<Map<string, number[]>> => {
    if (topics.length === 0) return new Map();
    const md = await metadataFromAnyBroker(cluster, topics);
    return new Map(md.topicMetadata.filter((t) => t.partitionMetadata.length > 0).map((t) => [t.topic, t.partitionMetadata.map((p) => p.partitionId)]));
  };

  /** Tries the brokers the metadata lists, in turn, until one answers. */
  const firstAnswering = async <T>(cluster: InternalCluster, what: string, ask: (broker: InternalBroker) => Promise<T>): Promise<T> => {
    if (!cluster.brokerPool.metadata) await cluster.refreshMetadata().catch(rethrowAsAppError(what));
    const nodeIds = (cluster.brokerPool.metadata?.brokers ?? []).map((b) => b.nodeId);
    let lastError: unknown = new Error('The cluster lists no broker');
    for (const nodeId of nodeIds) {
      try {
        return await withDeadline(
          cluster.findBroker({ nodeId }).then((broker) => ask(broker)),
          `${what} on broker ${nodeId}`,
        );
      } catch (error) {
        if (AppError.is(error) && error.name === 'KafkaProtocolError') throw error;
        lastError = error;
      }
    }
    throw new AppError(kafkaErrorData(lastError, what));
  };

  return {
    async describeFeatures(nodeIds): Promise<BrokerFeatures[]> {
      const cluster = await getCluster();
      if (!cluster.brokerPool.metadata) await cluster.refreshMetadata().catch(rethrowAsAppError('Reading the cluster metadata'));
      return Promise.all(
        nodeIds.map(async (nodeId): Promise<BrokerFeatures> => {
          try {
            const result = await withDeadline(
              cluster.findBroker({ nodeId }).then((broker) => apiVersions(broker, { name: 'kafka-explorer', version: '1' })),
              `Asking broker ${nodeId} which versions it speaks`,
            );
            const error = result.errorCode === 0 ? null : errorNameForCode(result.errorCode);
            return { nodeId, reachable: true, error, apiCount: result.apiCount, supported: result.supportedFeatures, finalized: result.finalizedFeatures, finalizedEpoch: result.finalizedFeaturesEpoch };
          } catch (error) {
            return { nodeId, reachable: false, error: kafkaErrorData(error, `Broker ${nodeId}`).message, apiCount: 0, supported: [], finalized: [], finalizedEpoch: -1 };
          }
        }),
      );
    },

    async describeLogDirs(nodeIds, topics = null, signal): Promise<BrokerLogDirs[]> {
      const cluster = await (topics === null ? getBulkCluster() : getCluster());
      // [] asks for the dirs only (capacity, no replicas); null for every replica.
      const partitions = topics === null ? null : await partitionsOf(cluster, topics).catch(rethrowAsAppError('Reading the partitions to describe'));
      signal?.throwIfAborted();
      const dirs = await Promise.all(
        nodeIds.map(async (nodeId): Promise<BrokerLogDirs> => {
          try {
            const result = await withDeadline(
              cluster.findBroker({ nodeId }).then((broker) => describeLogDirs(broker, partitions, signal)),
              `Describing the log dirs of broker ${nodeId}`,
            );
            const error = result.errorCode === 0 ? null : errorNameForCode(result.errorCode);
            return { nodeId, reachable: true, error, logDirs: result.logDirs };
          } catch (error) {
            return { nodeId, reachable: false, error: kafkaErrorData(error, `Broker ${nodeId}`).message, logDirs: [] };
          }
        }),
      );
      // Answers skipped for the abort must not read as brokers that did not answer.
      signal?.throwIfAborted();
      return dirs;
    },

    async describeQuorum(): Promise<QuorumDescription | null> {
      const cluster = await getCluster();
      const result = await firstAnswering(cluster, 'Describing the metadata quorum', (broker) => describeQuorum(broker));
      if (result === null) return null;
      const code = result.errorCode !== 0 ? result.errorCode : result.partitionErrorCode;
      if (code !== 0) {
        const name = errorNameForCode(code);
        throw new AppError({ name: 'KafkaProtocolError', code: name, message: `Describing the metadata quorum: ${name}`, retriable: true, ...hint(name) });
      }
      const { leaderId, leaderEpoch, highWatermark, voters, observers } = result;
      return { leaderId, leaderEpoch, highWatermark, voters, observers };
    },

    async describeBrokerConfigs(nodeId): Promise<ConfigEntry[]> {
      const cluster = await getCluster();
      const context = `Reading the configuration of broker ${nodeId}`;
      // Static (server.properties) values are only known to the broker itself: ask it, not any broker.
      const broker = await withDeadline(cluster.findBroker({ nodeId }), context).catch(rethrowAsAppError(context));
      const [res] = await withDeadline(
        describeConfigs(broker, [{ type: ResourceType.Broker, name: String(nodeId), keys: null }], { synonyms: true, documentation: true }),
        context,
      ).catch(rethrowAsAppError(context));
      if (!res) throw new AppError({ name: 'KafkaProtocolError', code: 'UNKNOWN_SERVER_ERROR', message: `${context}: the broker sent no result`, retriable: true });
      if (res.errorCode !== 0) {
        const code = errorNameForCode(res.errorCode);
        throw new AppError({ name: 'KafkaProtocolError', code, message: `${context}: ${res.errorMessage ?? code}`, retriable: false, ...hint(code) });
      }
      return res.entries.map(toConfigEntry).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
  };
}

function hint(code: string): { hint?: string } {
  const text = protocolHint(code);
  return text ? { hint: text } : {};
}
