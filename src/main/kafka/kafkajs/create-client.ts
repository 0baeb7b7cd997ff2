import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import type { ConnectionConfig } from '../../../shared/api';
import { AppError, ErrorCode } from '../../../shared/errors';
import { limitRepeats, type Logger } from '../../log';
import type { KafkaClient } from '../client';
import { kafkaErrorData } from './errors';
import { createInternalCluster } from './internals';
import { createMetadataPort } from './metadata';
import { registerCompressionCodecs } from './codecs';
import { createProducerPort } from './producer';
import { lazyClient } from './lazy-client';
import { createMessagesPort } from './messages';
import { createGroupsPort } from './groups';
import { createGroupProtocolsPort } from './group-protocols';
import { createGroupBatches } from './group-batches';
import { offsetDelete } from './raw/offset-delete';
import { toKafkajsSecurity } from './security-config';
import { createAclPort } from './acls';
import { createTopicAdminPort } from './topic-admin';
import { clusterLane } from './cluster-lane';
import { lenientAdmin } from './raw/lenient-admin';
import { createBrokersPort } from './brokers';
import { createReassignmentPort } from './reassignment';
import { createQuotasPort } from './quotas';
import { createTransactionsPort } from './transactions';
import { createScramPort } from './scram';
import { releaseRoute, routeFor } from '../../network/route-registry';
import { routedSocketFactory } from './routed-socket-factory';
import { tokenProviderFor } from '../oauth/token-provider-for';

/** Fail fast: the UI shows the error and the user decides; kafkajs' default retries for ~30 s. */
const RETRY = { retries: 2, initialRetryTime: 200, maxRetryTime: 2_000 };

/** Builds kafkajs' own configuration from the app's connection settings. */
export function toKafkajsConfig(config: ConnectionConfig, logger: Logger): KafkaConfig {
  // kafkajs logs every failed reconnect to a dead broker: once per minute and message is enough.
  const log = limitRepeats(logger);
  const route = routeFor(config);
  return {
    // SSH tunnel, proxy or address mapping: every broker socket goes through the route.
    ...(route ? { socketFactory: routedSocketFactory(route) } : {}),
    clientId: config.clientId,
    brokers: config.brokers,
    connectionTimeout: config.connectionTimeoutMs,
    authenticationTimeout: config.connectionTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    ...toKafkajsSecurity(config, tokenProviderFor(config, logger)),
    retry: RETRY,
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      const { message, ...fields } = entry.log;
      const line = `${entry.namespace}: ${message}`;
      if (entry.level === logLevel.ERROR) log.warn(line, fields);
      else log.debug(line, fields);
    },
  };
}

/** The kafkajs implementation of the project's KafkaClient. */
export function createKafkajsClient(config: ConnectionConfig, log: Logger): KafkaClient {
  registerCompressionCodecs();
  const kafka = new Kafka(toKafkajsConfig(config, log));
  // One admin per connection, shared by the ports that need one; connected on first use.
  const admin = lazyClient(() => lenientAdmin(kafka, RETRY));

  const acls = createAclPort(admin);
  const groups = createGroupsPort(admin);
  let closed = false;
  const isClosed = () => closed;
  const newCluster = () => createInternalCluster(kafka, { metadataMaxAge: 60_000 });
  const main = clusterLane(newCluster, isClosed);
  // Bulk reads (every topic's offsets, configs or log dirs: topic stats, throughput, disk) go over their own
  // connections: a broker answers one connection's requests in order, so a ListOffsets of 13,000
  // partitions would otherwise hold up the metadata or ListGroups a page is waiting for.
  const bulk = clusterLane(newCluster, isClosed);
  const getCluster = main.get;

  async function close(): Promise<void> {
    closed = true;
    const closing = Promise.all([main.disconnect(log), bulk.disconnect(log), admin.close()]);
    // kafkajs' disconnect waits for in-flight requests, i.e. up to the request timeout against a
    // server that never answers; the sockets go anyway, so do not keep the caller waiting.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closing, new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]);
    clearTimeout(timer);
    releaseRoute(config);
  }

  /** kafkajs can wait forever on a server that never answers: give up after the connection timeout. */
  async function withinConnectDeadline(work: () => Promise<void>): Promise<void> {
    const deadline = config.connectionTimeoutMs + 2_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          new AppError({
            name: 'KafkaTimeoutError',
            code: ErrorCode.Timeout,
            message: `No answer from ${config.brokers.join(', ')} within ${Math.round(deadline / 1000)} s.`,
            retriable: true,
            hint: 'Check the bootstrap address, that the broker is running, and that its advertised listeners are reachable from here.',
          }),
        );
      }, deadline);
    });
    try {
      await Promise.race([work(), timeout]);
    } catch (error) {
      await close();
      throw AppError.is(error) ? error : new AppError(kafkaErrorData(error, `Could not connect to ${config.brokers.join(', ')}`));
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    ...createMetadataPort(getCluster, bulk.get),
    ...createMessagesPort(getCluster),
    ...createTopicAdminPort(getCluster, config.requestTimeoutMs, bulk.get),
    ...createBrokersPort(getCluster, config.requestTimeoutMs, bulk.get),
    ...createReassignmentPort(getCluster, config.requestTimeoutMs),
    ...createQuotasPort(getCluster),
    ...createScramPort(getCluster),
    ...createTransactionsPort(getCluster),
    listGroupIds: groups.listGroupIds,
    describeGroups: groups.describeGroups,
    committedOffsets: groups.committedOffsets,
    commitOffsets: groups.commitOffsets,
    deleteGroup: groups.deleteGroup,
    ...createGroupBatches(getCluster),
    deleteGroupOffsets: async (groupId, topic, partitions) => offsetDelete(await getCluster(), groupId, topic, partitions),
    ...createGroupProtocolsPort(getCluster),
    ...createProducerPort(getCluster, admin, config.requestTimeoutMs, log),
    describeAcls: acls.describeAcls,
    createAcls: acls.createAcls,
    deleteAcls: acls.deleteAcls,
    close,

    async advertisedBrokers() {
      const c = await getCluster();
      // kafkajs keeps the seed broker's answer even when connecting to the brokers it names fails.
      if (!c.brokerPool.metadata) await c.refreshMetadata().catch(() => undefined);
      return (c.brokerPool.metadata?.brokers ?? []).map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port }));
    },

    async authenticate() {
      await withinConnectDeadline(() => getCluster().then(() => undefined));
    },

    async connect() {
      // The lane reads the brokers on its first connect.
      await withinConnectDeadline(() => getCluster().then(() => undefined));
    },
  };
}

