import type { Admin, AclFilter as KafkajsAclFilter } from 'kafkajs';
import type { LazyClient } from './lazy-client';
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

/** ACLs through the connection's shared kafkajs admin client. */
export function createAclPort(admin: LazyClient<Admin>): AclPort {
  const getAdmin = () => admin.get();
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
  };
}
