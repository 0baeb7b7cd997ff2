import { useState } from 'react';
import type { PartitionDetail } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { ActionOutcome } from '../../components/ActionOutcome';
import { useAction } from '../../lib/use-action';
import { TypedConfirmation } from '../../components/TypedConfirmation';
import { useInvalidateTopics } from './queries';

/** Delete the records before an offset of one partition, or truncate every partition; typed confirmation. */
export function DeleteRecords({ connectionId, topic, partitions }: { connectionId: string; topic: string; partitions: PartitionDetail[] }) {
  const api = useApi();
  const invalidate = useInvalidateTopics(connectionId);
  const [scope, setScope] = useState<'all' | number>('all');
  const [offset, setOffset] = useState('');
  const [typed, setTyped] = useState('');
  const action = useAction();
  const chosen = scope === 'all' ? null : partitions.find((p) => p.partition === scope);
  const total = partitions.reduce((n, p) => n + p.messages, 0);
  const ready = typed === topic && (scope === 'all' || offset !== '');
  const run = () =>
    action.run(async () => {
      // Refreshed even on failure: when one leader fails, the others may have deleted theirs.
      const result = await api
        .call('topics.deleteRecords', { connectionId, topic, confirmation: typed, partitions: scope === 'all' ? null : [{ partition: scope, offset }] })
        .finally(() => void invalidate());
      setTyped('');
      return `Records deleted. New log start: ${result.map((r) => `partition ${r.partition} → ${r.lowWatermark}`).join(', ')}.`;
    });
  return (
    <section className="manage-section danger-zone" aria-label="Delete records">
      <h2>Delete records</h2>
      <div className="form-row">
        <label className="field">
          <span>Partitions</span>
          <select aria-label="Delete records from" value={String(scope)} onChange={(e) => (setScope(e.target.value === 'all' ? 'all' : Number(e.target.value)), setOffset(''), setTyped(''), action.clear())}>
            <option value="all">All partitions: everything up to now ({total.toLocaleString('en-US')} messages)</option>
            {partitions.map((p) => (
              <option key={p.partition} value={p.partition}>
                Partition {p.partition} (offsets {p.low}–{p.high})
              </option>
            ))}
          </select>
        </label>
        {chosen && (
          <label className="field">
            <span>
              Delete before offset ({chosen.low}–{chosen.high})
            </span>
            <input aria-label="Delete before offset" inputMode="numeric" value={offset} onChange={(e) => setOffset(e.target.value.replace(/\D/g, ''))} placeholder={chosen.high} />
          </label>
        )}
        <TypedConfirmation expected={topic} value={typed} onChange={setTyped} label="Confirm topic name to delete records" />
        <button type="button" className="button danger solid" disabled={action.busy || !ready} onClick={run}>
          Delete records
        </button>
      </div>
      <ActionOutcome action={action} failedTitle="Records not deleted" />
    </section>
  );
}
