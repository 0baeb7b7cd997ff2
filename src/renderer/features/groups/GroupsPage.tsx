import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { GroupSummary } from '../../../shared/api';
import { navigate } from '../../app/router';
import { AutoRefresh } from '../../components/AutoRefresh';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterInput } from '../../components/FilterInput';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useAutoRefresh } from '../../components/use-auto-refresh';
import { useConnectionId } from '../../state/session-store';
import { groupKeys } from './queries';
import { useStreamedGroups } from './use-streamed-groups';
import { StateBadge } from './StateBadge';
import { GROUP_TYPE_EXPLAINED } from './group-types';
import { NeedsKafka } from './NeedsKafka';
import { formatCount } from '../../lib/format-count';
import { usePersistentState } from '../../lib/use-persistent-state';
import { lagUnknownWhy } from './lag-unknown';
import { FILTER_COLUMNS, filterGroups, groupComparator } from './group-order';

const col = createColumnHelper<GroupSummary>();
const columns = [
  col.accessor('groupId', { header: 'Group', size: 260 }),
  col.accessor('state', { header: 'State', size: 120, cell: (c) => <StateBadge state={c.getValue()} note={c.row.original.note} /> }),
  col.accessor('type', { header: 'Type', size: 90, cell: (c) => <span title={GROUP_TYPE_EXPLAINED[c.getValue()]}>{c.getValue()}</span> }),
  col.accessor('assignor', { header: 'Assignor', size: 110 }),
  col.accessor('members', { header: 'Members', size: 90, meta: { align: 'right', mono: true } }),
  col.accessor((g) => g.topics.join(', '), { id: 'topics', header: 'Topics', size: 240 }),
  col.accessor('trend', {
    header: 'Trend',
    size: 90,
    cell: (c) => {
      const t = c.getValue();
      // Plain text where no colour is needed: one element fewer per row, and thousands of rows scroll by.
      return t === null ? '—' : t === 'rising' ? <span className="text-warn">↗ rising</span> : t === 'falling' ? '↘ falling' : '→ flat';
    },
  }),
  col.accessor((g) => g.totalLag ?? -1, {
    id: 'lag',
    header: 'Total lag',
    size: 110,
    meta: { align: 'right', mono: true },
    cell: (c) => {
      const total = c.getValue() < 0 ? '—' : c.getValue() > 0 ? <span className="text-warn">{formatCount(c.getValue())}</span> : '0';
      const unknown = c.row.original.lagUnknown;
      if (!unknown) return total;
      return (
        <span title={lagUnknownWhy(unknown)} data-lag-unknown={unknown}>
          {total} <span className="text-warn">+?</span>
        </span>
      );
    },
  }),
];

// Stable props, so the memoized table skips the render of each keystroke until the filter applies.
const groupId = (g: GroupSummary) => g.groupId;
const openGroup = (g: GroupSummary) => navigate(['groups', g.groupId]);
const BY_LAG: SortingState = [{ id: 'lag', desc: true }];

/** Every consumer group with its state and total lag; Refresh and Auto-refresh (off, 5 s, 30 s) as on Topics and Brokers. */
export function GroupsPage() {
  const connectionId = useConnectionId();
  const { refetchInterval } = useAutoRefresh('groups');
  const { data, detailed, loadingDetails, error, isLoading, isFetching, dataUpdatedAt, setVisible } = useStreamedGroups(connectionId, refetchInterval);
  const client = useQueryClient();
  const refresh = useCallback(() => client.invalidateQueries({ queryKey: groupKeys.ids(connectionId), exact: true }), [client, connectionId]);
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter);
  // Sorted once per list or header click, filtered per keystroke on text lower-cased once: the
  // table (windowed) builds rows only for those on screen, so 10,000 groups cost a keystroke little.
  const [sorting, setSorting] = usePersistentState<SortingState>('table.groups.sorting', BY_LAG);
  const sorted = useMemo(() => (data ? [...data].sort(groupComparator(sorting)) : []), [data, sorting]);
  const rows = useMemo(() => filterGroups(sorted, deferred), [sorted, deferred]);
  return (
    <div className="page page--fill">
      <PageHeader
        title="Consumer groups"
        subtitle={
          data ? (
            <>
              {`${data.length.toLocaleString('en')} groups · ${data.filter((g) => (g.totalLag ?? 0) > 0).length.toLocaleString('en')} lagging `}
              {loadingDetails && <span data-testid="groups-details-progress">{`· details ${detailed.toLocaleString('en')} of ${data.length.toLocaleString('en')} `}</span>}
              <NeedsKafka connectionId={connectionId} feature="· share groups" major={4} minor={2} />
            </>
          ) : undefined
        }
        actions={
          <>
            <FilterInput label="Filter groups" value={filter} onChange={setFilter} placeholder="Filter groups…" shown={rows.length} total={data?.length ?? 0} />
            <AutoRefresh viewId="groups" onRefresh={refresh} refreshing={isFetching} updatedAt={dataUpdatedAt} />
          </>
        }
      />
      {isLoading && <Loading />}
      <ErrorMessage error={error} title="Could not load the consumer groups" />
      {data && (
        <DataTable
          id="groups"
          ariaLabel="Consumer groups"
          data={rows}
          columns={columns}
          filter={deferred}
          highlightColumns={FILTER_COLUMNS}
          sorting={sorting}
          onSortingChange={setSorting}
          getRowId={groupId}
          onRowClick={openGroup}
          onVisibleRowsChange={setVisible}
          emptyMessage={deferred ? `No group matches “${deferred}”` : 'No consumer groups'}
        />
      )}
    </div>
  );
}
