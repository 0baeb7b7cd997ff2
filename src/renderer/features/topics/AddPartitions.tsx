import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { ActionOutcome } from '../../components/ActionOutcome';
import { TypedConfirmation } from '../../components/TypedConfirmation';
import { useAction } from '../../lib/use-action';
import { useInvalidateTopics } from './queries';

/** Raise the partition count: validated by the broker first, with what it means for keyed messages. */
export function AddPartitions({ connectionId, topic, current }: { connectionId: string; topic: string; current: number }) {
  const api = useApi();
  const invalidate = useInvalidateTopics(connectionId);
  const [count, setCount] = useState(current + 1);
  // Cannot be undone (and splits keys on a compacted topic): the name is typed, as for deletes.
  const [typed, setTyped] = useState('');
  const action = useAction();
  const send = (validateOnly: boolean) =>
    action.run(async () => {
      await api.call('topics.addPartitions', { connectionId, topic, count, validateOnly });
      if (validateOnly) return `The broker accepts ${count} partitions (nothing changed yet).`;
      await invalidate();
      setTyped('');
      return `${topic} now has ${count} partitions.`;
    });
  return (
    <section className="manage-section" aria-label="Add partitions">
      <h2>Add partitions</h2>
      <p className="text-warn">
        Keyed messages go to murmur2(key) mod the partition count: with more partitions, new messages of a key may land on another partition than its older ones, and
        per-key order only holds within a partition. Partitions can never be removed.
      </p>
      <div className="form-row">
        <label className="field">
          <span>New partition count (now {current})</span>
          <input type="number" aria-label="New partition count" min={current + 1} value={count} onChange={(e) => (setCount(Number(e.target.value) || current + 1), action.clear())} />
        </label>
        <button type="button" className="button" disabled={action.busy || count <= current} onClick={() => send(true)}>
          Validate
        </button>
        <TypedConfirmation expected={topic} value={typed} onChange={setTyped} label="Confirm topic name to add partitions" />
        <button type="button" className="button primary" disabled={action.busy || count <= current || typed !== topic} onClick={() => send(false)}>
          Add {Math.max(0, count - current)} partition{count - current === 1 ? '' : 's'}
        </button>
      </div>
      <ActionOutcome action={action} failedTitle="Partitions not added" />
    </section>
  );
}
