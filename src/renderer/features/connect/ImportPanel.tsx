import { useState } from 'react';
import type { ImportedProfile } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useEscape } from '../commands/use-escape';

/** Reads a Java client `.properties` or a kcat `-F` config (pasted or from a file) into a new profile form. */
export function ImportPanel({ onImported, onCancel }: { onImported(imported: ImportedProfile): void; onCancel(): void }) {
  const api = useApi();
  const [format, setFormat] = useState<'properties' | 'kcat'>('properties');
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEscape(onCancel);

  async function readFile(file: File | undefined) {
    if (!file) return;
    setText(await file.text());
    if (!name) setName(file.name.replace(/\.(properties|conf|config|cfg)$/i, ''));
    if (/kcat|rdkafka|\.conf$/i.test(file.name)) setFormat('kcat');
  }

  async function submit() {
    setError(null);
    try {
      onImported(await api.call('profiles.import', { format, text, name: name.trim() || 'Imported cluster' }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div className="profile-form" role="region" aria-label="Import a profile">
      <h2>Import a profile</h2>
      <label className="field">
        <span>Format</span>
        <select value={format} onChange={(e) => setFormat(e.target.value as 'properties' | 'kcat')}>
          <option value="properties">Java client .properties (bootstrap.servers, sasl.jaas.config, ssl.*)</option>
          <option value="kcat">kcat / librdkafka -F config</option>
        </select>
      </label>
      <label className="field">
        <span>File</span>
        <input type="file" onChange={(e) => void readFile(e.target.files?.[0])} />
      </label>
      <label className="field">
        <span>Configuration text</span>
        <textarea rows={8} className="mono" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} placeholder={'bootstrap.servers=broker:9092\nsecurity.protocol=SASL_SSL\n…'} />
      </label>
      <label className="field">
        <span>Profile name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {error !== null && <ErrorMessage error={error} title="Could not read the configuration" />}
      <div className="profile-form__actions">
        <span className="spacer" />
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button primary" disabled={text.trim() === ''} onClick={() => void submit()}>
          Read configuration
        </button>
      </div>
    </div>
  );
}
