import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { BrokerConfigEntry, ConfigSource } from '../../../shared/api';
import { DataTable, Highlight } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterInput } from '../../components/FilterInput';
import { Loading } from '../../components/Loading';
import { usePersistentState } from '../../lib/use-persistent-state';
import { useBrokerConfigs } from './queries';
import { BrokerConfigEditor } from './BrokerConfigEditor';
import { useReadOnly } from '../../state/use-read-only';

/** Where a broker config's value comes from, in the words of kafka-configs. */
export const SOURCE_LABELS: Record<ConfigSource, string> = {
  'dynamic-broker': 'dynamic, this broker',
  'dynamic-default-broker': 'dynamic, cluster-wide',
  'static-broker': 'static (server.properties)',
  default: 'default',
  'dynamic-topic': 'topic override',
  'dynamic-broker-logger': 'dynamic logger',
  unknown: 'unknown',
};

const col = createColumnHelper<BrokerConfigEntry>();
const NAME_ONLY = ['name'];
const columns = [
  col.accessor('name', { header: 'Name', size: 330, meta: { mono: true }, cell: (c) => <span title={c.row.original.documentation ?? undefined}><Highlight text={c.getValue()} /></span> }),
  col.accessor((e) => (e.sensitive ? '' : (e.value ?? '')), {
    id: 'value',
    header: 'Value',
    size: 300,
    meta: { mono: true },
    cell: (c) => {
      const e = c.row.original;
      if (e.sensitive) return <span className="masked" title="Sensitive: the value never leaves main">••••••</span>;
      return e.value === null ? <span className="muted">null</span> : <span title={e.value}>{e.value}</span>;
    },
  }),
  col.accessor((e) => SOURCE_LABELS[e.source], {
    id: 'source',
    header: 'Source',
    size: 190,
    cell: (c) => <span className={`config-source ${c.row.original.source}`}>{c.getValue()}</span>,
  }),
  col.accessor((e) => [e.readOnly ? 'read-only' : 'dynamic', e.sensitive ? 'sensitive' : ''].filter(Boolean).join(' '), {
    id: 'flags',
    header: 'Flags',
    size: 150,
    cell: (c) => (
      <>
        {c.row.original.readOnly && (
          <span className="badge muted" title="Not a dynamic config: change it in server.properties and restart the broker">
            read-only
          </span>
        )}
        {!c.row.original.readOnly && <span className="badge good">dynamic</span>}
        {c.row.original.sensitive && <span className="badge warn">sensitive</span>}
      </>
    ),
  }),
  col.accessor((e) => e.synonyms.slice(1).map((s) => `${SOURCE_LABELS[s.source]}: ${s.value ?? 'null'}`).join(' · '), {
    id: 'overrides',
    header: 'Overrides (below this value)',
    size: 320,
    enableSorting: false,
    cell: (c) => <span className="muted" title={c.getValue()}>{c.getValue()}</span>,
  }),
];

/** A broker's configuration: every config with its source, filtered by name, overrides on demand. */
export function BrokerConfigs({ connectionId, nodeId }: { connectionId: string; nodeId: number }) {
  const { data, error, isLoading } = useBrokerConfigs(connectionId, nodeId);
  const readOnly = useReadOnly();
  const [filter, setFilter] = useState('');
  const [onlySet, setOnlySet] = usePersistentState('brokers.configs.onlySet', false);
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (data ?? []).filter((e) => (!needle || e.name.toLowerCase().includes(needle)) && (!onlySet || e.source !== 'default'));
  }, [data, filter, onlySet]);
  return (
    <section className="broker-configs" aria-label="Broker configuration">
      <div className="broker-configs__bar">
        <h2>Configuration</h2>
        <FilterInput label="Filter configs by name" value={filter} onChange={setFilter} placeholder="Filter by name…" shown={rows.length} total={data?.length ?? 0} />
        <label className="checkbox">
          <input type="checkbox" checked={onlySet} onChange={(e) => setOnlySet(e.target.checked)} />
          <span>Only values not at their default</span>
        </label>
      </div>
      {data && !readOnly && <BrokerConfigEditor connectionId={connectionId} nodeId={nodeId} configs={data} />}
      {isLoading && <Loading />}
      <ErrorMessage error={error} title={`Could not read the configuration of broker ${nodeId}`} />
      {data && <DataTable id="broker-configs" ariaLabel="Broker configs" highlight={filter.trim()} highlightColumns={NAME_ONLY} data={rows} columns={columns} getRowId={(e) => e.name} initialSorting={[{ id: 'name', desc: false }]} emptyMessage="No config matches" />}
    </section>
  );
}
