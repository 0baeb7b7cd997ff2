import { z } from 'zod';
import { defineCall } from './define';
import { WithConnection } from './common';

/** Kafka's names for ACL resource types, operations, permissions and pattern types. */
export const AclResourceType = z.enum(['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN']);
export const AclOperation = z.enum(['ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE']);
export const AclPermission = z.enum(['ALLOW', 'DENY']);
/** LITERAL: exactly this name ("*" = every resource); PREFIXED: every name that starts with it. */
export const AclPatternType = z.enum(['LITERAL', 'PREFIXED']);
export type AclResourceType = z.infer<typeof AclResourceType>;
export type AclOperation = z.infer<typeof AclOperation>;
export type AclPermission = z.infer<typeof AclPermission>;
export type AclPatternType = z.infer<typeof AclPatternType>;

/** "User:alice" — Kafka principals are type:name. */
export const AclPrincipal = z.string().trim().min(3).max(1024).regex(/^[A-Za-z]+:.+$/, 'principal must look like User:alice');

/** One ACL binding: who may (or may not) do what on which resources, from which host. */
export const AclBinding = z.object({
  principal: AclPrincipal,
  host: z.string().trim().min(1).max(255).default('*'),
  resourceType: AclResourceType,
  resourceName: z.string().trim().min(1).max(1024),
  patternType: AclPatternType.default('LITERAL'),
  operation: AclOperation,
  permission: AclPermission.default('ALLOW'),
});
export type AclBindingInput = z.input<typeof AclBinding>;
export type AclBinding = z.output<typeof AclBinding>;

/**
 * List filter. Enum fields are sent to the broker; `principal` and `resourceName` match as
 * case-insensitive substrings (applied in main), which is what people type into a filter box.
 */
export const AclFilter = z.object({
  principal: z.string().trim().max(1024).optional(),
  resourceType: AclResourceType.optional(),
  resourceName: z.string().trim().max(1024).optional(),
  patternType: AclPatternType.optional(),
  operation: AclOperation.optional(),
  permission: AclPermission.optional(),
});
export type AclFilter = z.infer<typeof AclFilter>;

export const aclCalls = {
  'acls.list': defineCall<{ acls: AclBinding[] }>()(WithConnection.extend({ filter: AclFilter.default({}) })),
  'acls.create': defineCall<void>()(WithConnection.extend({ acl: AclBinding }), { write: true }),
  /** Deletes exactly these bindings (no wildcards), returns how many the broker removed. */
  'acls.delete': defineCall<{ deleted: number }>()(WithConnection.extend({ acls: z.array(AclBinding).min(1).max(500) }), { write: true }),
};
