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
    'messages.browse': (req, ctx) => {
      const { client, schemas } = connections.get(req.connectionId);
      return messages.browse(client, { ...req, signal: ctx.signal, schemas });
    },
    'messages.search': (req, ctx) => {
      const { client, schemas } = connections.get(req.connectionId);
      return searchMessages(client, { ...req, signal: ctx.signal, schemas, push: (batch) => ctx.emit('messages.batch', batch) });
    },
    'messages.tail': (req, ctx) =>
      tailMessages(connections.get(req.connectionId).client, {
        ...req,
        schemas: connections.get(req.connectionId).schemas,
        signal: ctx.signal,
        push: (batch) => ctx.emit('messages.batch', batch),
        isOpen: () => isOpen(req.connectionId),
        health: connections.get(req.connectionId).health,
      }),
    'messages.export': (req, ctx) => {
      const { client, schemas } = connections.get(req.connectionId);
      return exportToFile(client, messages.saveLocation, { ...req, signal: ctx.signal, ...(req.decoded ? { schemas } : {}) });
    },
    'messages.get': (req, ctx) => {
      const { client, schemas } = connections.get(req.connectionId);
      return getWholeMessage(client, { ...req, signal: ctx.signal, ...(req.raw ? {} : { schemas }) });
    },
    'messages.saveValue': (req, ctx) => saveMessagePart(connections.get(req.connectionId).client, messages.saveLocation, { ...req, signal: ctx.signal }),
  };
}
