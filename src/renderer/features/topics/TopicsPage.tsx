import './topics.css';
import { createColumnHelper, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { TopicStats, TopicSummary } from '../../../shared/api';
import { humanBytes, humanDuration } from '../../../shared/topics/retention';
import { useFreshTopicsReload, useTopics } from '../../api/queries';
import { AutoRefresh } from '../../components/AutoRefresh';
import { useAutoRefresh } from '../../components/use-auto-refresh';
import { DataTable, Highlight } from '../../components/DataTable';
import { comparatorBy, type SortKeys } from '../../components/table/comparator-by';
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
import { topicTreeRows, type TopicTreeRow } from './topic-tree';
import { useFavouriteTopics } from './use-topic-prefs';

type Topic = TopicSummary & { stats: TopicStats | undefined };
type Row = TopicTreeRow<Topic>;

const col = createColumnHelper<Row>();
const pending = <span className="text-muted">…</span>;
/** Unknown sorts below every real value. */
const num = (v: number | null | undefined) => (v === null || v === undefined ? -2 : v);
/** The topic of a row, undefined for a group header (whose other cells stay empty). */
const topicOf = (r: Row) => (r.kind === 'topic' ? r.topic : undefined);

export function retentionLabel(stats: TopicStats | undefined): string {
  if (!stats || stats.retentionMs === null) return '';
  const policy = stats.cleanupPolicy ?? 'delete';
  if (!policy.includes('delete')) return 'compacted';
  const time = stats.retentionMs < 0 ? 'forever' : humanDuration(stats.retentionMs);
  // retention.bytes limits each partition, not the topic.
  return stats.retentionBytes !== null && stats.retentionBytes >= 0 ? `${time} / ${humanBytes(stats.retentionBytes)} per partition` : time;
}

/** A number cell of a topic row; nothing on a group header. */
function numberColumn(id: string, header: ColumnDef<Row>['header'], size: number, value: (t: Topic) => number | null | undefined, show: (t: Topic) => ReactNode = (t) => value(t) ?? '') {
  return col.accessor((r) => (r.kind === 'topic' ? num(value(r.topic)) : -3), { id, header, size, meta: { align: 'right', mono: true }, cell: (c) => (c.row.original.kind === 'topic' ? show(c.row.original.topic) : null) });
}

function columnsFor(toggleFavourite: (topic: string) => void) {
  return [
    col.accessor((r) => (r.kind === 'topic' ? r.topic.name : r.prefix), {
      id: 'name',
      header: 'Topic',
      // Widths sum to what a 1280 px window leaves beside the sidebar (about 1,020 px, less a scrollbar): no sideways scrolling.
      size: 210,
      cell: (c) => {
        const r = c.row.original;
        if (r.kind === 'group') {
          return (
            <span className="topic-group" title={`${r.count} topics starting with ${r.prefix}`}>
              <span className="topic-group__chevron" aria-hidden>
                {r.expanded ? '▾' : '▸'}
              </span>
              <span className="topic-group__prefix">{r.prefix}</span>
              <span className="badge muted">{r.count}</span>
            </span>
          );
        }
        return (
          // The star sits beside the name, not inside it: a click on the name opens the topic, never stars it.
          <span className={`topic-cell${r.depth ? ' topic-cell--nested' : ''}`}>
            <button
              type="button"
              className={`star${r.favourite ? ' star--on' : ''}`}
              aria-pressed={r.favourite}
              aria-label={`Star ${r.topic.name}`}
              title={r.favourite ? 'Starred: listed first. Click to unstar.' : 'Star: list it first'}
              onClick={(e) => {
                e.stopPropagation();
                toggleFavourite(r.topic.name);
              }}
              onKeyDown={(e) => e.stopPropagation()}
              // The glyph comes from CSS, so the cell's text stays the topic's name (copy, tests, screen readers use the label).
            />
            <span className="topic-name" title={r.topic.name}>
              <Highlight text={r.topic.name} />
            </span>
            {r.topic.internal && <span className="badge muted">internal</span>}
          </span>
        );
      },
    }),
    numberColumn('partitionCount', 'Partitions', 100, (t) => t.partitionCount),
    numberColumn('replicationFactor', () => <span title="Replication factor">RF</span>, 45, (t) => t.replicationFactor),
    numberColumn('messages', 'Messages', 95, (t) => t.stats?.messages, (t) => (t.stats ? t.stats.messages.toLocaleString('en-US') : pending)),
    numberColumn(
      'size',
      () => <span title="Bytes on disk, every replica counted (a topic with replication factor 3 shows three copies)">On disk</span>,
      85,
      (t) => t.stats?.sizeBytes,
      (t) => {
        const size = t.stats?.sizeBytes;
        return size === null || size === undefined ? (t.stats ? '—' : pending) : humanBytes(size);
      },
    ),
    col.accessor((r) => retentionLabel(topicOf(r)?.stats), {
      id: 'retention',
      header: 'Retention',
      size: 170,
      // "7 days / 1 GiB per partition" is cut at 1280 px: the whole text on hover.
      cell: (c) => <span title={c.getValue()}>{c.getValue()}</span>,
    }),
    // Wide enough for "compact,delete", the longest policy.
    col.accessor((r) => topicOf(r)?.stats?.cleanupPolicy ?? '', { id: 'cleanup', header: 'Cleanup', size: 125, cell: (c) => <span title={c.getValue()}>{c.getValue()}</span> }),
    numberColumn(
      'underReplicatedPartitions',
      () => <span title="Under-replicated partitions: fewer in-sync replicas than replicas">Under-repl.</span>,
      105,
      (t) => t.underReplicatedPartitions,
      (t) => (t.underReplicatedPartitions > 0 ? <span className="badge warn">{t.underReplicatedPartitions}</span> : 0),
    ),
    numberColumn(
      'offlinePartitions',
      () => <span title="Offline partitions: no leader">Offline</span>,
      70,
      (t) => t.offlinePartitions,
      (t) => (t.offlinePartitions > 0 ? <span className="badge bad">{t.offlinePartitions}</span> : 0),
    ),
  ];
}

/** The order of topics for a column of the table (the page sorts, so favourites and groups keep their places). */
const SORT_KEYS: SortKeys<Topic> = {
  // Case-insensitive, as react-table's "text" sort the flat table used.
  name: (t) => t.name.toLowerCase(),
  partitionCount: (t) => t.partitionCount,
  replicationFactor: (t) => t.replicationFactor,
  messages: (t) => num(t.stats?.messages),
  size: (t) => num(t.stats?.sizeBytes),
  retention: (t) => retentionRank(t.stats),
  cleanup: (t) => t.stats?.cleanupPolicy ?? '',
  underReplicatedPartitions: (t) => t.underReplicatedPartitions,
  offlinePartitions: (t) => t.offlinePartitions,
};

const byName = (a: Topic, b: Topic) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A comparator for the table's sorting; ties by name, so the order is stable. */
export function topicComparator(sorting: SortingState): (a: Topic, b: Topic) => number {
  return comparatorBy(sorting, SORT_KEYS, 'name', byName);
}

/** Sorts retention by how long data stays: forever last. */
function retentionRank(stats: TopicStats | undefined): number {
  if (!stats || stats.retentionMs === null) return -1;
  return stats.retentionMs < 0 ? Number.MAX_SAFE_INTEGER : stats.retentionMs;
}

// Stable props: the memoized table renders again only for what changed (the rows, on a keystroke).
const rowId = (r: Row) => r.id;
const BY_NAME: SortingState = [{ id: 'name', desc: false }];
const groupAttributes = (r: Row): Record<`data-${string}`, string> => (r.kind === 'group' ? { 'data-group': r.prefix, 'data-expanded': String(r.expanded) } : { 'data-topic': r.topic.name });
const rowClass = (r: Row) => (r.kind === 'group' ? 'topic-group-row' : undefined);

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
  const creating = useCreateTopicForm((s) => s.open);
  const setCreating = useCreateTopicForm((s) => s.setOpen);
  const [showInternal, setShowInternal] = usePersistentState('topics.showInternal', false);
  // Until the user chooses: grouped on big clusters only, where a flat list of thousands is hard to scan.
  const [groupChoice, setGrouped] = usePersistentState<boolean | null>('topics.groupByPrefix', null);
  const [favouritesOnly, setFavouritesOnly] = usePersistentState('topics.favouritesOnly', false);
  const [collapsedList, setCollapsed] = usePersistentState<string[]>('topics.collapsedPrefixes', []);
  const [sorting, setSorting] = usePersistentState<SortingState>('table.topics.sorting', BY_NAME);
  const { favourites, toggle } = useFavouriteTopics();
  const columns = useMemo(() => columnsFor((topic) => void toggle(topic)), [toggle]);
  const topics = useMemo(() => {
    const byName = new Map((stats.data ?? []).map((s) => [s.name, s]));
    return (data ?? []).filter((t) => showInternal || !t.internal).map((t) => ({ ...t, stats: byName.get(t.name) }));
  }, [data, stats.data, showInternal]);
  const grouped = groupChoice ?? topics.length >= GROUP_BY_DEFAULT_FROM;
  const collapsed = useMemo(() => new Set(collapsedList), [collapsedList]);
  // Sorted once per list or header click: a keystroke then filters rows already in order (the
  // tree's own sort of them is one pass), instead of sorting 9,000 topics again.
  const compare = useMemo(() => topicComparator(sorting), [sorting]);
  const ordered = useMemo(() => [...topics].sort(compare), [topics, compare]);
  const rows = useMemo(
    () => topicTreeRows(ordered, { grouped, collapsed, favourites, favouritesOnly, filter, compare }),
    [ordered, grouped, collapsed, favourites, favouritesOnly, filter, compare],
  );
  const shown = useMemo(() => rows.reduce((n, r) => (r.kind === 'topic' ? n + 1 : r.expanded ? n : n + r.count), 0), [rows]);
  const onRowClick = useCallback(
    (r: Row) => {
      if (r.kind === 'topic') navigate(['topics', r.topic.name]);
      else setCollapsed((list) => (list.includes(r.prefix) ? list.filter((p) => p !== r.prefix) : [...list, r.prefix]));
    },
    [setCollapsed],
  );

  return (
    <div className="page page--fill">
      <PageHeader
        title="Topics"
        subtitle={data ? topicCount(topics.length) : undefined}
        actions={
          <>
            <FilterInput label="Filter topics" value={filter} onChange={setFilter} placeholder="Filter topics…" shown={shown} total={topics.length} />
            <label className="checkbox" title="Gather topics by the part of their name before the first “.”, “-” or “_”">
              <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} />
              <span>Group by prefix</span>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={favouritesOnly} onChange={(e) => setFavouritesOnly(e.target.checked)} />
              <span>Starred only</span>
            </label>
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
          filter={filter}
          highlightColumns={NAME_ONLY}
          getRowId={rowId}
          sorting={sorting}
          onSortingChange={setSorting}
          onRowClick={onRowClick}
          rowClassName={rowClass}
          rowDataAttributes={groupAttributes}
          reuseRows
          emptyMessage={filter ? `No topic matches “${filter}”` : favouritesOnly ? 'No starred topics: star one with ☆' : 'No topics'}
        />
      )}
    </div>
  );
}

const NAME_ONLY = ['name'];
/** Topic count from which the list starts grouped by prefix. */
const GROUP_BY_DEFAULT_FROM = 2_000;
