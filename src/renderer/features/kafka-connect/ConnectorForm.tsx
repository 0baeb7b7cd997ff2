import { useMemo, useState } from 'react';
import { href, navigate } from '../../app/router';
import { ActionOutcome } from '../../components/ActionOutcome';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useAction } from '../../lib/use-action';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import { configChanges, parseConfigJson } from './config-diff';
import { ConfigChangesTable } from './ConfigChangesTable';
import { ConfigFields } from './ConfigFields';
import { ConfirmDialog } from './ConfirmDialog';
import { useConnectChange, useFormDefinitions, usePlugins, useValidate } from './connect-queries';
import { configOf, fieldGroups, OWN_KEYS, shortClassName } from './form-model';
import { OtherKeys } from './OtherKeys';

/**
 * Create a connector (`existing` absent) or edit one: the form is generated from the plugin's
 * definition, with a raw JSON mode beside it; Validate asks the worker and puts its errors beside
 * each field; the change is shown (a diff, for an edit) before it is applied.
 */
export function ConnectorForm({ cluster, existing }: { cluster: string; existing?: { name: string; config: Record<string, string> } }) {
  const connectionId = useConnectionId();
  const readOnly = useReadOnly();
  const plugins = usePlugins(connectionId, cluster);
  const [className, setClassName] = useState(existing?.config['connector.class'] ?? '');
  const [name, setName] = useState(existing?.name ?? '');
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(existing?.config ?? {}).filter(([k]) => !OWN_KEYS.has(k))));
  const [json, setJson] = useState<string | null>(null);
  const definitions = useFormDefinitions(connectionId, cluster, className);
  const validate = useValidate(connectionId, cluster);
  const { api, invalidate } = useConnectChange();
  const save = useAction();
  const [reviewing, setReviewing] = useState(false);

  const pluginLabel = shortClassName(className);
  const groups = useMemo(() => fieldGroups(definitions.data ?? [], pluginLabel, values), [definitions.data, pluginLabel, values]);
  const known = useMemo(() => new Set((definitions.data ?? []).map((d) => d.name)), [definitions.data]);
  const parsedJson = json === null ? null : parseConfigJson(json);
  const config = parsedJson && 'config' in parsedJson ? configOf(className, name, parsedJson.config) : configOf(className, name, values);
  const errors = useMemo(() => {
    const out: Record<string, string[]> = {};
    for (const c of validate.data?.configs ?? []) if (c.value.errors.length) out[c.definition.name] = c.value.errors;
    return out;
  }, [validate.data]);
  const setValue = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const toJson = () => setJson(JSON.stringify(Object.fromEntries(Object.entries(config).filter(([k]) => !OWN_KEYS.has(k))), null, 2));
  const fromJson = () => {
    if (!parsedJson || 'error' in parsedJson) return;
    setValues(parsedJson.config);
    setJson(null);
  };
  const runValidate = () => validate.mutate({ className, config });
  const apply = () =>
    save.run(async () => {
      await api.call('connect.saveConnector', { connectionId, cluster, connector: name, config, create: !existing });
      setReviewing(false);
      await invalidate(connectionId);
      navigate(['kafka-connect', cluster, name]);
    });
  const nameError = !existing && name.trim() === '' ? 'Give the connector a name.' : null;
  const jsonError = parsedJson && 'error' in parsedJson ? parsedJson.error : null;
  const before = existing ? { ...existing.config } : {};
  const changes = configChanges(before, config);

  return (
    <div className="page kc-page connect-form">
      <PageHeader
        title={existing ? `Edit ${existing.name}` : 'New connector'}
        subtitle={
          <a href={existing ? href(['kafka-connect', cluster, existing.name]) : href(['kafka-connect', cluster])} className="connect-back">
            ← {existing ? existing.name : `Connectors of ${cluster}`}
          </a>
        }
      />
      {readOnly && <p role="alert">Read-only profile: connectors cannot be created or changed.</p>}
      <div className="connect-form__head">
        <label className="field">
          <span>Plugin</span>
          {existing ? (
            <input value={className} readOnly aria-label="Plugin" />
          ) : (
            <select aria-label="Plugin" value={className} onChange={(e) => { setClassName(e.target.value); validate.reset(); }}>
              <option value="">Choose a connector plugin…</option>
              {(plugins.data?.plugins ?? []).map((p) => (
                <option key={p.className} value={p.className}>
                  {shortClassName(p.className)} ({p.type}{p.version ? `, ${p.version}` : ''})
                </option>
              ))}
            </select>
          )}
        </label>
        <label className="field">
          <span>Name</span>
          <input aria-label="Connector name" value={name} onChange={(e) => setName(e.target.value)} readOnly={Boolean(existing)} spellCheck={false} autoComplete="off" />
        </label>
        <div className="connect-form__mode" role="group" aria-label="Editor">
          <button type="button" className={`button small${json === null ? ' primary' : ''}`} aria-pressed={json === null} onClick={fromJson} disabled={json === null || Boolean(jsonError)}>
            Form
          </button>
          <button type="button" className={`button small${json !== null ? ' primary' : ''}`} aria-pressed={json !== null} onClick={toJson} disabled={json !== null}>
            Raw JSON
          </button>
        </div>
      </div>
      <ErrorMessage error={plugins.error} title="Could not list the connector plugins" />
      {className && definitions.isPending && <Loading label="Reading the plugin’s config definition…" />}
      <ErrorMessage error={definitions.error} title="Could not read the plugin’s config definition" />
      {className && definitions.data && (
        <>
          {json === null ? (
            <>
              <ConfigFields groups={groups} values={values} errors={errors} onChange={setValue} />
              <OtherKeys values={values} known={known} errors={errors} onChange={setValues} source={(plugins.data?.plugins ?? []).find((p) => p.className === className)?.type === 'source'} />
            </>
          ) : (
            <label className="field connect-form__json">
              <span>Config as JSON (name and connector.class come from the fields above)</span>
              <textarea aria-label="Config JSON" rows={18} value={json} onChange={(e) => setJson(e.target.value)} spellCheck={false} />
              {jsonError && <span className="text-bad">{jsonError}</span>}
            </label>
          )}
          {validate.data && (
            <p role="status" className={validate.data.errorCount ? 'text-bad' : 'text-good'} data-testid="connect-validate-result">
              {validate.data.errorCount === 0 ? 'The worker accepts this config.' : `The worker found ${validate.data.errorCount} error${validate.data.errorCount === 1 ? '' : 's'}${json !== null ? ': switch to the form to see them beside each field' : ''}.`}
            </p>
          )}
          <ErrorMessage error={validate.error} title="Could not validate" />
          <div className="form-row">
            <button type="button" className="button" onClick={runValidate} disabled={validate.isPending || Boolean(jsonError)}>
              Validate
            </button>
            <button type="button" className="button primary" disabled={readOnly || Boolean(nameError) || Boolean(jsonError) || (existing && changes.length === 0)} onClick={() => setReviewing(true)}>
              {existing ? 'Review changes…' : 'Create…'}
            </button>
            {nameError && <span className="text-muted">{nameError}</span>}
          </div>
          <ActionOutcome action={save} failedTitle={existing ? 'The config was not changed' : 'The connector was not created'} />
        </>
      )}
      {reviewing && (
        <ConfirmDialog
          title={existing ? `Apply ${changes.length} change${changes.length === 1 ? '' : 's'} to “${name}”?` : `Create “${name}” on ${cluster}?`}
          confirmLabel={existing ? 'Apply' : 'Create'}
          busy={save.busy}
          onConfirm={() => void apply()}
          onCancel={() => setReviewing(false)}
        >
          {existing && <p>The worker restarts the connector and its tasks with the new config.</p>}
          <ConfigChangesTable changes={changes} />
          <ActionOutcome action={save} failedTitle={existing ? 'The config was not changed' : 'The connector was not created'} />
        </ConfirmDialog>
      )}
    </div>
  );
}
