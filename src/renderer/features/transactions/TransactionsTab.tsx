import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { PartitionTransactionsRow } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import { AbortTransaction, type AbortTarget } from './AbortTransaction';
import { durationText } from './format';
import './transactions.css';

const partitionColumns = createColumnHelper<PartitionTransactionsRow>();
const PARTITION_COLUMNS = [
  partitionColumns.accessor('partition', { header: 'Partition', size: 90 }),
  partitionColumns.accessor('leader', { header: 'Leader', size: 80 }),
  partitionColumns.accessor('highWatermark', { header: 'High watermark', size: 140, sortingFn: (a, b) => Number(a.original.highWatermark) - Number(b.original.highWatermark) }),
  partitionColumns.accessor('lastStableOffset', { header: 'Last stable offset', size: 150, sortingFn: (a, b) => Number(a.original.lastStableOffset) - Number(b.original.lastStableOffset) }),
  partitionColumns.accessor('held', { header: 'Held back', size: 110, sortingFn: (a, b) => Number(a.original.held) - Number(b.original.held) }),
  partitionColumns.accessor((r) => r.open.length, { id: 'open', header: 'Open transactions', size: 150 }),
  partitionColumns.accessor('error', { header: 'Error', size: 200 }),
];

interface TxnRow extends AbortTarget {
  id: string;
}

const txnColumns = createColumnHelper<TxnRow>();

/** Open transactions on a topic's partitions, with the ones past their timeout (hanging) marked; abort behind a warning. */
export function TransactionsTab({ initialTopic }: { initialTopic?: string | undefined }) {
  const api = useApi();
  const connectionId = useConnectionId();
  const readOnly = useReadOnly();
  const [draft, setDraft] = useState(initialTopic ?? '');
  const [topic, setTopic] = useState(initialTopic ?? '');
  const [aborting, setAborting] = useState<AbortTarget | null>(null);
  const state = useQuery({
    queryKey: ['cluster', connectionId, 'transactions', topic],
    queryFn: ({ signal }) => api.call('transactions.topic', { connectionId, topic }, { signal }),
    enabled: topic.length > 0,
  });
  const data = state.data;
  const txns = useMemo<TxnRow[]>(() => (data?.partitions ?? []).flatMap((p) => p.open.map((txn) => ({ id: `${p.partition}/${txn.producerId}`, topic, partition: p.partition, txn }))), [data, topic]);
  const hanging = txns.filter((t) => t.txn.hanging).length;
  const heldPartitions = (data?.partitions ?? []).filter((p) => p.open.length > 0).length;

  const columns = useMemo(
    () => [
      txnColumns.accessor('partition', { header: 'Partition', size: 90 }),
      txnColumns.accessor((r) => r.txn.producerId, { id: 'producerId', header: 'Producer id', size: 110 }),
      txnColumns.accessor((r) => r.txn.producerEpoch, { id: 'epoch', header: 'Epoch', size: 70 }),
      txnColumns.accessor((r) => r.txn.transactionalId ?? '', { id: 'transactionalId', header: 'Transactional id', size: 210 }),
      txnColumns.accessor((r) => r.txn.state ?? 'unknown to coordinators', { id: 'state', header: 'State', size: 150 }),
      txnColumns.accessor((r) => r.txn.startOffset, { id: 'startOffset', header: 'Start offset', size: 110 }),
      txnColumns.accessor((r) => r.txn.ageMs, { id: 'age', header: 'Age', size: 100, cell: (c) => durationText(c.getValue()) }),
      txnColumns.accessor((r) => r.txn.limitMs, { id: 'limit', header: 'Timeout', size: 100, cell: (c) => durationText(c.getValue()) }),
      txnColumns.accessor((r) => r.txn.hanging, {
        id: 'hanging',
        header: 'Hanging',
        size: 90,
        cell: (c) => (c.getValue() ? <span className="badge bad">hanging</span> : <span className="text-muted">no</span>),
      }),
      ...(readOnly
        ? []
        : [
            txnColumns.display({
              id: 'actions',
              header: '',
              size: 90,
              cell: (c) => (
                <button type="button" className="button small danger" aria-label={`Abort transaction of producer ${c.row.original.txn.producerId} on partition ${c.row.original.partition}`} onClick={() => setAborting(c.row.original)}>
                  Abort…
                </button>
              ),
            }),
          ]),
    ],
    [readOnly],
  );

  return (
    <div className="transactions-tab">
      <form className="form-row transactions-topic" onSubmit={(e) => (e.preventDefault(), setAborting(null), draft === topic ? void state.refetch() : setTopic(draft))}>
        <label className="field">
          <span>Topic</span>
          <input aria-label="Topic" value={draft} onChange={(e) => setDraft(e.target.value.trim())} spellCheck={false} />
        </label>
        <button type="submit" className="button" disabled={draft.length === 0}>
          {draft === topic && topic ? 'Check again' : 'Show transactions'}
        </button>
      </form>
      {!topic && <p className="text-muted">A transaction left open blocks every read_committed consumer at its first record: the last stable offset stops there. Pick a topic to see its partitions' last stable offsets and the transactions holding them back.</p>}
      {state.isLoading && <Loading />}
      <ErrorMessage error={state.error} title="Could not read the transactions" />
      {data && (
        <>
          <p role="status" data-testid="transactions-summary">
            {txns.length === 0
              ? 'No open transaction: every partition’s last stable offset is at its high watermark.'
              : `${txns.length} open transaction${txns.length === 1 ? '' : 's'} on ${heldPartitions} partition${heldPartitions === 1 ? '' : 's'}, ${hanging === 0 ? 'none' : hanging} hanging (open longer than the timeout).`}
            {data.brokerMaxTimeoutMs !== null && <span className="text-muted"> Broker’s transaction.max.timeout.ms: {durationText(data.brokerMaxTimeoutMs)}.</span>}
          </p>
          {data.coordinatorError && (
            <p className="text-warn" role="note">
              The transaction coordinators could not be asked ({data.coordinatorError}): transactional ids, states and timeouts are missing, and age counts from each producer’s last record.
            </p>
          )}
          <h2>Partitions</h2>
          <div className="transactions-table">
            <DataTable
              id="transactions-partitions"
              ariaLabel="Partitions and their last stable offsets"
              data={data.partitions}
              columns={PARTITION_COLUMNS}
              getRowId={(r) => String(r.partition)}
              rowClassName={(r) => (r.held !== '0' ? 'txn-row--held' : undefined)}
            />
          </div>
          <h2>Open transactions</h2>
          {txns.length > 0 && (
            <div className="transactions-table">
              <DataTable id="transactions-open" ariaLabel="Open transactions" data={txns} columns={columns} getRowId={(r) => r.id} emptyMessage="No open transactions." />
            </div>
          )}
          {txns.length === 0 && <p className="text-muted">None.</p>}
          {aborting && (
            <AbortTransaction key={`${aborting.partition}/${aborting.txn.producerId}`} connectionId={connectionId} target={aborting} onCancel={() => setAborting(null)} onDone={() => void state.refetch()} />
          )}
        </>
      )}
    </div>
  );
}
