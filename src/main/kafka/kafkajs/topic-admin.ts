import { AppError } from '../../../shared/errors';
import type { ConfigChange, ConfigEntry, ConfigSource, TopicAdminPort } from '../ports/topic-admin';
import { protocolHint, rethrowAsAppError } from './errors';
import { errorNameForCode } from './protocol-errors';
import type { InternalBroker, InternalCluster } from './internals';
import { createPartitions } from './raw/create-partitions';
import { createTopic } from './raw/create-topics';
import { deleteRecords } from './raw/delete-records';
import { deleteTopics } from './raw/delete-topics';
import { ConfigSourceCode, describeConfigs, type RawConfigEntry } from './raw/describe-configs';
import { incrementalAlterConfigs, ResourceType } from './raw/incremental-alter-configs';
import { topicStates, type TopicState } from './raw/topic-state';
import { partitionLeaders } from './partition-leaders';
import { anyReachableBroker } from './any-broker';

/** Topics per DescribeConfigs request: small enough for a quick answer, few enough requests for 5,000 topics. */
const DESCRIBE_BATCH = 1_000;
/** How long create and delete wait for every broker's metadata to agree. */
const SETTLE_MS = 10_000;

const SOURCES: Record<number, ConfigSource> = {
  [ConfigSourceCode.DynamicTopic]: 'dynamic-topic',
  [ConfigSourceCode.DynamicBroker]: 'dynamic-broker',
  [ConfigSourceCode.DynamicDefaultBroker]: 'dynamic-default-broker',
  [ConfigSourceCode.StaticBroker]: 'static-broker',
  [ConfigSourceCode.Default]: 'default',
  [ConfigSourceCode.DynamicBrokerLogger]: 'dynamic-broker-logger',
};
const TYPES = [null, 'BOOLEAN', 'STRING', 'INT', 'SHORT', 'LONG', 'DOUBLE', 'LIST', 'CLASS', 'PASSWORD'] as const;

export function toConfigEntry(raw: RawConfigEntry): ConfigEntry {
  return {
    name: raw.name,
    value: raw.sensitive ? null : raw.value,
    source: SOURCES[raw.source] ?? 'unknown',
    readOnly: raw.readOnly,
    sensitive: raw.sensitive,
    type: TYPES[raw.type] ?? null,
    documentation: raw.documentation === null ? null : plainText(raw.documentation),
    synonyms: raw.synonyms.map((s) => ({ name: s.name, value: raw.sensitive ? null : s.value, source: SOURCES[s.source] ?? 'unknown' })),
  };
}

/** Kafka's config docs carry HTML (links, <code>): the window shows text only, so drop the tags. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Topic administration through hand-encoded requests on kafkajs' connections (see raw/). */
/** More topics than this is a bulk read, on the bulk connections (see create-client.ts). */
const BULK_TOPICS = 100;

