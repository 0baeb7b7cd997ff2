import { useState } from 'react';
import { changeReplicationFactor, moveOffBroker, spreadEvenly } from '../../../shared/reassignment/generators';
import type { BrokerRef, CurrentPartition, PartitionTarget } from '../../../shared/reassignment/plan';

/** The plan generators: each replaces the plan for the loaded partitions; the table then shows what moves. */
export function Generators({ current, brokers, onPlan }: { current: CurrentPartition[]; brokers: BrokerRef[]; onPlan: (targets: PartitionTarget[], what: string) => void }) {
  const [offBroker, setOffBroker] = useState(brokers[brokers.length - 1]?.nodeId ?? 0);
  const maxRf = brokers.length;
  const [rf, setRf] = useState(Math.min(maxRf, Math.max(1, ...current.map((c) => c.replicas.length))));
  const [error, setError] = useState<string | null>(null);
  const run = (make: () => PartitionTarget[], what: string) => {
    try {
      onPlan(make(), what);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="generators" role="group" aria-label="Generate a plan">
      <label className="inline-field">
        <span>Move everything off broker</span>
        <select aria-label="Broker to empty" value={offBroker} onChange={(e) => setOffBroker(Number(e.target.value))}>
          {brokers.map((b) => (
            <option key={b.nodeId} value={b.nodeId}>
              {b.nodeId}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button small" onClick={() => run(() => moveOffBroker(current, brokers, offBroker), `every replica off broker ${offBroker}`)}>
        Plan
      </button>
      <span className="generators__sep" />
      <button type="button" className="button small" onClick={() => run(() => spreadEvenly(current, brokers), 'replicas spread evenly')}>
        Spread evenly{brokers.some((b) => b.rack) ? ' (rack-aware)' : ''}
      </button>
      <span className="generators__sep" />
      <label className="inline-field">
        <span>Replication factor</span>
        <input type="number" aria-label="New replication factor" min={1} max={maxRf} value={rf} onChange={(e) => setRf(Number(e.target.value))} />
      </label>
      <button type="button" className="button small" onClick={() => run(() => changeReplicationFactor(current, brokers, rf), `replication factor ${rf}`)}>
        Plan
      </button>
      {error && (
        <span className="text-bad" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
