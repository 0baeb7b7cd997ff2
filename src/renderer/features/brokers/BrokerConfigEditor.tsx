import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BrokerConfigEntry } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { ActionOutcome } from '../../components/ActionOutcome';
import { useAction } from '../../lib/use-action';
import { SOURCE_LABELS } from './BrokerConfigs';

interface Pending {
  name: string;
  /** null removes the dynamic override at this scope. */
  value: string | null;
}

/** Why a config cannot be changed here, in words; null when it can. */
export function whyNotDynamic(entry: BrokerConfigEntry | undefined): string | null {
  if (!entry) return 'The broker does not know this config.';
  if (entry.readOnly) return `${entry.name} is not a dynamic config: change it in server.properties and restart the broker.`;
  return null;
}

/**
 * Changes dynamic configs of this broker or cluster-wide: pick a config, a value (or remove the
 * override), see the diff against the current value and source, validate, then apply.
 */
export function BrokerConfigEditor({ connectionId, nodeId, configs }: { connectionId: string; nodeId: number; configs: BrokerConfigEntry[] }) {
  const api = useApi();
  const client = useQueryClient();
  const [scope, setScope] = useState<'broker' | 'cluster'>('broker');
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [pending, setPending] = useState<Pending[]>([]);
  const action = useAction();
  const entry = configs.find((c) => c.name === name.trim());
  const blocked = name.trim() ? whyNotDynamic(entry) : null;
  const dynamic = configs.filter((c) => !c.readOnly);
  const add = (v: string | null) => {
    setPending((p) => [...p.filter((x) => x.name !== name.trim()), { name: name.trim(), value: v }]);
    setName('');
    setValue('');
    action.clear();
  };
  const send = (validateOnly: boolean) =>
    action.run(async () => {
      await api.call('brokers.alterConfigs', { connectionId, nodeId: scope === 'broker' ? nodeId : null, changes: pending, validateOnly });
      if (validateOnly) return `The broker accepts ${pending.length} change${pending.length === 1 ? '' : 's'} (nothing applied yet).`;
      const done = `Applied ${scope === 'broker' ? `to broker ${nodeId}` : 'cluster-wide'}: ${pending.map((p) => (p.value === null ? `${p.name} override removed` : `${p.name} = ${p.value}`)).join(', ')}.`;
      setPending([]);
      await client.invalidateQueries({ queryKey: ['cluster', connectionId, 'brokers'] });
      return done;
    });
  const current = (n: string) => {
    const e = configs.find((c) => c.name === n);
    return e ? `${e.sensitive ? '(hidden)' : (e.value ?? 'null')} (${SOURCE_LABELS[e.source]})` : '?';
  };
  return (
    <section className="broker-config-editor" aria-label="Change broker configs">
      <div className="form-row">
        <label className="field">
          <span>Apply to</span>
          <select aria-label="Apply to" value={scope} onChange={(e) => (setScope(e.target.value as 'broker' | 'cluster'), action.clear())}>
            <option value="broker">broker {nodeId} only</option>
            <option value="cluster">every broker (cluster-wide default)</option>
          </select>
        </label>
        <label className="field broker-config-editor__name">
          <span>Config ({dynamic.length} dynamic)</span>
          <input aria-label="Config name" list="dynamic-broker-configs" value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} placeholder="e.g. log.cleaner.threads" />
          <datalist id="dynamic-broker-configs">
            {dynamic.map((c) => (
              <option key={c.name} value={c.name} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>New value</span>
          <input aria-label="New value" value={value} onChange={(e) => setValue(e.target.value)} spellCheck={false} disabled={!!blocked} />
        </label>
        <button type="button" className="button" disabled={!name.trim() || !!blocked || value === ''} onClick={() => add(value)}>
          Add change
        </button>
        <button type="button" className="button" disabled={!name.trim() || !!blocked} onClick={() => add(null)} title="Delete the dynamic override at this scope: the next value in line applies">
          Remove override
        </button>
      </div>
      {blocked && (
        <p className="text-warn" role="status">
          {blocked}
        </p>
      )}
      {pending.length > 0 && (
        <div className="pending-changes" role="region" aria-label="Pending broker config changes">
          <strong>{scope === 'broker' ? `Broker ${nodeId}` : 'Cluster-wide'}:</strong>
          <ul className="broker-config-diff">
            {pending.map((p) => (
              <li key={p.name} className="mono">
                {p.name}: {current(p.name)} → {p.value === null ? 'override removed' : p.value}{' '}
                <button type="button" className="button small ghost" aria-label={`Drop the change of ${p.name}`} onClick={() => setPending((x) => x.filter((y) => y.name !== p.name))}>
                  Drop
                </button>
              </li>
            ))}
          </ul>
          <span className="spacer" />
          <button type="button" className="button" disabled={action.busy} onClick={() => send(true)}>
            Validate
          </button>
          <button type="button" className="button primary" disabled={action.busy} onClick={() => send(false)}>
            Apply
          </button>
        </div>
      )}
      <ActionOutcome action={action} failedTitle="The broker refused the change" />
    </section>
  );
}
