import { createColumnHelper } from '@tanstack/react-table';
import { createContext, useContext, useDeferredValue, useState } from 'react';
import { inheritedValue, type ConfigEntry } from '../../../shared/api';
import { humanBytes, humanDuration } from '../../../shared/topics/retention';
import { useApi } from '../../api/ApiProvider';
import { ActionOutcome } from '../../components/ActionOutcome';
import { DataTable, Highlight } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../lib/use-action';
import { FilterInput } from '../../components/FilterInput';
import { Loading } from '../../components/Loading';
import { useReadOnly } from '../../state/use-read-only';
import { changesFrom, SOURCE_LABEL, type PendingEdits } from './config-edits';
import { useInvalidateTopics, useTopicConfigs } from './queries';

/**
 * Every config of the topic with where its value comes from; overrides stand out. Edits pile
 * up as pending changes, are validated by the broker as a whole, and only then applied — only
 * what changed is sent (IncrementalAlterConfigs), so other overrides are never lost.
 */
export function ConfigTab({ connectionId, topic }: { connectionId: string; topic: string }) {
  const api = useApi();
  const readOnly = useReadOnly();
  const invalidate = useInvalidateTopics(connectionId);
  const { data, error, isLoading } = useTopicConfigs(connectionId, topic);
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter.toLowerCase());
  const [onlyOverrides, setOnlyOverrides] = useState(false);
  const [edits, setEdits] = useState<PendingEdits>({});
  const action = useAction();

  if (isLoading) return <Loading />;
  if (error) return <ErrorMessage error={error} title="Could not read the configuration" />;
  if (!data) return null;
  const changes = changesFrom(data, edits);
  const rows = data.filter((c) => (!onlyOverrides || c.source === 'dynamic-topic') && c.name.includes(deferred));
  const edit = (name: string, value: string | null) => (setEdits((e) => ({ ...e, [name]: value })), action.clear());
  const undo = (name: string) => setEdits(({ [name]: _, ...rest }) => rest);

  const send = (validateOnly: boolean) =>
    action.run(async () => {
      await api.call('topics.alterConfigs', { connectionId, topic, changes, validateOnly });
      if (validateOnly) return `The broker accepts ${changes.length} change${changes.length === 1 ? '' : 's'} (nothing applied yet).`;
      setEdits({});
      await invalidate();
      return `Applied: ${changes.map((c) => (c.value === null ? `${c.name} reset to default` : `${c.name} = ${c.value}`)).join(', ')}.`;
    });

  return (
    <div className="config-tab">
      <div className="form-row config-tab__tools">
        <FilterInput label="Filter configs" value={filter} onChange={setFilter} placeholder="Filter by name…" shown={rows.length} total={data.length} />
        <label className="checkbox">
          <input type="checkbox" checked={onlyOverrides} onChange={(e) => setOnlyOverrides(e.target.checked)} />
          <span>Only overrides ({data.filter((c) => c.source === 'dynamic-topic').length})</span>
        </label>
      </div>
      {changes.length > 0 && (
        <div className="pending-changes" role="region" aria-label="Pending changes">
          <strong>{changes.length} pending change{changes.length === 1 ? '' : 's'}:</strong>{' '}
          {changes.map((c) => (c.value === null ? `${c.name} → default` : `${c.name} → ${c.value}`)).join(', ')}
          <span className="spacer" />
          <button type="button" className="button" disabled={action.busy} onClick={() => send(true)}>
            Validate
          </button>
          <button type="button" className="button primary" disabled={action.busy} onClick={() => send(false)}>
            Apply
          </button>
          <button type="button" className="button ghost" disabled={action.busy} onClick={() => (setEdits({}), action.clear())}>
            Discard
          </button>
        </div>
      )}
      <ActionOutcome action={action} failedTitle="The broker refused the change" />
      <ConfigEdits.Provider value={{ edits, onEdit: edit, onUndo: undo }}>
        <DataTable
          id="topic-configs"
          ariaLabel="Topic configuration"
          data={rows}
          columns={readOnly ? columns : withActions}
          getRowId={configName}
          highlight={deferred}
          highlightColumns={NAME_ONLY}
          rowClassName={overrideClass}
          rowDataAttributes={configAttribute}
          wrap
          rowHeight={46}
          overscan={120}
          emptyMessage="No config matches"
        />
      </ConfigEdits.Provider>
    </div>
  );
}

