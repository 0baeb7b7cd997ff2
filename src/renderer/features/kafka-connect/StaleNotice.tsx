import { ErrorMessage } from '../../components/ErrorMessage';
import { useDateFormat } from '../../lib/use-date-format';

/**
 * A worker that stopped answering: the page keeps what it read last, says so with the time, and
 * shows why (down, slow, rebalancing, 500). Without older data the error stands alone.
 */
export function StaleNotice({ error, updatedAt, title }: { error: unknown; updatedAt: number; title: string }) {
  const dates = useDateFormat();
  if (!error) return null;
  return (
    <div className="connect-stale">
      {updatedAt > 0 && (
        <span className="stale-mark" data-testid="connect-stale" title="Kafka Connect did not answer the last refresh: this is what it said before.">
          Stale · as of {dates.time(updatedAt)}
        </span>
      )}
      <ErrorMessage error={error} title={title} />
    </div>
  );
}
