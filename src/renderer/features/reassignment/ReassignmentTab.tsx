import { useMemo, useState } from 'react';
import { diffPlan, partitionKey, planProblems, type PartitionTarget } from '../../../shared/reassignment/plan';
import { useTopics } from '../../api/queries';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import { Generators } from './Generators';
import { PlanFile } from './PlanFile';
import { PlanReview } from './PlanReview';
import { PlanTable, type PlanRow } from './PlanTable';
import { ReassignmentProgress } from './ReassignmentProgress';
import { useAssignment, useInvalidateReassignment } from './queries';
import './reassignment.css';

const splitTopics = (text: string) => [...new Set(text.split(/[\s,]+/).filter(Boolean))].sort();

/**
 * Partition reassignment: choose topics, plan with a generator or by hand (or import a plan of
 * kafka-reassign-partitions.sh), see what each move copies and how long it takes at the
 * throttle, review, start, then follow or cancel the moves.
 */
export function ReassignmentTab({ initialTopic }: { initialTopic?: string | undefined }) {
  const connectionId = useConnectionId();
  const readOnly = useReadOnly();
  const topicList = useTopics(connectionId);
  const [topicsText, setTopicsText] = useState(initialTopic ?? '');
  const [topics, setTopics] = useState<string[]>(initialTopic ? [initialTopic] : []);
  const assignment = useAssignment(connectionId, topics);
  const invalidate = useInvalidateReassignment(connectionId);
  /** Edits over the current assignment, by partition key: what the user or a generator planned. */
  const [edits, setEdits] = useState<Map<string, number[]>>(new Map());
  const [note, setNote] = useState<string | null>(null);

  const current = useMemo(() => assignment.data?.partitions ?? [], [assignment.data]);
  const brokers = useMemo(() => assignment.data?.brokers ?? [], [assignment.data]);
  const rows: PlanRow[] = useMemo(() => current.map((c) => ({ current: c, target: edits.get(partitionKey(c)) ?? c.replicas })), [current, edits]);
  const targets: PartitionTarget[] = useMemo(() => rows.map((r) => ({ topic: r.current.topic, partition: r.current.partition, replicas: r.target })), [rows]);
  const moves = useMemo(() => diffPlan(current, targets), [current, targets]);
  const problems = useMemo(() => planProblems(current, targets, brokers), [current, targets, brokers]);
  const leaders = useMemo(() => new Map(current.map((c) => [partitionKey(c), c.leader])), [current]);

  const load = (names: string[]) => {
    setTopics(names);
    setEdits(new Map());
    setNote(null);
  };
  const applyPlan = (planned: PartitionTarget[], what: string) => {
    const known = new Set(current.map(partitionKey));
    const outside = planned.filter((t) => !known.has(partitionKey(t)));
    if (outside.length > 0) {
      // An imported plan names other topics: load them, then apply it.
      const names = [...new Set([...topics, ...planned.map((t) => t.topic)])].sort();
      setTopics(names);
      setTopicsText(names.join(', '));
    }
    setEdits(new Map(planned.map((t) => [partitionKey(t), t.replicas])));
    setNote(`Plan: ${what}.`);
  };
  const allTopics = (topicList.data ?? []).filter((t) => !t.internal).map((t) => t.name);

  return (
    <div className="reassign-page">
      <ReassignmentProgress connectionId={connectionId} readOnly={readOnly} />
      <form
        className="form-row reassign-topics"
        onSubmit={(e) => {
          e.preventDefault();
          load(splitTopics(topicsText));
        }}
      >
        <label className="field reassign-topics__field">
          <span>Topics to plan (comma-separated)</span>
          <input aria-label="Topics to plan" list="reassign-topic-names" value={topicsText} onChange={(e) => setTopicsText(e.target.value)} placeholder="orders, payments" spellCheck={false} />
          <datalist id="reassign-topic-names">
            {allTopics.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </label>
        <button type="submit" className="button" disabled={splitTopics(topicsText).length === 0}>
          Load
        </button>
        <button type="button" className="button" disabled={allTopics.length === 0} onClick={() => (setTopicsText(allTopics.join(', ')), load(allTopics.slice(0, 2_000)))}>
          All topics ({allTopics.length})
        </button>
        {assignment.data && <PlanFile targets={targets} onImport={(t) => applyPlan(t, 'imported from JSON')} />}
      </form>
      {assignment.isLoading && <Loading />}
      <ErrorMessage error={assignment.error} title="Could not read the current assignment" />
      {assignment.data && (
        <>
          {!readOnly && <Generators key={topics.join(',')} current={current} brokers={brokers} onPlan={applyPlan} />}
          {note && (
            <p className="text-muted" role="status">
              {note}{' '}
              <button type="button" className="button small ghost" onClick={() => (setEdits(new Map()), setNote(null))}>
                Reset the plan
              </button>
            </p>
          )}
          <div className="reassign-plan">
            <PlanTable rows={rows} brokers={brokers} readOnly={readOnly} onChange={(key, replicas) => setEdits((e) => new Map(e).set(key, replicas))} />
          </div>
          {readOnly ? (
            <p className="text-muted">This connection is read-only: plans can be exported but not started.</p>
          ) : (
            <PlanReview
              connectionId={connectionId}
              moves={moves}
              targets={targets}
              leaders={leaders}
              problems={problems}
              onStarted={() => {
                setEdits(new Map());
                setNote(null);
                void invalidate();
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
