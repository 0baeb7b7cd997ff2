import { useDeferredValue, useState } from 'react';
import type { ConfigEntryView } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { ErrorMessage } from '../../components/ErrorMessage';
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
  const [verdict, setVerdict] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (isLoading) return <Loading />;
  if (error) return <ErrorMessage error={error} title="Could not read the configuration" />;
  if (!data) return null;
  const changes = changesFrom(data, edits);
  const rows = data.filter((c) => (!onlyOverrides || c.source === 'dynamic-topic') && c.name.includes(deferred));
  const edit = (name: string, value: string | null) => (setEdits((e) => ({ ...e, [name]: value })), setVerdict(null), setFailure(null));

  const send = async (validateOnly: boolean) => {
    setBusy(true);
    setFailure(null);
    setVerdict(null);
    try {
      await api.call('topics.alterConfigs', { connectionId, topic, changes, validateOnly });
      if (validateOnly) setVerdict(`The broker accepts ${changes.length} change${changes.length === 1 ? '' : 's'} (nothing applied yet).`);
      else {
        setVerdict(`Applied: ${changes.map((c) => (c.value === null ? `${c.name} reset to default` : `${c.name} = ${c.value}`)).join(', ')}.`);
        setEdits({});
        await invalidate();
      }
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="config-tab">
      <div className="form-row config-tab__tools">
        <FilterInput label="Filter configs" value={filter} onChange={setFilter} placeholder="Filter by name…" />
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
          <button type="button" className="button" disabled={busy} onClick={() => send(true)}>
            Validate
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={() => send(false)}>
            Apply
          </button>
          <button type="button" className="button ghost" disabled={busy} onClick={() => (setEdits({}), setVerdict(null), setFailure(null))}>
            Discard
          </button>
        </div>
      )}
      {verdict && (
        <div className="send-result" role="status">
          {verdict}
        </div>
      )}
      <ErrorMessage error={failure} title="The broker refused the change" />
      <div className="config-table-scroll">
        <table className="plain-table config-table" aria-label="Topic configuration">
          <thead>
            <tr>
              <th>Name</th>
              <th>Value</th>
              <th>Source</th>
              {!readOnly && <th aria-label="Actions" />}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <ConfigRow
                key={c.name}
                config={c}
                edit={edits[c.name]}
                actions={!readOnly}
                onEdit={edit}
                onUndo={(name) => setEdits(({ [name]: _, ...rest }) => rest)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface ConfigRowProps {
  config: ConfigEntryView;
  edit: string | null | undefined;
  /** The connection may write: show the actions column. */
  actions: boolean;
  onEdit: (name: string, value: string | null) => void;
  onUndo: (name: string) => void;
}

function ConfigRow({ config, edit, actions, onEdit, onUndo }: ConfigRowProps) {
  const override = config.source === 'dynamic-topic';
  const editing = edit !== undefined;
  return (
    <tr className={override ? 'config-override' : undefined} data-config={config.name}>
      <td className="align-left">
        <div className="mono">{config.name}</div>
        {config.documentation && <div className="config-doc">{config.documentation}</div>}
      </td>
      <td className="align-left mono config-value">
        {editing && edit !== null ? (
          <input aria-label={`Value of ${config.name}`} value={edit} onChange={(e) => onEdit(config.name, e.target.value)} spellCheck={false} />
        ) : editing ? (
          <span className="text-warn">reset to default</span>
        ) : config.sensitive ? (
          <span className="text-muted">hidden (sensitive)</span>
        ) : (
          (config.value ?? <span className="text-muted">null</span>)
        )}
        {override && config.inherited && !editing && (
          <div className="config-doc">
            default: {config.inherited.value ?? 'null'} ({config.inherited.name}, {SOURCE_LABEL[config.inherited.source]})
          </div>
        )}
      </td>
      <td>
        <span className={`badge ${override ? 'override' : 'muted'}`}>{SOURCE_LABEL[config.source]}</span>
        {config.readOnly && <span className="badge muted">read-only</span>}
      </td>
      {actions && (
        <td className="config-actions">
          {editing ? (
            <button type="button" className="button small ghost" onClick={() => onUndo(config.name)} aria-label={`Undo ${config.name}`}>
              Undo
            </button>
          ) : (
            !config.readOnly && (
              <>
                <button type="button" className="button small" onClick={() => onEdit(config.name, config.value ?? '')} aria-label={`Edit ${config.name}`}>
                  Edit
                </button>
                {override && (
                  <button type="button" className="button small" onClick={() => onEdit(config.name, null)} aria-label={`Reset ${config.name}`}>
                    Reset
                  </button>
                )}
              </>
            )
          )}
        </td>
      )}
    </tr>
  );
}
