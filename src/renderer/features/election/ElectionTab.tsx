import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ElectionCandidate, ElectionScope, ReassignmentOutcome } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { ActionOutcome } from '../../components/ActionOutcome';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { TypedConfirmation } from '../../components/TypedConfirmation';
import { useAction } from '../../lib/use-action';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import './election.css';

const name = (p: { topic: string; partition: number }) => `${p.topic}-${p.partition}`;

function Results({ results }: { results: ReassignmentOutcome[] }) {
  return (
    <ul className="election-results" aria-label="Election results">
      {results.map((r) => (
        <li key={name(r)} className="mono">
          {name(r)}: {r.error === null ? <span className="text-good">elected</span> : <span className={r.error === 'ELECTION_NOT_NEEDED' ? 'text-muted' : 'text-bad'}>{r.error}{r.message ? ` — ${r.message}` : ''}</span>}
        </li>
      ))}
    </ul>
  );
}

/** An offline partition: unclean election after a warning and the partition's name typed back. */
function UncleanElection({ connectionId, candidate, onDone }: { connectionId: string; candidate: ElectionCandidate; onDone: () => void }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [results, setResults] = useState<ReassignmentOutcome[] | null>(null);
  const action = useAction();
  const label = name(candidate);
  const run = () =>
    action.run(async () => {
      const { results: r } = await api.call('election.run', { connectionId, type: 'unclean', partitions: [{ topic: candidate.topic, partition: candidate.partition }] });
      setResults(r);
      setTyped('');
      setOpen(false);
      onDone();
    });
  return (
    <li className="offline-partition">
      <span className="mono">{label}</span> <span className="text-muted">replicas {candidate.replicas.join(', ')} · last in sync {candidate.isr.join(', ') || '—'}</span>{' '}
      {!open && (
        <button type="button" className="button small danger" onClick={() => setOpen(true)}>
          Unclean election…
        </button>
      )}
      {open && (
        <div className="pending-changes unclean-warning" role="region" aria-label={`Unclean election of ${label}`}>
          <p className="text-bad">
            An unclean election makes a replica that is <strong>not in sync</strong> the leader. Every message it does not have is lost for good, and consumers may see offsets go back.
            Only do this when the in-sync replicas cannot come back.
          </p>
          <TypedConfirmation expected={label} value={typed} onChange={setTyped} label="Confirm partition name for unclean election" />
          <button type="button" className="button danger solid" disabled={typed !== label || action.busy} onClick={run}>
            Elect an unclean leader
          </button>
          <button type="button" className="button ghost" onClick={() => (setOpen(false), setTyped(''))}>
            Cancel
          </button>
        </div>
      )}
      {results && <Results results={results} />}
      <ActionOutcome action={action} failedTitle="The election was refused" />
    </li>
  );
}

/**
 * Preferred leader election for a topic, a broker or everything: the count first, then each
 * partition's result; unclean election for offline partitions, guarded.
 */
export function ElectionTab({ initialTopic }: { initialTopic?: string | undefined }) {
  const api = useApi();
  const connectionId = useConnectionId();
  const readOnly = useReadOnly();
  const [kind, setKind] = useState<ElectionScope['kind']>(initialTopic ? 'topic' : 'all');
  const [topic, setTopic] = useState(initialTopic ?? '');
  const [nodeId, setNodeId] = useState(1);
  const scope: ElectionScope = kind === 'topic' ? { kind, topic } : kind === 'broker' ? { kind, nodeId } : { kind };
  const ready = kind !== 'topic' || topic.trim().length > 0;
  const candidates = useQuery({
    queryKey: ['cluster', connectionId, 'election', scope],
    queryFn: ({ signal }) => api.call('election.candidates', { connectionId, scope }, { signal }),
    enabled: ready,
  });
  const [results, setResults] = useState<ReassignmentOutcome[] | null>(null);
  const action = useAction();
  const data = candidates.data;
  const elect = () =>
    action.run(async () => {
      if (!data) return;
      const { results: r } = await api.call('election.run', { connectionId, type: 'preferred', partitions: data.notPreferred.map((c) => ({ topic: c.topic, partition: c.partition })) });
      setResults(r);
      await candidates.refetch();
      const elected = r.filter((x) => x.error === null).length;
      return `Elected the preferred leader of ${elected} of ${r.length} partition${r.length === 1 ? '' : 's'}.`;
    });

  return (
    <div className="election-tab">
      <div className="form-row election-scope" role="group" aria-label="Election scope">
        <label className="field">
          <span>Partitions</span>
          <select aria-label="Scope" value={kind} onChange={(e) => (setKind(e.target.value as ElectionScope['kind']), setResults(null), action.clear())}>
            <option value="all">All not led by their preferred replica</option>
            <option value="topic">Of one topic</option>
            <option value="broker">Whose preferred leader is a broker</option>
          </select>
        </label>
        {kind === 'topic' && (
          <label className="field">
            <span>Topic</span>
            <input aria-label="Topic" value={topic} onChange={(e) => setTopic(e.target.value.trim())} spellCheck={false} />
          </label>
        )}
        {kind === 'broker' && (
          <label className="field">
            <span>Broker</span>
            <input type="number" aria-label="Broker id" min={0} value={nodeId} onChange={(e) => setNodeId(Number(e.target.value))} />
          </label>
        )}
        <button type="button" className="button" onClick={() => void candidates.refetch()} disabled={!ready}>
          Check again
        </button>
      </div>
      {candidates.isLoading && <Loading />}
      <ErrorMessage error={candidates.error} title="Could not read the leaders" />
      {data && (
        <>
          <section className="election-section" aria-label="Preferred leader election">
            <h2>Preferred leaders</h2>
            <p role="status" data-testid="election-count">
              {data.notPreferred.length === 0
                ? 'Every partition here is led by its preferred replica.'
                : `${data.notPreferred.length} partition${data.notPreferred.length === 1 ? ' is' : 's are'} not led by ${data.notPreferred.length === 1 ? 'its' : 'their'} preferred replica.`}
              {data.preferredOutOfSync.length > 0 && ` ${data.preferredOutOfSync.length} more cannot be fixed now: their preferred replica is out of sync.`}
            </p>
            {data.notPreferred.length > 0 && (
              <ul className="election-list">
                {data.notPreferred.slice(0, 100).map((c) => (
                  <li key={name(c)} className="mono">
                    {name(c)}: led by {c.leader}, preferred {c.preferred}
                  </li>
                ))}
                {data.notPreferred.length > 100 && <li>…and {data.notPreferred.length - 100} more</li>}
              </ul>
            )}
            {!readOnly && data.notPreferred.length > 0 && (
              <button type="button" className="button primary" disabled={action.busy} onClick={elect}>
                Elect preferred leaders for {data.notPreferred.length} partition{data.notPreferred.length === 1 ? '' : 's'}
              </button>
            )}
            <ActionOutcome action={action} failedTitle="The election was refused" />
            {results && <Results results={results} />}
          </section>
          <section className="election-section" aria-label="Offline partitions">
            <h2>Offline partitions</h2>
            {data.offline.length === 0 ? (
              <p className="text-muted">No partition here is offline.</p>
            ) : (
              <ul className="election-list">
                {data.offline.map((c) =>
                  readOnly ? (
                    <li key={name(c)} className="mono">
                      {name(c)}: no leader
                    </li>
                  ) : (
                    <UncleanElection key={name(c)} connectionId={connectionId} candidate={c} onDone={() => void candidates.refetch()} />
                  ),
                )}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
