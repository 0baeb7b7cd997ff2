import type { AclPort } from './ports/acls';
import type { MetadataPort } from './ports/metadata';
import type { ProducerPort } from './ports/producer';
import type { MessagesPort } from './ports/messages';
import type { GroupsPort } from './ports/groups';
import type { TopicAdminPort } from './ports/topic-admin';
import type { BrokersPort } from './ports/brokers';
import type { ReassignmentPort } from './ports/reassignment';
import type { QuotasPort } from './ports/quotas';
import type { ScramPort } from './ports/scram';
import type { TransactionsPort } from './ports/transactions';

/**
 * The project's own interface over the Kafka client library. Services depend on this, never
 * on kafkajs, so the library could be replaced. Each capability is a port in `ports/`.
 */
export interface KafkaClient extends MetadataPort, ProducerPort, MessagesPort, GroupsPort, AclPort, TopicAdminPort, BrokersPort, ReassignmentPort, QuotasPort, ScramPort, TransactionsPort {
  /** Connects and proves the cluster answers, within the connection timeout. */
  connect(): Promise<void>;
  /**
   * Opens the first connection only: TCP, TLS, API versions and SASL, no metadata. The
   * connection test uses it to tell an authentication failure from a metadata one.
   */
  authenticate(): Promise<void>;
  /**
   * The brokers as the bootstrap broker advertises them, without connecting to them: the
   * connection test checks each address when the cluster metadata cannot be read through them.
   */
  advertisedBrokers?(): Promise<{ nodeId: number; host: string; port: number }[]>;
  /** Closes every connection this client opened; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Methods that change the cluster. A read-only connection's client refuses them itself,
 * behind the dispatcher's own gate, so a forgotten `write` flag cannot slip through.
 */
export const writeMethods: ReadonlySet<string> = new Set<string>([
  'produce', 'produceBatches', 'createAcls', 'deleteAcls', 'commitOffsets', 'deleteGroup', 'deleteGroupOffsets',
  'commitGroupOffsets', 'alterShareGroupOffsets', 'deleteShareGroupOffsets',
  'createTopic',
  'deleteTopic',
  'createPartitions',
  'alterTopicConfigs',
  'deleteRecords',
  'alterReassignments',
  'alterBrokerConfigs',
  'electLeaders',
  'alterClientQuotas',
  'alterScramCredentials',
  'abortTransaction',
]);
