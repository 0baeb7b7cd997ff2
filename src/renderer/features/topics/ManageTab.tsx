import { usePartitions } from '../../api/queries';
import { href } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useReadOnly } from '../../state/use-read-only';
import { AddPartitions } from './AddPartitions';
import { CloneTopic } from './CloneTopic';
import { DeleteRecords } from './DeleteRecords';
import { DeleteTopic } from './DeleteTopic';

/** The topic's changes beyond its configuration: a clone, partitions, records, the topic itself. */
export function ManageTab({ connectionId, topic }: { connectionId: string; topic: string }) {
  const readOnly = useReadOnly();
  const { data, error, isLoading } = usePartitions(connectionId, topic);
  if (readOnly) return <p className="text-muted">This connection is read-only: topics cannot be changed.</p>;
  if (isLoading) return <Loading />;
  if (error || !data) return <ErrorMessage error={error} title="Could not load the partitions" />;
  return (
    <div className="manage-tab">
      <section className="manage-section" aria-label="Replicas">
        <h2>Replicas</h2>
        <p className="text-muted">
          Move this topic’s replicas to other brokers or change its replication factor:{' '}
          <a href={href(['operations', 'reassign'], { topic })}>plan a reassignment</a>, or{' '}
          <a href={href(['operations', 'leaders'], { topic })}>elect its preferred leaders</a>.
        </p>
      </section>
      <section className="manage-section" aria-label="Transactions">
        <h2>Transactions</h2>
        <p className="text-muted">read_committed consumers stuck? See each partition’s last stable offset and the open transactions holding it back.</p>
        <a className="button small" href={href(['operations', 'transactions'], { topic })}>
          Open transactions
        </a>
      </section>
      <CloneTopic connectionId={connectionId} topic={topic} />
      <AddPartitions connectionId={connectionId} topic={topic} current={data.length} />
      <DeleteRecords connectionId={connectionId} topic={topic} partitions={data} />
      <DeleteTopic connectionId={connectionId} topic={topic} />
    </div>
  );
}
