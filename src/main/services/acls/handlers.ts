import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import { createAclsSettled, deleteAclsSettled, listAcls } from './acl-service';

export function aclHandlers(connections: ConnectionManager): HandlerGroup<'acls.list' | 'acls.create' | 'acls.delete'> {
  return {
    'acls.list': async ({ connectionId, filter }) => ({ acls: await listAcls(connections.get(connectionId).client, filter) }),
    'acls.create': ({ connectionId, acl }) => createAclsSettled(connections.get(connectionId).client, [acl]),
    'acls.delete': async ({ connectionId, acls }) => ({ deleted: await deleteAclsSettled(connections.get(connectionId).client, acls) }),
  };
}
