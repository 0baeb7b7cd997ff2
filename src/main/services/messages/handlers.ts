import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import type { MessageService } from './message-service';

export function messageHandlers(connections: ConnectionManager, messages: MessageService): HandlerGroup<'messages.browse'> {
  return {
    'messages.browse': (req, ctx) => messages.browse(connections.get(req.connectionId).client, { ...req, signal: ctx.signal }),
  };
}
