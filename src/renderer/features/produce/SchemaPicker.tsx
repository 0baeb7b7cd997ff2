import { useEffect, useRef } from 'react';
import type { SchemaChoice } from '../../../shared/api';
import { defaultSubject, strategyOf, subjectChoices, type PayloadRole, type SubjectStrategy } from '../../../shared/schemas/subject-names';
import type { PayloadState } from './draft';
import { useRegistrySubjects, useSkeleton, useSubjectVersions } from './schema-queries';

const GROUPS: { strategy: SubjectStrategy; label: string }[] = [
  { strategy: 'TopicName', label: 'TopicName: <topic>-key / -value' },
  { strategy: 'TopicRecordName', label: 'TopicRecordName: <topic>-<record>' },
  { strategy: 'RecordName', label: 'RecordName: any subject' },
];
const TYPE_NAMES = { AVRO: 'Avro', PROTOBUF: 'Protobuf', JSON: 'JSON Schema' } as const;

/** Empty, or only the braces of the form's starting value: a skeleton may replace it. */
export const isBlank = (text: string) => /^\s*(\{\s*\})?\s*$/.test(text);

/**
 * The schema a key or value is encoded with: a subject (grouped by naming strategy, defaulting
 * to the topic's TopicName subject), a version (latest by default), the Protobuf message type,
 * and "Start from skeleton". An empty editor (or one still holding the last skeleton) follows the choice.
 */
export function SchemaPicker({ connectionId, topic, role, label, value, onChange }: { connectionId: string; topic: string; role: PayloadRole; label: string; value: PayloadState; onChange(v: PayloadState): void }) {
  const registry = useRegistrySubjects(connectionId);
  const choice: SchemaChoice = value.schema ?? { subject: '', version: 'latest' };
  const versions = useSubjectVersions(connectionId, choice.subject);
  const skeleton = useSkeleton(connectionId, choice.subject ? choice : undefined);
  const groups = subjectChoices(registry.subjects, topic, role);
  const set = (patch: Partial<SchemaChoice>) => {
    const next: SchemaChoice = { ...choice, ...patch };
    if (next.messageType === undefined) delete next.messageType;
    onChange({ ...value, schema: next });
  };

  // No subject yet: the topic's TopicName subject, when the registry has one.
  const fallback = defaultSubject(registry.subjects, topic, role);
  useEffect(() => {
    if (!choice.subject && fallback) onChange({ ...value, schema: { subject: fallback, version: 'latest' } });
  }, [choice.subject, fallback, value, onChange]);

  // An empty editor, or one still showing the last skeleton, follows the chosen schema.
  const lastSkeleton = useRef<string | null>(null);
  const data = skeleton.data;
  useEffect(() => {
    if (!data || data.text === value.text) return;
    if (isBlank(value.text) || value.text === lastSkeleton.current) {
      lastSkeleton.current = data.text;
      onChange({ ...value, text: data.text });
    }
  }, [data, value, onChange]);
  const fillSkeleton = () => {
    if (!data) return;
    lastSkeleton.current = data.text;
    onChange({ ...value, text: data.text });
  };

  const id = `schema-${role}`;
  const listed = Object.values(groups).some((g) => g.includes(choice.subject));
  return (
    <div className="schema-picker" role="group" aria-label={`${label} schema`}>
      <label className="field">
        <span>Subject</span>
        <select aria-label={`${label} subject`} value={choice.subject} onChange={(e) => set({ subject: e.target.value, version: 'latest', messageType: undefined })}>
          {!choice.subject && <option value="">Choose a subject…</option>}
          {choice.subject && !listed && <option value={choice.subject}>{choice.subject}</option>}
          {GROUPS.map((g) =>
            groups[g.strategy].length === 0 ? null : (
              <optgroup key={g.strategy} label={g.label}>
                {groups[g.strategy].map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
      </label>
      <label className="field schema-picker__version">
        <span>Version</span>
        <select aria-label={`${label} schema version`} value={String(choice.version)} disabled={!choice.subject} onChange={(e) => set({ version: e.target.value === 'latest' ? 'latest' : Number(e.target.value) })}>
          <option value="latest">latest{versions.data ? ` (v${versions.data.latest.version})` : ''}</option>
          {(versions.data?.versions ?? []).map((v) => (
            <option key={v} value={String(v)}>
              v{v}
            </option>
          ))}
        </select>
      </label>
      {data?.messageTypes && (
        <label className="field">
          <span>Message type</span>
          <select aria-label={`${label} message type`} value={choice.messageType ?? data.messageTypes[0]} onChange={(e) => set({ messageType: e.target.value === data.messageTypes![0] ? undefined : e.target.value })}>
            {data.messageTypes.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
      )}
      <button type="button" className="button small" disabled={!data} onClick={fillSkeleton}>
        Start from skeleton
      </button>
      <div className="schema-picker__info muted" id={`${id}-info`} data-testid={`${id}-info`}>
        {choice.subject ? `${strategyOf(choice.subject, topic, role)} strategy` : registry.subjects.length === 0 ? 'The registry has no subjects yet.' : `No ${topic ? `${topic}-${role}` : ''} subject: choose one.`}
        {data ? ` · ${TYPE_NAMES[data.schemaType]} · v${data.version} · id ${data.id}` : ''}
        {skeleton.error ? ` · ${(skeleton.error as Error).message}` : ''}
      </div>
    </div>
  );
}
