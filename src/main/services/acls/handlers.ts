import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import { listAcls } from './acl-service';

export function aclHandlers(connections: ConnectionManager): HandlerGroup<'acls.list' | 'acls.create' | 'acls.delete'> {
  return {
    'acls.list': async ({ connectionId, filter }) => ({ acls: await listAcls(connections.get(connectionId).client, filter) }),
    'acls.create': ({ connectionId, acl }) => connections.get(connectionId).client.createAcls([acl]),
    'acls.delete': async ({ connectionId, acls }) => ({ deleted: await connections.get(connectionId).client.deleteAcls(acls) }),
  };
}
