import { describeRetention } from '../../../shared/topics/retention';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDateFormat } from '../../lib/use-date-format';
import { useRetention } from './queries';

/** "Kept 7 days or until a partition reaches 1 GiB …; compacted: no; oldest message now: …". */
export function RetentionSummary({ connectionId, topic, refetchInterval }: { connectionId: string; topic: string; refetchInterval: number | false }) {
  // "3 days ago" is relative to when the oldest message was read.
  const { data, error, dataUpdatedAt } = useRetention(connectionId, topic, refetchInterval);
  const dates = useDateFormat();
  if (error) return <ErrorMessage error={error} title="Could not read the retention settings" />;
  if (!data) return <div className="retention-summary text-muted">Reading retention…</div>;
  return (
    <div className="retention-summary" data-testid="retention-summary">
      <span className="retention-summary__label">Retention</span> {describeRetention(data, dataUpdatedAt, dates.dateTime)}
      {data.oldestPartition !== null && <span className="text-muted"> (partition {data.oldestPartition})</span>}
    </div>
  );
}
