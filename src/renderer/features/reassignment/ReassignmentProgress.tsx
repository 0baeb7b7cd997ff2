import { useState } from 'react';
import type { ReassignmentProgressRow } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { ActionOutcome } from '../../components/ActionOutcome';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../lib/use-action';
import { bytesText } from './format';
import { useInvalidateReassignment, useReassignmentProgress } from './queries';
import { ConfirmBar } from '../../components/ConfirmBar';

/** 0–1 for the slowest new replica of a move; null when sizes are unknown. */
function fraction(row: ReassignmentProgressRow): number | null {
  if (row.sizeBytes === null || row.copied.some((c) => c.bytes === null)) return null;
  if (row.sizeBytes === 0 || row.copied.length === 0) return 1;
  return Math.min(1, Math.min(...row.copied.map((c) => c.bytes!)) / row.sizeBytes);
}

function MoveRow({ row, readOnly, cancelling, onCancel }: { row: ReassignmentProgressRow; readOnly: boolean; cancelling: boolean; onCancel: () => void }) {
  const f = fraction(row);
  const label = `${row.topic}-${row.partition}`;
  return (
    <li className="move-row">
      <span className="mono move-row__name">{label}</span>
      <span className="mono">
        [{row.replicas.join(', ')}] adding {row.addingReplicas.join(', ') || '—'} · removing {row.removingReplicas.join(', ') || '—'}
      </span>
      <progress aria-label={`Copied for ${label}`} max={1} value={f ?? undefined} />
      <span className="mono text-muted">
        {row.copied.map((c) => `${c.nodeId}: ${bytesText(c.bytes)}`).join(' · ')} of {bytesText(row.sizeBytes)}
      </span>
      {!readOnly && (
        <button type="button" className="button small danger" disabled={cancelling} onClick={onCancel} aria-label={`Cancel the move of ${label}`}>
          Cancel
        </button>
      )}
    </li>
  );
}

/**
 * Moves in progress (polled), each new replica's bytes against the leader's, cancel per
 * partition or all (confirmed), and every throttle still set on the cluster.
 */
export function ReassignmentProgress({ connectionId, readOnly }: { connectionId: string; readOnly: boolean }) {
  const api = useApi();
  const progress = useReassignmentProgress(connectionId);
  const invalidate = useInvalidateReassignment(connectionId);
  const action = useAction();
  const [confirmAll, setConfirmAll] = useState(false);
  const data = progress.data;
  const cancel = (partitions: { topic: string; partition: number }[]) =>
    action.run(async () => {
      const { results } = await api.call('reassignment.cancel', { connectionId, partitions });
      setConfirmAll(false);
      await invalidate();
      const failed = results.filter((r) => r.error);
      return failed.length === 0
        ? `Cancelled ${results.length} move${results.length === 1 ? '' : 's'}: ${results.length === 1 ? 'the partition keeps' : 'the partitions keep'} their original replicas.`
        : `Cancelled ${results.length - failed.length}; refused: ${failed.map((f) => `${f.topic}-${f.partition} (${f.error})`).join('; ')}.`;
    });
  const removeThrottles = () =>
    action.run(async () => {
      const { removed, left } = await api.call('reassignment.removeThrottles', { connectionId });
      await invalidate();
      return left.length === 0 ? `Removed ${removed.length} throttle setting${removed.length === 1 ? '' : 's'}.` : `Removed ${removed.length}; ${left.length} could not be removed.`;
    });

  return (
    <section className="reassign-progress" aria-label="Reassignments in progress">
      <div className="form-row">
        <h2>In progress</h2>
        {data && <span className="text-muted">{data.ongoing.length === 0 ? 'no partition is being moved' : `${data.ongoing.length} partition${data.ongoing.length === 1 ? '' : 's'} moving`}</span>}
        <span className="spacer" />
        {!readOnly && data && data.ongoing.length > 1 && !confirmAll && (
          <button type="button" className="button small danger" onClick={() => setConfirmAll(true)}>
            Cancel all…
          </button>
        )}
      </div>
      {confirmAll && data && (
        <ConfirmBar
          label="Confirm cancel"
          confirm={`Cancel ${data.ongoing.length} moves`}
          keep="Keep moving"
          busy={action.busy}
          onConfirm={() => cancel(data.ongoing.map((o) => ({ topic: o.topic, partition: o.partition })))}
          onKeep={() => setConfirmAll(false)}
        >
          Cancel all {data.ongoing.length} moves? Each partition goes back to the replicas it had before; data already copied is deleted from the new brokers.
        </ConfirmBar>
      )}
      <ErrorMessage error={progress.error} title="Could not read the reassignments" />
      {data && data.ongoing.length > 0 && (
        <ul className="move-list">
          {data.ongoing.map((row) => (
            <MoveRow key={`${row.topic}-${row.partition}`} row={row} readOnly={readOnly} cancelling={action.busy} onCancel={() => cancel([{ topic: row.topic, partition: row.partition }])} />
          ))}
        </ul>
      )}
      {data?.cleanup && (
        <p className={data.cleanup.state === 'failed' ? 'text-warn' : 'text-muted'} role="status">
          {data.cleanup.message}
        </p>
      )}
      {data && data.throttles.length > 0 && (
        <div className="throttles-left" role="region" aria-label="Throttles set on the cluster">
          <strong>
            {data.throttles.length} reassignment throttle setting{data.throttles.length === 1 ? ' is' : 's are'} set
            {data.ongoing.length === 0 ? ' with no move in progress (left behind)' : ''}:
          </strong>
          <ul>
            {data.throttles.map((t) => (
              <li key={`${t.resource}-${t.name}-${t.config}`} className="mono">
                {t.resource} {t.name}: {t.config} = {t.value ?? '(hidden)'}
              </li>
            ))}
          </ul>
          {!readOnly && (
            <button type="button" className="button small" disabled={action.busy} onClick={removeThrottles}>
              Remove all throttles
            </button>
          )}
        </div>
      )}
      <ActionOutcome action={action} failedTitle="The change was refused" />
    </section>
  );
}
