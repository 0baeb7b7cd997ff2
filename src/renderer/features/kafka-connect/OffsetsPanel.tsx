import { useState } from 'react';
import type { ConnectorOffsets } from '../../../shared/api';
import { ActionOutcome } from '../../components/ActionOutcome';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../lib/use-action';
import { useConnectChange, useConnectorOffsets } from './connect-queries';
import { ConfirmDialog } from './ConfirmDialog';
import { parseOffsetsJson } from './offsets-json';

/**
 * The connector's offsets (GET /connectors/{name}/offsets, Kafka 3.6+), and for a stopped
 * connector a reset or an edit of them, each previewed before the worker is asked.
 */
export function OffsetsPanel({ connectionId, cluster, connector, stopped, readOnly }: { connectionId: string; cluster: string; connector: string; stopped: boolean; readOnly: boolean }) {
  const offsets = useConnectorOffsets(connectionId, cluster, connector, true);
  const { api, invalidate } = useConnectChange();
  const action = useAction();
  const [draft, setDraft] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ kind: 'reset' } | { kind: 'alter'; offsets: ConnectorOffsets['offsets'] } | null>(null);
  const parsed = draft === null ? null : parseOffsetsJson(draft);
  const run = (offsetsToWrite: ConnectorOffsets['offsets'] | null) =>
    action.run(async () => {
      const { message } = await api.call('connect.alterOffsets', { connectionId, cluster, connector, offsets: offsetsToWrite });
      setAsking(null);
      setDraft(null);
      await invalidate(connectionId);
      return message;
    });
  return (
    <section className="connect-section" aria-label="Offsets">
      <h2>Offsets</h2>
      <ErrorMessage error={offsets.error} title="Could not read the offsets" />
      {offsets.data &&
        (offsets.data.offsets.length === 0 ? (
          <p className="text-muted">No offsets committed.</p>
        ) : (
          <table className="connect-kv" data-testid="connect-offsets">
            <thead>
              <tr>
                <th>Partition</th>
                <th>Offset</th>
              </tr>
            </thead>
            <tbody>
              {offsets.data.offsets.map((o) => (
                <tr key={JSON.stringify(o.partition)}>
                  <td>
                    <code>{JSON.stringify(o.partition)}</code>
                  </td>
                  <td>
                    <code>{JSON.stringify(o.offset)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {!readOnly &&
        (stopped ? (
          <div className="form-row">
            <button type="button" className="button small danger" onClick={() => setAsking({ kind: 'reset' })} disabled={action.busy}>
              Reset offsets…
            </button>
            <button type="button" className="button small" onClick={() => setDraft(JSON.stringify(offsets.data?.offsets ?? [], null, 2))} disabled={draft !== null}>
              Edit offsets…
            </button>
          </div>
        ) : (
          <p className="text-muted">Stop the connector to reset or edit its offsets.</p>
        ))}
      {draft !== null && (
        <div className="connect-offsets-edit">
          <label className="field">
            <span>Offsets as JSON: a list of {'{ partition, offset }'}; an offset of null removes that partition’s</span>
            <textarea aria-label="Offsets JSON" rows={8} value={draft} onChange={(e) => setDraft(e.target.value)} spellCheck={false} />
          </label>
          {parsed && 'error' in parsed && <p className="text-bad">{parsed.error}</p>}
          <div className="form-row">
            <button type="button" className="button small" onClick={() => setDraft(null)}>
              Cancel
            </button>
            <button type="button" className="button small primary" disabled={!parsed || 'error' in parsed} onClick={() => parsed && 'offsets' in parsed && setAsking({ kind: 'alter', offsets: parsed.offsets })}>
              Preview and apply…
            </button>
          </div>
        </div>
      )}
      <ActionOutcome action={action} failedTitle="Offsets not changed" />
      {asking && (
        <ConfirmDialog
          title={asking.kind === 'reset' ? `Reset all offsets of “${connector}”?` : `Write these offsets for “${connector}”?`}
          confirmLabel={asking.kind === 'reset' ? 'Reset offsets' : 'Write offsets'}
          danger
          busy={action.busy}
          onConfirm={() => void run(asking.kind === 'reset' ? null : asking.offsets)}
          onCancel={() => setAsking(null)}
        >
          {asking.kind === 'reset' ? (
            <p>
              Every committed offset ({offsets.data?.offsets.length ?? 0}) is removed: when resumed, a source reads from its start again, a sink from its consumer group’s reset policy.
            </p>
          ) : (
            <>
              <p>Before → after, per partition:</p>
              <OffsetsPreview before={offsets.data?.offsets ?? []} after={asking.offsets} />
            </>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}

function OffsetsPreview({ before, after }: { before: ConnectorOffsets['offsets']; after: ConnectorOffsets['offsets'] }) {
  const old = new Map(before.map((o) => [JSON.stringify(o.partition), o.offset]));
  return (
    <table className="connect-kv" data-testid="connect-offsets-preview">
      <tbody>
        {after.map((o) => {
          const key = JSON.stringify(o.partition);
          return (
            <tr key={key}>
              <td>
                <code>{key}</code>
              </td>
              <td>
                <code>{old.has(key) ? JSON.stringify(old.get(key)) : '—'}</code> → <code>{o.offset === null ? 'removed' : JSON.stringify(o.offset)}</code>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
