import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import type { ProduceService, Target } from './produce-service';

type ProduceCall =
  | 'produce.send'
  | 'produce.burst'
  | 'produce.import'
  | 'produce.importPreview'
  | 'produce.history'
  | 'produce.templates.list'
  | 'produce.templates.save'
  | 'produce.templates.delete'
  | 'produce.templates.import';

export function produceHandlers(connections: ConnectionManager, produce: ProduceService): HandlerGroup<ProduceCall> {
  const clusterKey = (connectionId: string) => [...connections.get(connectionId).config.brokers].sort().join(',');
  const target = (req: { connectionId: string; topic: string; options: Target['options'] }): Target => ({
    client: connections.get(req.connectionId).client,
    clusterKey: clusterKey(req.connectionId),
    topic: req.topic,
    options: req.options,
    schemas: connections.get(req.connectionId).schemas.encoder,
  });
  return {
    'produce.send': (req) => produce.send(target(req), req.message),
    'produce.burst': (req, ctx) =>
      produce.burst(target(req), req.message, req.count, req.ratePerSecond, req.confirmed, {
        runId: req.runId,
        signal: ctx.signal,
        onProgress: (p) => ctx.emit('produce.progress', p),
      }),
    'produce.import': (req, ctx) =>
      produce.importFile(target(req), req.format, req.content, req.keep, { runId: req.runId, signal: ctx.signal, onProgress: (p) => ctx.emit('produce.progress', p) }, req.schemas),
    'produce.importPreview': (req) => {
      const open = connections.get(req.connectionId);
      return produce.previewImport({ client: open.client, topic: req.topic, schemas: open.schemas.encoder }, req.format, req.content, req.keep, req.schemas);
    },
    'produce.history': ({ connectionId }) => produce.history(clusterKey(connectionId)),
    'produce.templates.list': () => produce.templates(),
    'produce.templates.save': ({ template }) => produce.saveTemplate(template),
    'produce.templates.delete': ({ id }) => produce.deleteTemplate(id),
    'produce.templates.import': ({ json }) => produce.importTemplates(json),
  };
}
