import type { MessagesBatch } from '../../../shared/api';
import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import type { MaskingService } from '../masking/masking-service';
import type { MessageService } from './message-service';
import { exportToFile, getWholeMessage, saveMessagePart } from './export-messages';
import { searchMessages } from './search-messages';
import { latestPerKey } from './latest-per-key';
import { tailMessages } from './tail-messages';

export function messageHandlers(
  connections: ConnectionManager,
  messages: MessageService,
  masking?: Pick<MaskingService, 'maskerFor'>,
): HandlerGroup<'messages.browse' | 'messages.search' | 'messages.tail' | 'messages.export' | 'messages.get' | 'messages.saveValue'> {
  const isOpen = (id: string) => {
    try {
      connections.get(id);
      return true;
    } catch {
      return false;
    }
  };
  // The profile's masking rules for the topic, applied to everything these calls send out.
  const maskFor = async (req: { connectionId: string; topic: string }) => (masking ? masking.maskerFor(req.connectionId, req.topic) : null);
  return {
    'messages.browse': async (req, ctx) => {
      const { client, schemas } = connections.get(req.connectionId);
      return messages.browse(client, { ...req, signal: ctx.signal, schemas, mask: await maskFor(req) });
    },
    'messages.search': async (req, ctx) => {
      const { client, schemas } = connections.get(req.connectionId);
      const read = { ...req, signal: ctx.signal, schemas, mask: await maskFor(req), push: (batch: MessagesBatch) => ctx.emit('messages.batch', batch), backlog: ctx.backlog };
      return req.latestPerKey ? latestPerKey(client, { ...read, tombstones: req.latestPerKey.tombstones }) : searchMessages(client, read);
    },
    'messages.tail': async (req, ctx) =>
      tailMessages(connections.get(req.connectionId).client, {
        ...req,
        schemas: connections.get(req.connectionId).schemas,
        mask: await maskFor(req),
        signal: ctx.signal,
        push: (batch) => ctx.emit('messages.batch', batch),
        isOpen: () => isOpen(req.connectionId),
        health: connections.get(req.connectionId).health,
        backlog: ctx.backlog,
      }),
    'messages.export': async (req, ctx) => {
      const { client, schemas } = connections.get(req.connectionId);
      const mask = await maskFor(req);
      // Masked topics are exported decoded: schema-encoded bytes would carry masked fields as they are.
      return exportToFile(client, messages.saveLocation, { ...req, signal: ctx.signal, mask, ...(req.decoded || mask ? { schemas } : {}) });
    },
    'messages.get': async (req, ctx) => {
      const { client, schemas } = connections.get(req.connectionId);
      const mask = await maskFor(req);
      return getWholeMessage(client, { ...req, signal: ctx.signal, mask, ...(req.raw && !mask ? {} : { schemas }) });
    },
    'messages.saveValue': async (req, ctx) => saveMessagePart(connections.get(req.connectionId).client, messages.saveLocation, { ...req, signal: ctx.signal, mask: await maskFor(req) }),
  };
}
