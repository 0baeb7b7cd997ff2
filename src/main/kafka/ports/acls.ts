import type { AclBinding, AclOperation, AclPermission, AclResourceType } from '../../../shared/api';

/** Server-side ACL filter: every field optional means "any". */
export interface AclQuery {
  resourceType?: AclResourceType;
  patternType?: 'LITERAL' | 'PREFIXED';
  operation?: AclOperation;
  permission?: AclPermission;
}

/** ACLs of the cluster's authorizer. */
export interface AclPort {
  describeAcls(query: AclQuery): Promise<AclBinding[]>;
  createAcls(acls: AclBinding[]): Promise<void>;
  /** Deletes exactly these bindings; returns how many matched. */
  deleteAcls(acls: AclBinding[]): Promise<number>;
}
