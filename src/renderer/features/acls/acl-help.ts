import type { AclOperation, AclResourceType } from '../../../shared/api';

/** One sentence per field of an ACL, shown next to it in the form. */
export const FIELD_HELP = {
  principal: 'Who: "User:<name>" as the broker authenticates it — the SASL user name, or the mapped certificate name for mutual TLS. "User:*" means everyone.',
  host: 'From where: the client IP address, or * for any host.',
  resourceType: 'What kind of thing the rule is about.',
  resourceName: 'Which one: a topic, group or transactional id name; "*" (with Literal) means all of that type; the cluster is always "kafka-cluster".',
  patternType: 'Literal: exactly this name (or * for all). Prefixed: every name that starts with it, e.g. "orders-" covers orders-eu and orders-us.',
  operation: 'What the principal may (or may not) do. ALL covers every operation; READ and WRITE imply DESCRIBE.',
  permission: 'Allow grants the operation; Deny forbids it and wins over any Allow that also matches.',
} as const;

export const RESOURCE_HELP: Record<AclResourceType, string> = {
  TOPIC: 'A topic: produce (WRITE), consume (READ), see it (DESCRIBE), create, delete, configure',
  GROUP: 'A consumer group: consumers need READ on their group',
  CLUSTER: 'The whole cluster ("kafka-cluster"): create topics, alter configs, describe ACLs…',
  TRANSACTIONAL_ID: 'A transactional producer id: WRITE to use it',
  DELEGATION_TOKEN: 'A delegation token',
};

/** Operations that make sense per resource type (Kafka's own table), so the form offers only those. */
export const OPERATIONS_FOR: Record<AclResourceType, AclOperation[]> = {
  TOPIC: ['ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS'],
  GROUP: ['ALL', 'READ', 'DELETE', 'DESCRIBE'],
  CLUSTER: ['ALL', 'CREATE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE'],
  TRANSACTIONAL_ID: ['ALL', 'WRITE', 'DESCRIBE'],
  DELEGATION_TOKEN: ['ALL', 'DESCRIBE'],
};