/** `getBulkCluster`: the connections for the configs of many topics at once (the topic list's retention column). */
export function createTopicAdminPort(getCluster: () => Promise<InternalCluster>, requestTimeoutMs: number, getBulkCluster: () => Promise<InternalCluster> = getCluster): TopicAdminPort {
  const controller = async (context: string): Promise<InternalBroker> => {
    const cluster = await getCluster();
    // KRaft brokers forward admin requests to the active controller, so any broker will do;
    // kafkajs' "controller" is the one the metadata names.
    await cluster.refreshMetadata().catch(rethrowAsAppError(context));
    return cluster.findControllerBroker().catch(rethrowAsAppError(context));
  };
  const settle = async (topic: string, until: (state: TopicState) => boolean, what: string) => {
    const cluster = await getCluster();
    const deadline = Date.now() + SETTLE_MS;
    for (;;) {
      if ((await topicStates(cluster, topic)).every(until)) return;
      if (Date.now() > deadline) {
        throw new AppError({ name: 'KafkaTimeoutError', code: 'TIMEOUT', message: `${what}, but the brokers did not show it within ${SETTLE_MS / 1000} s.`, retriable: true, hint: 'Refresh in a moment.' });
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  };

  return {
    async createTopic(topic, validateOnly) {
      const broker = await controller(`Creating ${topic.name}`);
      await createTopic(broker, topic, validateOnly, serverTimeout(requestTimeoutMs)).catch(rethrowAsAppError());
      if (!validateOnly) await settle(topic.name, (s) => s.exists && s.partitions === topic.partitions && s.leaderless === 0, `${topic.name} was created`);
    },

    async deleteTopic(name) {
      const broker = await controller(`Deleting ${name}`);
      await deleteTopics(broker, [name], serverTimeout(requestTimeoutMs)).catch(rethrowAsAppError());
      await settle(name, (s) => !s.exists, `${name} was deleted`);
    },

    async createPartitions(topic, totalCount, validateOnly) {
      const broker = await controller(`Adding partitions to ${topic}`);
      await createPartitions(broker, topic, totalCount, validateOnly, serverTimeout(requestTimeoutMs)).catch(rethrowAsAppError());
      if (!validateOnly) await settle(topic, (s) => s.partitions === totalCount && s.leaderless === 0, `${topic} now has ${totalCount} partitions`);
    },

    async describeTopicConfigs(topics, options = {}) {
      const out = new Map<string, ConfigEntry[]>();
      if (topics.length === 0) return out;
      const broker = await anyBroker(await (topics.length > BULK_TOPICS ? getBulkCluster() : getCluster()));
      for (let i = 0; i < topics.length; i += DESCRIBE_BATCH) {
        const resources = topics.slice(i, i + DESCRIBE_BATCH).map((name) => ({ type: ResourceType.Topic, name, keys: options.keys ?? null }));
        const results = await describeConfigs(broker, resources, { synonyms: !options.keys, documentation: options.documentation ?? false }).catch(
          rethrowAsAppError('Reading topic configuration'),
        );
        for (const res of results) {
          if (res.errorCode === 0) {
            out.set(res.name, res.entries.map(toConfigEntry));
            continue;
          }
          // A topic deleted meanwhile is left out; anything else (no permission…) is said as such.
          const code = errorNameForCode(res.errorCode);
          if (code === 'UNKNOWN_TOPIC_OR_PARTITION') continue;
          const hint = protocolHint(code);
          throw new AppError({ name: 'KafkaProtocolError', code, message: `Reading the configuration of ${res.name}: ${res.errorMessage ?? code}`, retriable: false, ...(hint ? { hint } : {}) });
        }
      }
      return out;
    },

    async alterTopicConfigs(topic, changes, validateOnly) {
      const cluster = await getCluster();
      const broker = await anyBroker(cluster);
      await incrementalAlterConfigs(broker, { type: ResourceType.Topic, name: topic }, changes, validateOnly).catch(rethrowAsAppError());
      // Each broker applies the change from the metadata log in its own time: a view that reads
      // the configs right after (retention summary, config list) must not get the old values.
      if (!validateOnly) await settleConfigs(cluster, topic, changes);
    },

    async deleteRecords(topic, before) {
      const context = `Deleting records of ${topic}`;
      const cluster = await getCluster();
      await cluster.addMultipleTargetTopics([topic]).catch(rethrowAsAppError(context));
      // Fresh leaders: a stale one would refuse after the others had already deleted theirs.
      await cluster.refreshMetadata().catch(rethrowAsAppError(context));
      const { byLeader, leaderless } = partitionLeaders(
        cluster,
        topic,
        before.map((b) => b.partition),
      );
      // All or nothing where it can be known beforehand: no partition is touched while one has no leader.
      if (leaderless.length > 0) {
        throw new AppError({ name: 'KafkaProtocolError', code: 'LEADER_NOT_AVAILABLE', message: `${context}: partition ${leaderless.join(', ')} has no leader right now, so nothing was deleted.`, retriable: true });
      }
      const settled = await Promise.allSettled(
        byLeader.map(async ([nodeId, partitions]) => {
          const leader = await cluster.findBroker({ nodeId }).catch(rethrowAsAppError(`Reaching broker ${nodeId}`));
          return deleteRecords(leader, topic, before.filter((b) => partitions.includes(b.partition)), serverTimeout(requestTimeoutMs)).catch(rethrowAsAppError(context));
        }),
      );
      const done = settled.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
      const failures = settled.flatMap((r, i) => (r.status === 'rejected' ? [{ partitions: byLeader[i]![1], error: r.reason as Error }] : []));
      if (failures.length > 0) {
        // Leaders answer independently: say exactly what was deleted and what was not.
        const deleted = done.length > 0 ? `records were deleted in partition ${done.map((d) => d.partition).sort((a, b) => a - b).join(', ')}, ` : 'nothing was deleted: ';
        const failed = failures.map((f) => `partition ${f.partitions.join(', ')}: ${f.error.message}`).join('; ');
        throw new AppError({ name: 'KafkaProtocolError', code: AppError.is(failures[0]!.error) ? failures[0]!.error.code : 'UNKNOWN_SERVER_ERROR', message: `${context}: ${deleted}not in ${failed}`, retriable: true });
      }
      return done.sort((a, b) => a.partition - b.partition);
    },
  };
}

/** Waits (bounded) until every reachable broker describes the topic's configs as changed. */
async function settleConfigs(cluster: InternalCluster, topic: string, changes: ConfigChange[]): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  const nodes = cluster.brokerPool.metadata?.brokers.map((b) => b.nodeId) ?? [];
  const shows = (entries: RawConfigEntry[]) =>
    changes.every((c) => {
      const e = entries.find((x) => x.name === c.name);
      if (c.value === null) return !e || e.source !== ConfigSourceCode.DynamicTopic;
      return !!e && (e.sensitive || (e.value === c.value && e.source === ConfigSourceCode.DynamicTopic));
    });
  for (;;) {
    const answers = await Promise.all(
      nodes.map(async (nodeId) => {
        try {
          const [res] = await describeConfigs(await cluster.findBroker({ nodeId }), [{ type: ResourceType.Topic, name: topic, keys: changes.map((c) => c.name) }], { synonyms: false, documentation: false });
          return res && res.errorCode === 0 ? shows(res.entries) : true; // an error here is not ours to wait for
        } catch {
          return true; // an unreachable broker cannot be waited for
        }
      }),
    );
    if (answers.every(Boolean)) return;
    if (Date.now() > deadline) {
      throw new AppError({ name: 'KafkaTimeoutError', code: 'TIMEOUT', message: `The change to ${topic} was accepted, but the brokers did not show it within ${SETTLE_MS / 1000} s.`, retriable: true, hint: 'Refresh in a moment.' });
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * How long the broker may work on a request before answering: below the client's own timeout,
 * so a slow but successful change is reported as done, not as a client-side timeout.
 */
function serverTimeout(requestTimeoutMs: number): number {
  return Math.max(1_000, requestTimeoutMs - 2_000);
}

async function anyBroker(cluster: InternalCluster): Promise<InternalBroker> {
  return anyReachableBroker(cluster).catch(rethrowAsAppError('Reaching a broker'));
}
