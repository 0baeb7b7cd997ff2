import { useState } from 'react';
import { QUOTA_KEYS, type QuotaEntity, type QuotaEntry, type QuotaKey } from '../../../shared/quotas/resolve';
import { useApi } from '../../api/ApiProvider';
import { ActionOutcome } from '../../components/ActionOutcome';
import { useAction } from '../../lib/use-action';
import { QUOTA_LABELS } from './format';

type PartKind = 'none' | 'default' | 'name';

const kindOf = (p: string | null | undefined): PartKind => (p === undefined ? 'none' : p === null ? 'default' : 'name');

function PartField({ label, kind, name, onKind, onName }: { label: string; kind: PartKind; name: string; onKind: (k: PartKind) => void; onName: (n: string) => void }) {
  return (
    <div className="quota-part">
      <label className="field">
        <span>{label}</span>
        <select aria-label={`${label} kind`} value={kind} onChange={(e) => onKind(e.target.value as PartKind)}>
          <option value="none">any (not part of the entity)</option>
          <option value="default">the default</option>
          <option value="name">named</option>
        </select>
      </label>
      {kind === 'name' && <input aria-label={`${label} name`} value={name} onChange={(e) => onName(e.target.value)} spellCheck={false} />}
    </div>
  );
}

/** Create or edit one entity's quotas; an emptied value is removed. Validated by the broker first if asked. */
export function QuotaForm({ connectionId, editing, onDone }: { connectionId: string; editing: QuotaEntry | null; onDone: () => void }) {
  const api = useApi();
  const [userKind, setUserKind] = useState<PartKind>(editing ? kindOf(editing.entity.user) : 'name');
  const [userName, setUserName] = useState(editing?.entity.user ?? '');
  const [clientKind, setClientKind] = useState<PartKind>(editing ? kindOf(editing.entity.clientId) : 'none');
  const [clientName, setClientName] = useState(editing?.entity.clientId ?? '');
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(QUOTA_KEYS.map((k) => [k, editing?.values[k] !== undefined ? String(editing.values[k]) : ''])));
  const action = useAction();
  const part = (kind: PartKind, name: string) => (kind === 'none' ? undefined : kind === 'default' ? null : name.trim());
  const entity: QuotaEntity = { user: part(userKind, userName), clientId: part(clientKind, clientName) };
  const invalid = (userKind === 'none' && clientKind === 'none') || (userKind === 'name' && !userName.trim()) || (clientKind === 'name' && !clientName.trim());
  const badNumber = Object.values(values).some((v) => v.trim() !== '' && !(Number(v) >= 0));
  // Only what differs from the entity's current values is sent; an emptied field removes its value.
  const changes = Object.fromEntries(
    QUOTA_KEYS.flatMap((k): [QuotaKey, number | null][] => {
      const text = values[k]!.trim();
      const before = editing?.values[k];
      if (text === '') return before === undefined ? [] : [[k, null]];
      return Number(text) === before ? [] : [[k, Number(text)]];
    }),
  );
  const send = (validateOnly: boolean) =>
    action.run(async () => {
      await api.call('quotas.alter', { connectionId, entity: { ...(entity.user !== undefined ? { user: entity.user } : {}), ...(entity.clientId !== undefined ? { clientId: entity.clientId } : {}) }, values: changes, validateOnly });
      if (validateOnly) return 'The broker accepts these quotas (nothing changed yet).';
      onDone();
      return null;
    });
  return (
    <div className="quota-form pending-changes" role="region" aria-label={editing ? 'Edit quotas' : 'New quota'}>
      <div className="form-row">
        <PartField label="User" kind={userKind} name={userName} onKind={setUserKind} onName={setUserName} />
        <PartField label="Client id" kind={clientKind} name={clientName} onKind={setClientKind} onName={setClientName} />
      </div>
      <div className="form-row">
        {QUOTA_KEYS.map((k) => (
          <label key={k} className="field">
            <span>{QUOTA_LABELS[k]}</span>
            <input type="number" min={0} aria-label={QUOTA_LABELS[k]} value={values[k]} placeholder="not set" onChange={(e) => (setValues((v) => ({ ...v, [k]: e.target.value })), action.clear())} />
          </label>
        ))}
      </div>
      <div className="form-row">
        <button type="button" className="button" disabled={invalid || badNumber || Object.keys(changes).length === 0 || action.busy} onClick={() => send(true)}>
          Validate
        </button>
        <button type="button" className="button primary" disabled={invalid || badNumber || Object.keys(changes).length === 0 || action.busy} onClick={() => send(false)}>
          Save {Object.keys(changes).length} change{Object.keys(changes).length === 1 ? '' : 's'}
        </button>
        <button type="button" className="button ghost" onClick={onDone}>
          Close
        </button>
      </div>
      <ActionOutcome action={action} failedTitle="The broker refused the quotas" />
    </div>
  );
}
