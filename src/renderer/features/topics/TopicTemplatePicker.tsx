import { useState } from 'react';
import type { TopicTemplate } from '../../../shared/api';
import { HelpField } from '../../components/HelpField';
import { useTopicTemplates } from './use-topic-prefs';

/**
 * Saved create-topic forms of this cluster: pick one to fill the form, or save the form as one
 * (under an existing name it replaces that one). Kept by main in settings.json.
 */
export function TopicTemplatePicker({ current, onPick }: { current: () => Omit<TopicTemplate, 'name'> | null; onPick: (template: TopicTemplate) => void }) {
  const { templates, save, remove } = useTopicTemplates();
  const [picked, setPicked] = useState('');
  const [saveAs, setSaveAs] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const form = current();
  const doSave = async () => {
    if (!form || !saveAs.trim()) return;
    await save({ name: saveAs.trim(), ...form })
      .then(() => (setMessage(`Saved as template “${saveAs.trim()}”.`), setPicked(saveAs.trim()), setSaveAs('')))
      .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="template-picker">
      <HelpField label="Template" help={templates.length === 0 ? 'None saved for this cluster yet.' : 'Fills partitions, replication and configs.'}>
        <select
          value={picked}
          onChange={(e) => {
            setPicked(e.target.value);
            setMessage(null);
            const t = templates.find((x) => x.name === e.target.value);
            if (t) onPick(t);
          }}
        >
          <option value="">—</option>
          {templates.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name} ({t.partitions}×{t.replicationFactor})
            </option>
          ))}
        </select>
      </HelpField>
      {picked && (
        <button type="button" className="button ghost" onClick={() => void remove(picked).then(() => (setMessage(`Template “${picked}” removed.`), setPicked('')))}>
          Remove template
        </button>
      )}
      <HelpField label="Save this form as" help={form ? '' : 'Fix the counts first.'}>
        <input value={saveAs} onChange={(e) => setSaveAs(e.target.value)} placeholder="template name" maxLength={100} onKeyDown={(e) => e.key === 'Enter' && void doSave()} />
      </HelpField>
      <button type="button" className="button" disabled={!form || !saveAs.trim()} onClick={() => void doSave()}>
        Save template
      </button>
      {message && (
        <span className="text-muted" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
