import './topics.css';
import { createColumnHelper } from '@tanstack/react-table';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { TopicStats, TopicSummary } from '../../../shared/api';
import { humanBytes, humanDuration } from '../../../shared/topics/retention';
import { useFreshTopicsReload, useTopics } from '../../api/queries';
import { AutoRefresh } from '../../components/AutoRefresh';
import { useAutoRefresh } from '../../components/use-auto-refresh';
import { DataTable, Highlight } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterInput } from '../../components/FilterInput';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../app/router';
import { usePersistentState } from '../../lib/use-persistent-state';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import { CreateTopicForm } from './CreateTopicForm';
import { useCreateTopicForm } from './create-topic-form-store';
import { topicCount } from './topic-count';
import { topicKeys, useTopicStats } from './queries';

type Row = TopicSummary & { stats: TopicStats | undefined };

const col = createColumnHelper<Row>();
const pending = <span className="text-muted">…</span>;
/** Unknown sorts below every real value. */
const num = (v: number | null | undefined) => (v === null || v === undefined ? -2 : v);

export function retentionLabel(stats: TopicStats | undefined): string {
  if (!stats || stats.retentionMs === null) return '';
  const policy = stats.cleanupPolicy ?? 'delete';
  if (!policy.includes('delete')) return 'compacted';
  const time = stats.retentionMs < 0 ? 'forever' : humanDuration(stats.retentionMs);
  // retention.bytes limits each partition, not the topic.
  return stats.retentionBytes !== null && stats.retentionBytes >= 0 ? `${time} / ${humanBytes(stats.retentionBytes)} per partition` : time;
}

const columns = [
  col.accessor('name', {
    header: 'Topic',
    // Widths sum to what a 1280 px window leaves beside the sidebar (about 1,020 px, less a scrollbar): no sideways scrolling.
    size: 210,
    // Plain comparison: the default "alphanumeric" sort splits every name into chunks, slow at 5,000 rows.
    sortingFn: 'text',
    cell: (c) => (
      <span className="topic-name" title={c.getValue()}>
        <Highlight text={c.getValue()} />
        {c.row.original.internal && <span className="badge muted">internal</span>}
      </span>
    ),
  }),
  col.accessor('partitionCount', { header: 'Partitions', size: 100, meta: { align: 'right', mono: true } }),
  col.accessor('replicationFactor', { header: () => <span title="Replication factor">RF</span>, size: 45, meta: { align: 'right', mono: true } }),
  col.accessor((t) => num(t.stats?.messages), {
    id: 'messages',
    header: 'Messages',
    size: 95,
    meta: { align: 'right', mono: true },
    cell: (c) => (c.row.original.stats ? c.row.original.stats.messages.toLocaleString('en-US') : pending),
  }),
  col.accessor((t) => num(t.stats?.sizeBytes), {
    id: 'size',
    header: () => <span title="Bytes on disk, every replica counted (a topic with replication factor 3 shows three copies)">On disk</span>,
    size: 85,
    meta: { align: 'right', mono: true },
    cell: (c) => {
      const size = c.row.original.stats?.sizeBytes;
      return size === null || size === undefined ? (c.row.original.stats ? '—' : pending) : humanBytes(size);
    },
  }),
  col.accessor((t) => retentionLabel(t.stats), {
    id: 'retention',
    header: 'Retention',
    size: 170,
    // "7 days / 1 GiB per partition" is cut at 1280 px: the whole text on hover.
    cell: (c) => <span title={c.getValue()}>{c.getValue()}</span>,
    sortingFn: (a, b) => retentionRank(a.original.stats) - retentionRank(b.original.stats),
  }),
  // Wide enough for "compact,delete", the longest policy.
  col.accessor((t) => t.stats?.cleanupPolicy ?? '', { id: 'cleanup', header: 'Cleanup', size: 125, cell: (c) => <span title={c.getValue()}>{c.getValue()}</span> }),
  col.accessor('underReplicatedPartitions', {
    header: () => <span title="Under-replicated partitions: fewer in-sync replicas than replicas">Under-repl.</span>,
    size: 105,
    meta: { align: 'right', mono: true },
    cell: (c) => (c.getValue() > 0 ? <span className="badge warn">{c.getValue()}</span> : 0),
  }),
  col.accessor('offlinePartitions', {
    header: () => <span title="Offline partitions: no leader">Offline</span>,
    size: 70,
    meta: { align: 'right', mono: true },
    cell: (c) => (c.getValue() > 0 ? <span className="badge bad">{c.getValue()}</span> : 0),
  }),
];

