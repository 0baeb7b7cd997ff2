import type { Admin, AclFilter as KafkajsAclFilter, Kafka } from 'kafkajs';
import type { AclBinding, AclOperation, AclPermission, AclResourceType } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { AclPort, AclQuery } from '../ports/acls';
import { kafkaErrorData, rethrowAsAppError } from './errors';
import { errorNameForCode } from './protocol-errors';

// Kafka's wire codes (kafkajs' enums carry the same numbers).
const RESOURCE: Record<AclResourceType | 'ANY', number> = { ANY: 1, TOPIC: 2, GROUP: 3, CLUSTER: 4, TRANSACTIONAL_ID: 5, DELEGATION_TOKEN: 6 };
const OPERATION: Record<AclOperation | 'ANY', number> = {
  ANY: 1, ALL: 2, READ: 3, WRITE: 4, CREATE: 5, DELETE: 6, ALTER: 7, DESCRIBE: 8, CLUSTER_ACTION: 9, DESCRIBE_CONFIGS: 10, ALTER_CONFIGS: 11, IDEMPOTENT_WRITE: 12,
};
const PERMISSION: Record<AclPermission | 'ANY', number> = { ANY: 1, DENY: 2, ALLOW: 3 };
const PATTERN: Record<'ANY' | 'MATCH' | 'LITERAL' | 'PREFIXED', number> = { ANY: 1, MATCH: 2, LITERAL: 3, PREFIXED: 4 };
const nameOf = <K extends string>(table: Record<K, number>, code: number): K => (Object.entries(table) as [K, number][]).find(([, v]) => v === code)?.[0] as K;

type Wire = KafkajsAclFilter & { principal: string; host: string; resourceName: string };
const toWire = (a: AclBinding): Wire =>
  ({
    principal: a.principal,
    host: a.host,
    resourceType: RESOURCE[a.resourceType],
    resourceName: a.resourceName,
    resourcePatternType: PATTERN[a.patternType],
    operation: OPERATION[a.operation],
    permissionType: PERMISSION[a.permission],
  }) as unknown as Wire;

/** kafkajs reports a failed ACL response by code; turn it into the app's error with Kafka's name. */
function checkErrorCode(errorCode: number, errorMessage: string | undefined, context: string): void {
  if (!errorCode) return;
  const type = errorNameForCode(errorCode);
  throw new AppError(kafkaErrorData({ name: 'KafkaJSProtocolError', type, message: errorMessage || type }, context));
}

/** ACLs through kafkajs' admin client, opened on first use and closed with the connection. */
export function createAclPort(kafka: Kafka): AclPort & { close(): Promise<void> } {
  let admin: Promise<Admin> | null = null;
  const getAdmin = () => {
    admin ??= (async () => {
      const a = kafka.admin();
      await a.connect();
      return a;
    })().catch((error: unknown) => {
      admin = null;
      throw error;
    });
    return admin;
  };
  return {
    async describeAcls(query: AclQuery) {
      const a = await getAdmin().catch(rethrowAsAppError('Connecting for ACLs'));
      const res = await a
        .describeAcls({
          resourceType: RESOURCE[query.resourceType ?? 'ANY'],
          resourcePatternType: PATTERN[query.patternType ?? 'ANY'],
          operation: OPERATION[query.operation ?? 'ANY'],
          permissionType: PERMISSION[query.permission ?? 'ANY'],
        } as unknown as KafkajsAclFilter)
        .catch(rethrowAsAppError('Listing ACLs'));
      checkErrorCode(res.errorCode, res.errorMessage, 'Listing ACLs');
      return res.resources.flatMap((r) =>
        r.acls.map((acl) => ({
          principal: acl.principal,
          host: acl.host,
          resourceType: nameOf(RESOURCE, r.resourceType) as AclResourceType,
          resourceName: r.resourceName,
          patternType: nameOf(PATTERN, r.resourcePatternType) as 'LITERAL' | 'PREFIXED',
          operation: nameOf(OPERATION, acl.operation) as AclOperation,
          permission: nameOf(PERMISSION, acl.permissionType) as AclPermission,
        })),
      );
    },
    async createAcls(acls) {
      const a = await getAdmin().catch(rethrowAsAppError('Connecting for ACLs'));
      await a.createAcls({ acl: acls.map(toWire) as never }).catch(rethrowAsAppError('Creating ACLs'));
    },
    async deleteAcls(acls) {
      const a = await getAdmin().catch(rethrowAsAppError('Connecting for ACLs'));
      const res = await a.deleteAcls({ filters: acls.map(toWire) }).catch(rethrowAsAppError('Deleting ACLs'));
      for (const f of res.filterResponses) checkErrorCode(f.errorCode, f.errorMessage, 'Deleting ACLs');
      return res.filterResponses.reduce((n, f) => n + f.matchingAcls.length, 0);
    },
    async close() {
      const a = admin;
      admin = null;
      await (await a?.catch(() => null))?.disconnect().catch(() => undefined);
    },
  };
}