/** "259200000" under retention.ms reads better as "3 days"; sizes likewise. */
function readable(config: ConfigEntry): string | null {
  const n = Number(config.value);
  if (config.value === null || config.value.trim() === '' || !Number.isFinite(n) || n <= 0) return null;
  if (n >= 9.2e18) return 'no limit'; // Long.MAX_VALUE
  if (config.name.endsWith('.ms')) return humanDuration(n);
  if (config.name.endsWith('.bytes')) return humanBytes(n);
  return null;
}

/** The pending edits and how to change them, for the cells of the config table. */
const ConfigEdits = createContext<{ edits: PendingEdits; onEdit: (name: string, value: string | null) => void; onUndo: (name: string) => void }>({
  edits: {},
  onEdit: () => {},
  onUndo: () => {},
});

function NameCell({ config }: { config: ConfigEntry }) {
  return (
    <>
      <div className="mono">
        <Highlight text={config.name} />
      </div>
      {config.documentation && <div className="config-doc">{config.documentation}</div>}
    </>
  );
}

function ValueCell({ config }: { config: ConfigEntry }) {
  const { edits, onEdit } = useContext(ConfigEdits);
  const edit = edits[config.name];
  const editing = edit !== undefined;
  const inherited = inheritedValue(config);
  return (
    <div className="config-value">
      {editing && edit !== null ? (
        <input aria-label={`Value of ${config.name}`} value={edit} onChange={(e) => onEdit(config.name, e.target.value)} spellCheck={false} />
      ) : editing ? (
        <span className="text-warn">reset to default</span>
      ) : config.sensitive ? (
        <span className="text-muted">hidden (sensitive)</span>
      ) : (
        <>
          {config.value ?? <span className="text-muted">null</span>}
          {readable(config) && <span className="config-human"> ({readable(config)})</span>}
        </>
      )}
      {inherited && !editing && (
        <div className="config-doc">
          default: {inherited.value ?? 'null'} ({inherited.name}, {SOURCE_LABEL[inherited.source]})
        </div>
      )}
    </div>
  );
}

function SourceCell({ config }: { config: ConfigEntry }) {
  return (
    <>
      <span className={`badge ${config.source === 'dynamic-topic' ? 'override' : 'muted'}`}>{SOURCE_LABEL[config.source]}</span>
      {config.readOnly && <span className="badge muted">read-only</span>}
    </>
  );
}

function ActionsCell({ config }: { config: ConfigEntry }) {
  const { edits, onEdit, onUndo } = useContext(ConfigEdits);
  if (edits[config.name] !== undefined) {
    return (
      <button type="button" className="button small ghost" onClick={() => onUndo(config.name)} aria-label={`Undo ${config.name}`}>
        Undo
      </button>
    );
  }
  if (config.readOnly) return null;
  return (
    <span className="config-actions">
      <button type="button" className="button small" onClick={() => onEdit(config.name, config.value ?? '')} aria-label={`Edit ${config.name}`}>
        Edit
      </button>
      {config.source === 'dynamic-topic' && (
        <button type="button" className="button small" onClick={() => onEdit(config.name, null)} aria-label={`Reset ${config.name}`}>
          Reset
        </button>
      )}
    </span>
  );
}

const col = createColumnHelper<ConfigEntry>();
const columns = [
  col.accessor('name', { header: 'Name', size: 420, meta: { wrap: true, grow: true }, cell: (c) => <NameCell config={c.row.original} /> }),
  col.accessor((c) => c.value ?? '', { id: 'value', header: 'Value', size: 300, meta: { mono: true, wrap: true }, cell: (c) => <ValueCell config={c.row.original} /> }),
  col.accessor((c) => SOURCE_LABEL[c.source], { id: 'source', header: 'Source', size: 200, cell: (c) => <SourceCell config={c.row.original} /> }),
];
const withActions = [...columns, col.display({ id: 'actions', header: () => <span className="sr-only">Actions</span>, size: 130, cell: (c) => <ActionsCell config={c.row.original} /> })];
const NAME_ONLY = ['name'];
const configName = (c: ConfigEntry) => c.name;
const overrideClass = (c: ConfigEntry) => (c.source === 'dynamic-topic' ? 'config-override' : undefined);
const configAttribute = (c: ConfigEntry) => ({ 'data-config': c.name });
