import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TypedConfirmation } from '../../components/TypedConfirmation';
import { useDeleteSubject, useDeleteVersion } from './schema-queries';

/**
 * Deleting a version or a subject: soft (the registry keeps it, readers of old data still find
 * its id) or permanent (gone; data written with it can no longer be decoded). Both need the
 * name typed; hidden on read-only connections, and refused there by main anyway.
 */
export function SchemaDangerZone({ connectionId, subject, version, onDeleted }: { connectionId: string; subject: string; version: number; onDeleted(what: 'version' | 'subject'): void }) {
  const [what, setWhat] = useState<'version' | 'subject'>('version');
  const [permanent, setPermanent] = useState(false);
  const [typed, setTyped] = useState('');
  const deleteVersion = useDeleteVersion(connectionId);
  const deleteSubject = useDeleteSubject(connectionId);
  const expected = what === 'version' ? `${subject} v${version}` : subject;
  const pending = deleteVersion.isPending || deleteSubject.isPending;
  const run = () => {
    const done = { onSuccess: () => (setTyped(''), onDeleted(what)) };
    if (what === 'version') deleteVersion.mutate({ subject, version, permanent }, done);
    else deleteSubject.mutate({ subject, permanent }, done);
  };

  return (
    <details className="danger-zone">
      <summary>Delete…</summary>
      <div className="danger-zone__body">
        <div className="segmented" role="radiogroup" aria-label="What to delete">
          <label className={what === 'version' ? 'active' : ''}>
            <input type="radio" name="schema-delete-what" checked={what === 'version'} onChange={() => setWhat('version')} /> Version {version}
          </label>
          <label className={what === 'subject' ? 'active' : ''}>
            <input type="radio" name="schema-delete-what" checked={what === 'subject'} onChange={() => setWhat('subject')} /> The whole subject
          </label>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={permanent} onChange={(e) => setPermanent(e.target.checked)} />
          <span>Permanently (hard delete): messages written with {what === 'version' ? 'this version' : 'these versions'} can no longer be decoded by anyone</span>
        </label>
        <TypedConfirmation expected={expected} value={typed} onChange={setTyped} label="Confirm schema deletion" />
        {(deleteVersion.error ?? deleteSubject.error) && <ErrorMessage error={deleteVersion.error ?? deleteSubject.error} title="Could not delete" />}
        <button type="button" className="button danger" disabled={typed !== expected || pending} onClick={run}>
          {permanent ? 'Delete permanently' : 'Soft-delete'} {what === 'version' ? `version ${version}` : 'subject'}
        </button>
      </div>
    </details>
  );
}
