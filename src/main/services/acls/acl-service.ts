import type { AclBinding, AclFilter } from '../../../shared/api';
import type { AclPort } from '../../kafka/ports/acls';

const contains = (value: string, needle: string | undefined) => !needle || value.toLowerCase().includes(needle.toLowerCase());

/** Sorted for reading: by resource, then principal, then operation. */
function compare(a: AclBinding, b: AclBinding): number {
  return (
    a.resourceType.localeCompare(b.resourceType) ||
    a.resourceName.localeCompare(b.resourceName) ||
    a.principal.localeCompare(b.principal) ||
    a.operation.localeCompare(b.operation) ||
    a.permission.localeCompare(b.permission)
  );
}

/** Lists ACLs: enum filters go to the broker, text filters (principal, resource name) match substrings here. */
export async function listAcls(client: AclPort, filter: AclFilter): Promise<AclBinding[]> {
  const all = await client.describeAcls({
    ...(filter.resourceType ? { resourceType: filter.resourceType } : {}),
    ...(filter.patternType ? { patternType: filter.patternType } : {}),
    ...(filter.operation ? { operation: filter.operation } : {}),
    ...(filter.permission ? { permission: filter.permission } : {}),
  });
  return all.filter((a) => contains(a.principal, filter.principal) && contains(a.resourceName, filter.resourceName)).sort(compare);
}

const sameBinding = (a: AclBinding, b: AclBinding) =>
  a.principal === b.principal &&
  a.host === b.host &&
  a.resourceType === b.resourceType &&
  a.resourceName === b.resourceName &&
  a.patternType === b.patternType &&
  a.operation === b.operation &&
  a.permission === b.permission;

/**
 * The broker applies ACL changes through its metadata log, so a DescribeAcls right after a
 * change may still see the old state. Wait (briefly) until it shows the change, so the list the
 * window reloads next is the truth.
 */
async function settle(client: AclPort, acls: AclBinding[], present: boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const now = await client.describeAcls({});
    if (acls.every((acl) => now.some((n) => sameBinding(n, acl)) === present)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function createAclsSettled(client: AclPort, acls: AclBinding[]): Promise<void> {
  await client.createAcls(acls);
  await settle(client, acls, true);
}

export async function deleteAclsSettled(client: AclPort, acls: AclBinding[]): Promise<number> {
  const deleted = await client.deleteAcls(acls);
  await settle(client, acls, false);
  return deleted;
}
