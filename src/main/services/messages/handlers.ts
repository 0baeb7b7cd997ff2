import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import type { MessageService } from './message-service';
import { exportToFile, getWholeMessage, saveMessagePart } from './export-messages';
import { searchMessages } from './search-messages';
import { tailMessages } from './tail-messages';

export function messageHandlers(connections: ConnectionManager, messages: MessageService): HandlerGroup<'messages.browse' | 'messages.search' | 'messages.tail' | 'messages.export' | 'messages.get' | 'messages.saveValue'> {
  const isOpen = (id: string) => {
    try {
      connections.get(id);
      return true;
    } catch {
      return false;
    }
  };
  return {
    'messages.browse': (req, ctx) => messages.browse(connections.get(req.connectionId).client, { ...req, signal: ctx.signal }),
    'messages.search': (req, ctx) =>
      searchMessages(connections.get(req.connectionId).client, { ...req, signal: ctx.signal, push: (batch) => ctx.emit('messages.batch', batch) }),
    'messages.tail': (req, ctx) =>
      tailMessages(connections.get(req.connectionId).client, {
        ...req,
        signal: ctx.signal,
        push: (batch) => ctx.emit('messages.batch', batch),
        isOpen: () => isOpen(req.connectionId),
      }),
    'messages.export': (req, ctx) => exportToFile(connections.get(req.connectionId).client, messages.saveLocation, { ...req, signal: ctx.signal }),
    'messages.get': (req, ctx) => getWholeMessage(connections.get(req.connectionId).client, { ...req, signal: ctx.signal }),
    'messages.saveValue': (req, ctx) => saveMessagePart(connections.get(req.connectionId).client, messages.saveLocation, { ...req, signal: ctx.signal }),
  };
}
