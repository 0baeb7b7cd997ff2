import { createColumnHelper } from '@tanstack/react-table';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useState } from 'react';
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
      return t === null ? <span className="text-muted">—</span> : <span className={t === 'rising' ? 'text-warn' : undefined}>{t === 'rising' ? '↗ rising' : t === 'falling' ? '↘ falling' : '→ flat'}</span>;
    },
  }),
  col.accessor((g) => g.totalLag ?? -1, {
    id: 'lag',
    header: 'Total lag',
    size: 110,
    meta: { align: 'right', mono: true },
    cell: (c) => (c.getValue() < 0 ? <span className="text-muted">—</span> : <span className={c.getValue() > 0 ? 'text-warn' : undefined}>{c.getValue().toLocaleString('en')}</span>),
  }),
];

/** The filter reads the text columns only: fewer strings per keystroke over 10,000 rows. */
const FILTER_COLUMNS = ['groupId', 'state', 'type', 'assignor', 'topics'];

/** Every consumer group with its state and total lag; Refresh and Auto-refresh (off, 5 s, 30 s) as on Topics and Brokers. */
export function GroupsPage() {
  const connectionId = useConnectionId();
  const { refetchInterval } = useAutoRefresh('groups');
  const { data, detailed, loadingDetails, error, isLoading, isFetching, dataUpdatedAt, setVisible } = useStreamedGroups(connectionId, refetchInterval);
  const client = useQueryClient();
  const refresh = useCallback(() => client.invalidateQueries({ queryKey: groupKeys.ids(connectionId), exact: true }), [client, connectionId]);
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(0);
  const deferred = useDeferredValue(filter);
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
            <FilterInput label="Filter groups" value={filter} onChange={setFilter} placeholder="Filter groups…" shown={shown} total={data?.length ?? 0} />
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
          data={data}
          columns={columns}
          filter={deferred}
          filterColumns={FILTER_COLUMNS}
          getRowId={(g) => g.groupId}
          initialSorting={[{ id: 'lag', desc: true }]}
          onRowClick={(g) => navigate(['groups', g.groupId])}
          onShownCountChange={setShown}
          onVisibleRowsChange={setVisible}
          emptyMessage={filter ? `No group matches “${filter}”` : 'No consumer groups'}
        />
      )}
    </div>
  );
}
