import type { ParsedRequestOf } from '../../../shared/api';
import { appError, ErrorCode } from '../../../shared/errors';
import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import { previewCopy, runCopy, type CopyEnds } from './copy-job';
import type { CopyMasking } from './mask-for-copy';

/**
 * Copy and redrive. The source is the call's connection (read-only ones may be copied from);
 * the target is checked here, since the dispatcher's read-only gate only sees `connectionId`:
 * it must be this window's open connection and not read-only.
 * `masking` gives the source connection's masking rules: applied to every source record first.
 */
export function copyHandlers(connections: ConnectionManager, masking?: (connectionId: string) => CopyMasking | undefined): HandlerGroup<'copy.run' | 'copy.preview'> {
  const ends = (req: ParsedRequestOf<'copy.run' | 'copy.preview'>, clientId: string, forWrite: boolean): CopyEnds => {
    const source = connections.get(req.connectionId, clientId);
    const target = connections.get(req.target.connectionId, clientId);
    if (forWrite && target.config.readOnly) {
      throw appError(ErrorCode.ReadOnly, `${target.name} is read-only: it cannot be a copy's target.`, {
        name: 'ReadOnlyError',
        hint: 'Copy to another connection, or open this one without read-only mode.',
      });
    }
    if (req.target.topic === null && !req.redrive?.topicHeader) throw appError(ErrorCode.Validation, 'Choose a target topic (or, for a redrive, the header that names it).');
    return { source: { client: source.client, topic: req.topic, schemas: source.schemas }, target: { client: target.client, topic: req.target.topic } };
  };
  return {
    'copy.run': (req, ctx) => {
      const mask = masking?.(req.connectionId);
      return runCopy(ends(req, ctx.clientId, true), {
        runId: req.runId,
        source: req.source,
        options: req.options,
        redrive: req.redrive,
        signal: ctx.signal,
        onProgress: (p) => ctx.emit('copy.progress', p),
        ...(mask ? { mask } : {}),
      });
    },
    'copy.preview': (req, ctx) => {
      const mask = masking?.(req.connectionId);
      return previewCopy(ends(req, ctx.clientId, true), { source: req.source, options: req.options, redrive: req.redrive, signal: ctx.signal, ...(mask ? { mask } : {}) }, req.count);
    },
  };
}