/** Sorts retention by how long data stays: forever last. */
function retentionRank(stats: TopicStats | undefined): number {
  if (!stats || stats.retentionMs === null) return -1;
  return stats.retentionMs < 0 ? Number.MAX_SAFE_INTEGER : stats.retentionMs;
}

// Stable props, so the memoized table skips the render of each keystroke until the filter applies.
const topicName = (t: Row) => t.name;
const openTopic = (t: Row) => navigate(['topics', t.name]);
const BY_NAME = [{ id: 'name', desc: false }];
const NAME_ONLY = ['name'];

export function TopicsPage() {
  const connectionId = useConnectionId();
  const readOnly = useReadOnly();
  const { refetchInterval } = useAutoRefresh('topics');
  const { data, error, isLoading, isFetching, dataUpdatedAt } = useTopics(connectionId, refetchInterval);
  const stats = useTopicStats(connectionId, data !== undefined, refetchInterval);
  const reloadList = useFreshTopicsReload(connectionId);
  const client = useQueryClient();
  const refresh = useCallback(async () => {
    await reloadList();
    await client.invalidateQueries({ queryKey: topicKeys.stats(connectionId) });
  }, [reloadList, client, connectionId]);
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(0);
  const deferredFilter = useDeferredValue(filter);
  const creating = useCreateTopicForm((s) => s.open);
  const setCreating = useCreateTopicForm((s) => s.setOpen);
  const [showInternal, setShowInternal] = usePersistentState('topics.showInternal', false);
  const rows = useMemo(() => {
    const byName = new Map((stats.data ?? []).map((s) => [s.name, s]));
    return (data ?? []).filter((t) => showInternal || !t.internal).map((t) => ({ ...t, stats: byName.get(t.name) }));
  }, [data, stats.data, showInternal]);

  return (
    <div className="page page--fill">
      <PageHeader
        title="Topics"
        subtitle={data ? topicCount(rows.length) : undefined}
        actions={
          <>
            <FilterInput label="Filter topics" value={filter} onChange={setFilter} placeholder="Filter topics…" shown={shown} total={rows.length} />
            <label className="checkbox">
              <input type="checkbox" checked={showInternal} onChange={(e) => setShowInternal(e.target.checked)} />
              <span>Show internal</span>
            </label>
            <AutoRefresh viewId="topics" onRefresh={refresh} refreshing={isFetching || stats.isFetching} updatedAt={dataUpdatedAt} />
            {!readOnly && (
              <button type="button" className="button primary" onClick={() => setCreating(!creating)} aria-expanded={creating}>
                Create topic
              </button>
            )}
          </>
        }
      />
      {creating && <CreateTopicForm existing={(data ?? []).map((t) => t.name)} onClose={() => setCreating(false)} />}
      {isLoading && <Loading />}
      <ErrorMessage error={error} title="Could not load the topics" />
      <ErrorMessage error={stats.error} title="Could not load message counts and retention" />
      {data && (
        <DataTable
          id="topics"
          ariaLabel="Topics"
          data={rows}
          columns={columns}
          filter={deferredFilter}
          filterColumns={NAME_ONLY}
          getRowId={topicName}
          initialSorting={BY_NAME}
          onRowClick={openTopic}
          onShownCountChange={setShown}
          emptyMessage={deferredFilter ? `No topic matches “${deferredFilter}”` : 'No topics'}
        />
      )}
    </div>
  );
}
