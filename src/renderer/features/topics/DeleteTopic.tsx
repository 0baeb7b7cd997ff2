import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { navigate } from '../../app/router';
import { ActionOutcome } from '../../components/ActionOutcome';
import { useAction } from '../../lib/use-action';
import { TypedConfirmation } from '../../components/TypedConfirmation';
import { useInvalidateTopics } from './queries';

/** Delete the topic and all its messages, once its name is typed back (main checks it too). */
export function DeleteTopic({ connectionId, topic }: { connectionId: string; topic: string }) {
  const api = useApi();
  const invalidate = useInvalidateTopics(connectionId);
  const [typed, setTyped] = useState('');
  const action = useAction();
  const run = () =>
    action.run(async () => {
      await api.call('topics.delete', { connectionId, topic, confirmation: typed });
      await invalidate();
      navigate(['topics']);
    });
  return (
    <section className="manage-section danger-zone" aria-label="Delete topic">
      <h2>Delete topic</h2>
      <p>Deletes {topic}, its messages and its consumer groups’ committed offsets on it. This cannot be undone.</p>
      <div className="form-row">
        <TypedConfirmation expected={topic} value={typed} onChange={setTyped} label="Confirm topic name to delete" />
        <button type="button" className="button danger solid" disabled={action.busy || typed !== topic} onClick={run}>
          Delete topic
        </button>
      </div>
      <ActionOutcome action={action} failedTitle="Topic not deleted" />
    </section>
  );
}
