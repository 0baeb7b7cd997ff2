import { createColumnHelper } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useState } from 'react';
import type { TopicSummary } from '../../../shared/api';
import { useTopics } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterInput } from '../../components/FilterInput';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../app/router';
import { usePersistentState } from '../../lib/use-persistent-state';
import { useConnectionId } from '../../state/session-store';

const col = createColumnHelper<TopicSummary>();
const columns = [
  col.accessor('name', {
    header: 'Topic',
    size: 320,
    cell: (c) => (
      <span className="topic-name">
        {c.getValue()}
        {c.row.original.internal && <span className="badge muted">internal</span>}
      </span>
    ),
  }),
  col.accessor('partitionCount', { header: 'Partitions', size: 110, meta: { align: 'right', mono: true } }),
  col.accessor('replicationFactor', { header: 'Replication', size: 110, meta: { align: 'right', mono: true } }),
  col.accessor('underReplicatedPartitions', {
    header: 'Under-replicated',
    size: 140,
    meta: { align: 'right', mono: true },
    cell: (c) => (c.getValue() > 0 ? <span className="badge warn">{c.getValue()}</span> : 0),
  }),
  col.accessor('offlinePartitions', {
    header: 'Offline',
    size: 90,
    meta: { align: 'right', mono: true },
    cell: (c) => (c.getValue() > 0 ? <span className="badge bad">{c.getValue()}</span> : 0),
  }),
];

export function TopicsPage() {
  const connectionId = useConnectionId();
  const { data, error, isLoading } = useTopics(connectionId);
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const [showInternal, setShowInternal] = usePersistentState('topics.showInternal', false);
  const rows = useMemo(() => (data ?? []).filter((t) => showInternal || !t.internal), [data, showInternal]);

  return (
    <div className="page page--fill">
      <PageHeader
        title="Topics"
        subtitle={data ? `${rows.length} topics` : undefined}
        actions={
          <>
            <FilterInput label="Filter topics" value={filter} onChange={setFilter} placeholder="Filter topics…" />
            <label className="checkbox">
              <input type="checkbox" checked={showInternal} onChange={(e) => setShowInternal(e.target.checked)} />
              <span>Show internal</span>
            </label>
          </>
        }
      />
      {isLoading && <Loading />}
      <ErrorMessage error={error} title="Could not load the topics" />
      {data && (
        <DataTable
          id="topics"
          ariaLabel="Topics"
          data={rows}
          columns={columns}
          filter={deferredFilter}
          getRowId={(t) => t.name}
          initialSorting={[{ id: 'name', desc: false }]}
          onRowClick={(t) => navigate(['topics', t.name])}
          emptyMessage={filter ? `No topic matches “${filter}”` : 'No topics'}
        />
      )}
    </div>
  );
}
