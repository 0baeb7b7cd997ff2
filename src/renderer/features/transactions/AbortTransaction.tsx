import { useEffect, useRef, useState } from 'react';
import type { OpenTransaction } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { ActionOutcome } from '../../components/ActionOutcome';
import { TypedConfirmation } from '../../components/TypedConfirmation';
import { useAction } from '../../lib/use-action';

export interface AbortTarget {
  topic: string;
  partition: number;
  txn: OpenTransaction;
}

/** The warning and typed confirmation in front of an abort; main refuses it for read-only connections anyway. */
export function AbortTransaction({ connectionId, target, onDone, onCancel }: { connectionId: string; target: AbortTarget; onDone: () => void; onCancel: () => void }) {
  const api = useApi();
  const [typed, setTyped] = useState('');
  const action = useAction();
  const { topic, partition, txn } = target;
  const region = useRef<HTMLDivElement>(null);
  // Keyboard users land on the confirmation the Abort… button opened.
  useEffect(() => {
    region.current?.scrollIntoView({ block: 'nearest' });
    region.current?.querySelector('input')?.focus();
  }, []);
  const abort = () =>
    action.run(async () => {
      await api.call('transactions.abort', { connectionId, topic, partition, producerId: txn.producerId, producerEpoch: txn.producerEpoch, coordinatorEpoch: txn.coordinatorEpoch });
      setTyped('');
      onDone();
      return `Aborted producer ${txn.producerId}'s transaction on ${topic}-${partition}.`;
    });
  return (
    <div ref={region} className="pending-changes txn-abort" role="region" aria-label={`Abort transaction of producer ${txn.producerId}`}>
      <p className="text-bad">
        Aborting writes an ABORT marker on {topic}-{partition} for producer {txn.producerId} (epoch {txn.producerEpoch}). Its records in this transaction (the first at offset {txn.startOffset}) are then
        discarded for read_committed consumers for good, and they read past them. If the producer is still alive and means to commit, it fails instead: only abort a transaction that is really stuck.
        {!txn.hanging && ' This one is not past its timeout yet: its coordinator may still end it on its own.'}
      </p>
      <TypedConfirmation expected={txn.producerId} value={typed} onChange={setTyped} label="Confirm producer id to abort" />
      <div className="form-row">
        <button type="button" className="button danger solid" disabled={typed !== txn.producerId || action.busy} onClick={abort}>
          Abort the transaction
        </button>
        <button type="button" className="button ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ActionOutcome action={action} failedTitle="The abort was refused" />
    </div>
  );
}
