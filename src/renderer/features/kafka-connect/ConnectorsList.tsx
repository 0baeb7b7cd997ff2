import { createColumnHelper } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useState } from 'react';
import type { ConnectorState, ConnectorSummary } from '../../../shared/api';
import { navigate } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { FilterInput } from '../../components/FilterInput';
import { ConnectorStateBadge } from './ConnectorStateBadge';

/** Failed first, then the ones that need a look, then the healthy and the deliberately idle. */
const STATE_RANK: Record<ConnectorState, number> = { FAILED: 0, UNASSIGNED: 1, RESTARTING: 2, UNKNOWN: 3, PAUSED: 4, STOPPED: 5, RUNNING: 6 };

/** A row's worst state: a RUNNING connector with a failed task counts as failed. */
export function worstState(c: ConnectorSummary): ConnectorState {
  return [c.state, ...c.tasks.map((t) => t.state)].reduce((worst, s) => (STATE_RANK[s] < STATE_RANK[worst] ? s : worst), 'RUNNING' as ConnectorState);
}

const shortClass = (name: string) => name.slice(name.lastIndexOf('.') + 1);

const col = createColumnHelper<ConnectorSummary>();
const columns = [
  col.accessor('name', { header: 'Connector', size: 240 }),
  col.accessor((c) => STATE_RANK[worstState(c)], {
    id: 'health',
    header: 'State',
    size: 190,
    cell: (c) => {
      const failedTasks = c.row.original.tasks.filter((t) => t.state === 'FAILED').length;
      return (
        <span>
          <ConnectorStateBadge state={c.row.original.state} />
          {failedTasks > 0 && c.row.original.state !== 'FAILED' && (
            <span className="badge bad" title="The connector runs, but some of its tasks failed">
              {failedTasks} task{failedTasks === 1 ? '' : 's'} failed
            </span>
          )}
        </span>
      );
    },
  }),
  col.accessor('type', { header: 'Type', size: 70 }),
  col.accessor((c) => shortClass(c.className), { id: 'class', header: 'Class', size: 200, cell: (c) => <span title={c.row.original.className}>{c.getValue()}</span> }),
  col.accessor((c) => c.tasks.filter((t) => t.state === 'RUNNING').length, {
    id: 'tasks',
    header: 'Tasks run / fail / all',
    size: 175,
    meta: { align: 'right', mono: true },
    cell: (c) => {
      const tasks = c.row.original.tasks;
      const failed = tasks.filter((t) => t.state === 'FAILED').length;
      return (
        <span>
          {c.getValue()} / <span className={failed > 0 ? 'text-bad' : undefined}>{failed}</span> / {tasks.length}
        </span>
      );
    },
  }),
  col.accessor('workerId', { header: 'Worker', size: 140 }),
  col.accessor((c) => c.configTopics.join(', ') || c.topicsRegex || '', { id: 'topics', header: 'Topics', size: 200, meta: { grow: true } }),
];

/** The connectors of one Connect cluster: filter, sort (failed ones first by default), click for the connector. */
export function ConnectorsList({ cluster, connectors, readOnly }: { cluster: string; connectors: ConnectorSummary[]; readOnly: boolean }) {
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(0);
  const deferred = useDeferredValue(filter);
  const failed = useMemo(() => connectors.filter((c) => worstState(c) === 'FAILED').length, [connectors]);
  return (
    <>
      <div className="connect-toolbar">
        <FilterInput label="Filter connectors" value={filter} onChange={setFilter} placeholder="Filter connectors…" shown={shown} total={connectors.length} />
        <span className="text-muted" data-testid="connect-counts">
          {connectors.length} connectors{failed > 0 ? <span className="text-bad"> · {failed} failing</span> : null}
        </span>
        <span className="spacer" />
        {!readOnly && (
          <button type="button" className="button small" onClick={() => navigate(['kafka-connect', cluster], { new: 1 })}>
            New connector
          </button>
        )}
      </div>
      <DataTable
        id="connect-connectors"
        ariaLabel={`Connectors of ${cluster}`}
        data={connectors}
        columns={columns}
        filter={deferred}
        getRowId={(c) => c.name}
        initialSorting={[{ id: 'health', desc: false }]}
        onRowClick={(c) => navigate(['kafka-connect', cluster, c.name])}
        onShownCountChange={setShown}
        emptyMessage={filter ? `No connector matches “${filter}”` : 'No connectors on this cluster yet'}
      />
    </>
  );
}
