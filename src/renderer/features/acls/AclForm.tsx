import { useState, type FormEvent } from 'react';
import { AclPatternType, AclResourceType, type AclBindingInput, type AclOperation, type AclPermission } from '../../../shared/api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { HelpField } from '../../components/HelpField';
import { FIELD_HELP, OPERATIONS_FOR, RESOURCE_HELP } from './acl-help';
import { useEscape } from '../commands/use-escape';

const Field = HelpField;

/** Creates one ACL; every field says what it means. */
export function AclForm({ onSubmit, onCancel, busy, error }: { onSubmit(acl: AclBindingInput): void; onCancel(): void; busy: boolean; error: unknown }) {
  useEscape(onCancel);
  const [acl, setAcl] = useState({
    principal: 'User:',
    host: '*',
    resourceType: 'TOPIC' as AclResourceType,
    resourceName: '',
    patternType: 'LITERAL' as AclPatternType,
    operation: 'READ' as AclOperation,
    permission: 'ALLOW' as AclPermission,
  });
  const set = (patch: Partial<typeof acl>) =>
    setAcl((prev) => {
      const next = { ...prev, ...patch };
      if (patch.resourceType === 'CLUSTER') Object.assign(next, { resourceName: 'kafka-cluster', patternType: 'LITERAL' });
      if (!OPERATIONS_FOR[next.resourceType].includes(next.operation)) next.operation = OPERATIONS_FOR[next.resourceType][0]!;
      return next;
    });
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(acl);
  }
  const sentence = `${acl.permission === 'ALLOW' ? 'Allow' : 'Deny'} ${acl.principal || '…'} to ${acl.operation} on ${acl.resourceType.toLowerCase().replace('_', ' ')} ${
    acl.patternType === 'PREFIXED' ? `names starting with “${acl.resourceName}”` : acl.resourceName === '*' ? '(all)' : `“${acl.resourceName}”`
  } from ${acl.host === '*' ? 'any host' : acl.host}.`;
  return (
    <form className="acl-form" onSubmit={submit} aria-label="Create ACL">
      <div className="acl-form__grid">
        <Field label="Principal" help={FIELD_HELP.principal}>
          <input value={acl.principal} onChange={(e) => set({ principal: e.target.value })} spellCheck={false} required />
        </Field>
        <Field label="Host" help={FIELD_HELP.host}>
          <input value={acl.host} onChange={(e) => set({ host: e.target.value })} spellCheck={false} required />
        </Field>
        <Field label="Resource type" help={`${FIELD_HELP.resourceType} ${RESOURCE_HELP[acl.resourceType]}.`}>
          <select value={acl.resourceType} onChange={(e) => set({ resourceType: e.target.value as AclResourceType })}>
            {AclResourceType.options.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </Field>
        <Field label="Resource name" help={FIELD_HELP.resourceName}>
          <input value={acl.resourceName} onChange={(e) => set({ resourceName: e.target.value })} spellCheck={false} required />
        </Field>
        <Field label="Pattern type" help={FIELD_HELP.patternType}>
          <select value={acl.patternType} onChange={(e) => set({ patternType: e.target.value as AclPatternType })}>
            {AclPatternType.options.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </Field>
        <Field label="Operation" help={FIELD_HELP.operation}>
          <select value={acl.operation} onChange={(e) => set({ operation: e.target.value as AclOperation })}>
            {OPERATIONS_FOR[acl.resourceType].map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </Field>
        <Field label="Permission" help={FIELD_HELP.permission}>
          <select value={acl.permission} onChange={(e) => set({ permission: e.target.value as AclPermission })}>
            <option>ALLOW</option>
            <option>DENY</option>
          </select>
        </Field>
      </div>
      <p className="acl-form__sentence" data-testid="acl-sentence">
        {sentence}
      </p>
      <ErrorMessage error={error} title="Could not create the ACL" />
      <div className="acl-form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          Create ACL
        </button>
      </div>
    </form>
  );
}
