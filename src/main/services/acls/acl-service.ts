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
