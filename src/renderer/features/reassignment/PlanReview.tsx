import { useState } from 'react';
import type { PartitionMove } from '../../../shared/reassignment/plan';
import { expectedSeconds } from '../../../shared/reassignment/plan';
import { throttlePlan } from '../../../shared/reassignment/throttle';
import type { PartitionTarget } from '../../../shared/reassignment/plan';
import { useApi } from '../../api/ApiProvider';
import { ActionOutcome } from '../../components/ActionOutcome';
import { useAction } from '../../lib/use-action';
import { bytesText, estimateText } from './format';

const MB = 1024 * 1024;

/**
 * The plan's cost and the throttle, then a preview of exactly what will change (moves, throttle
 * configs) behind a second step, then the start. Nothing is sent before "Start".
 */
export function PlanReview({
  connectionId,
  moves,
  targets,
  leaders,
  problems,
  onStarted,
}: {
  connectionId: string;
  moves: PartitionMove[];
  targets: PartitionTarget[];
  leaders: Map<string, number>;
  problems: string[];
  onStarted: () => void;
}) {
  const api = useApi();
  const [throttled, setThrottled] = useState(true);
  const [mbPerSec, setMbPerSec] = useState(10);
  const [reviewing, setReviewing] = useState(false);
  const action = useAction();
  const rate = throttled && mbPerSec > 0 ? Math.max(1_024, Math.round(mbPerSec * MB)) : null;
  const copies = moves.reduce((sum, m) => (sum === null || m.copyBytes === null ? null : sum + m.copyBytes), 0 as number | null);
  const throttle = rate ? throttlePlan(moves) : null;
  const seconds = expectedSeconds(moves, leaders, rate);

  const start = () =>
    action.run(async () => {
      const { results, throttle: set } = await api.call('reassignment.apply', { connectionId, targets, throttleBytesPerSec: rate });
      setReviewing(false);
      onStarted();
      const failed = results.filter((r) => r.error);
      const started = `Started ${results.length - failed.length} move${results.length - failed.length === 1 ? '' : 's'}${set ? ` with a throttle of ${mbPerSec} MB/s on broker ${set.brokers.join(', ')}` : ''}.`;
      if (failed.length === 0) return started;
      return `${started} Refused: ${failed.map((f) => `${f.topic}-${f.partition} (${f.error}${f.message ? `: ${f.message}` : ''})`).join('; ')}.`;
    });

  return (
    <section className="plan-review" aria-label="Apply the plan">
      <div className="form-row plan-review__bar">
        <strong>
          {moves.length} partition{moves.length === 1 ? '' : 's'} change · copies {copies === null ? 'an unknown amount' : bytesText(copies)}
        </strong>
        <label className="checkbox">
          <input type="checkbox" checked={throttled} onChange={(e) => (setThrottled(e.target.checked), setReviewing(false))} />
          <span>Throttle replication to</span>
        </label>
        <input
          type="number"
          className="plan-review__rate"
          aria-label="Throttle in MB/s per broker"
          min={0.01}
          step="any"
          value={mbPerSec}
          disabled={!throttled}
          onChange={(e) => (setMbPerSec(Number(e.target.value)), setReviewing(false))}
        />
        <span>MB/s per broker</span>
        <span className="text-muted">expected time: {rate ? estimateText(seconds) : 'as fast as the brokers can'}</span>
        <span className="spacer" />
        <button type="button" className="button" disabled={moves.length === 0 || problems.length > 0 || action.busy} onClick={() => (setReviewing(true), action.clear())}>
          Review {moves.length} change{moves.length === 1 ? '' : 's'}…
        </button>
      </div>
      {problems.length > 0 && (
        <ul className="plan-problems text-bad" aria-label="Problems in the plan">
          {problems.slice(0, 8).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {reviewing && moves.length > 0 && (
        <div className="pending-changes plan-preview" role="region" aria-label="What will change">
          <p>
            <strong>The controller will move these partitions:</strong>
          </p>
          <ul className="plan-preview__moves">
            {moves.slice(0, 50).map((m) => (
              <li key={`${m.topic}-${m.partition}`} className="mono">
                {m.topic}-{m.partition}: [{m.current.join(', ')}] → [{m.replicas.join(', ')}]
                {m.reorderOnly ? ' (preferred leader only, no data copied)' : m.copyBytes ? ` copies ${bytesText(m.copyBytes)}` : ''}
              </li>
            ))}
            {moves.length > 50 && <li>…and {moves.length - 50} more</li>}
          </ul>
          {throttle && throttle.brokers.length > 0 ? (
            <p>
              Throttle: <code>leader.replication.throttled.rate</code> and <code>follower.replication.throttled.rate</code> = {rate} bytes/s on broker {throttle.brokers.join(', ')}; throttled replica lists on{' '}
              {throttle.topics.map((t) => t.topic).join(', ')}. They are removed when the moves are done.
            </p>
          ) : (
            <p className="text-warn">No throttle: replication may use all the bandwidth it can, which slows producers and consumers on busy brokers.</p>
          )}
          <div className="form-row">
            <button type="button" className="button primary" disabled={action.busy} onClick={start}>
              Start {moves.length} change{moves.length === 1 ? '' : 's'}
            </button>
            <button type="button" className="button ghost" disabled={action.busy} onClick={() => setReviewing(false)}>
              Back to the plan
            </button>
          </div>
        </div>
      )}
      <ActionOutcome action={action} failedTitle="The reassignment did not start" />
    </section>
  );
}
