import { useEffect, useRef } from 'react';
import type { LocalSchemaTypes, RegistrySchemaChoice, SchemaChoice } from '../../../shared/api';
import { isChosen, isLocalChoice } from '../../../shared/schemas/schema-choice';
import { defaultSubject, strategyOf, subjectChoices, type PayloadRole, type SubjectStrategy } from '../../../shared/schemas/subject-names';
import type { PayloadState } from './draft';
import { useLocalTypes, useRegistrySubjects, useSkeleton, useSubjectVersions } from './schema-queries';

const GROUPS: { strategy: SubjectStrategy; label: string }[] = [
  { strategy: 'TopicName', label: 'TopicName: <topic>-key / -value' },
  { strategy: 'TopicRecordName', label: 'TopicRecordName: <topic>-<record>' },
  { strategy: 'RecordName', label: 'RecordName: any subject' },
];
const TYPE_NAMES = { AVRO: 'Avro', PROTOBUF: 'Protobuf', JSON: 'JSON Schema' } as const;

/** Empty, or only the braces of the form's starting value: a skeleton may replace it. */
export const isBlank = (text: string) => /^\s*(\{\s*\})?\s*$/.test(text);

/**
 * The schema a key or value is encoded with: a registry subject (grouped by naming strategy,
 * defaulting to the topic's TopicName subject), a version (latest by default) and the Protobuf
 * message type; or a type of the connection's local schema files (defaulting to the one the topic's
 * mapping names, which wins over the TopicName subject: the user named it for this topic).
 * "Start from skeleton"; an empty editor (or one still holding the last skeleton) follows the choice.
 */
export function SchemaPicker({ connectionId, topic, role, label, value, onChange }: { connectionId: string; topic: string; role: PayloadRole; label: string; value: PayloadState; onChange(v: PayloadState): void }) {
  const registry = useRegistrySubjects(connectionId);
  const local = useLocalTypes(connectionId, topic);
  const choice = value.schema;
  const skeleton = useSkeleton(connectionId, choice);
  const choose = (schema: SchemaChoice) => onChange({ ...value, schema });

  // Nothing chosen yet: the topic's mapped local type, else its TopicName subject (once both are known).
  const subject = defaultSubject(registry.subjects, topic, role);
  const mapped = local.mapped[role];
  const fallbackLocal = local.settled ? mapped : null;
  const fallbackSubject = local.settled && !mapped ? subject : null;
  useEffect(() => {
    if (isChosen(value.schema)) return;
    if (fallbackLocal) onChange({ ...value, schema: { local: fallbackLocal } });
    else if (fallbackSubject) onChange({ ...value, schema: { subject: fallbackSubject, version: 'latest' } });
  }, [fallbackLocal, fallbackSubject, value, onChange]);

  // An empty editor, or one still showing the last skeleton, follows the chosen schema: when a
  // schema's skeleton arrives, not on every keystroke (clearing the editor to type must not refill it).
  const lastSkeleton = useRef<string | null>(null);
  const appliedFor = useRef<unknown>(null);
  const data = skeleton.data;
  useEffect(() => {
    if (!data || appliedFor.current === data) return;
    appliedFor.current = data;
    if (data.text !== value.text && (isBlank(value.text) || value.text === lastSkeleton.current)) {
      lastSkeleton.current = data.text;
      onChange({ ...value, text: data.text });
    }
  }, [data, value, onChange]);
  const fillSkeleton = () => {
    if (!data) return;
    lastSkeleton.current = data.text;
    onChange({ ...value, text: data.text });
  };

  const hasLocal = local.types.length > 0;
  // Local when chosen, or when there is nothing else to choose from.
  const useLocal = (choice !== undefined && isLocalChoice(choice)) || (hasLocal && !registry.available);
  const registryChoice: RegistrySchemaChoice = choice && !isLocalChoice(choice) ? choice : { subject: '', version: 'latest' };
  const setRegistry = (patch: Partial<RegistrySchemaChoice>) => {
    const next: RegistrySchemaChoice = { ...registryChoice, ...patch };
    if (next.messageType === undefined) delete next.messageType;
    choose(next);
  };
  const id = `schema-${role}`;
  return (
    <div className="schema-picker" role="group" aria-label={`${label} schema`}>
      {hasLocal && registry.available && (
        <label className="field schema-picker__source">
          <span>From</span>
          <select aria-label={`${label} schema source`} value={useLocal ? 'local' : 'registry'} onChange={(e) => choose(e.target.value === 'local' ? { local: mapped ?? local.types[0]!.name } : { subject: subject ?? '', version: 'latest' })}>
            <option value="registry">Schema Registry</option>
            <option value="local">Local schema files</option>
          </select>
        </label>
      )}
      {useLocal ? (
        <LocalTypeField label={label} role={role} types={local.types} mapped={mapped} value={choice && isLocalChoice(choice) ? choice.local : ''} onChange={(name) => choose({ local: name })} />
      ) : (
        <RegistryFields connectionId={connectionId} topic={topic} role={role} label={label} subjects={registry.subjects} choice={registryChoice} onChange={setRegistry} />
      )}
      {!useLocal && data?.messageTypes && (
        <label className="field">
          <span>Message type</span>
          <select aria-label={`${label} message type`} value={registryChoice.messageType ?? data.messageTypes[0]} onChange={(e) => setRegistry({ messageType: e.target.value === data.messageTypes![0] ? undefined : e.target.value })}>
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
        {useLocal
          ? choice && isLocalChoice(choice) && choice.local
            ? `Local type · sent as plain bytes, no registry framing · ${choice.local === mapped ? `mapped for this topic’s ${role}s` : `not mapped for this topic’s ${role}s: reads show the raw bytes until the profile maps it`}`
            : 'Choose a type from the local schema files.'
          : registryChoice.subject
            ? `${strategyOf(registryChoice.subject, topic, role)} strategy`
            : registry.subjects.length === 0
              ? 'The registry has no subjects yet.'
              : `No ${topic ? `${topic}-${role}` : ''} subject: choose one.`}
        {data ? ` · ${TYPE_NAMES[data.schemaType]}${data.file ? ` · ${data.file}` : ''}${data.version !== undefined ? ` · v${data.version}` : ''}${data.id !== undefined ? ` · id ${data.id}` : ''}` : ''}
        {skeleton.error ? ` · ${(skeleton.error as Error).message}` : ''}
      </div>
    </div>
  );
}

/** A registry subject, grouped by naming strategy, and its version. */
function RegistryFields({ connectionId, topic, role, label, subjects, choice, onChange }: { connectionId: string; topic: string; role: PayloadRole; label: string; subjects: string[]; choice: RegistrySchemaChoice; onChange(patch: Partial<RegistrySchemaChoice>): void }) {
  const versions = useSubjectVersions(connectionId, choice.subject);
  const groups = subjectChoices(subjects, topic, role);
  const listed = Object.values(groups).some((g) => g.includes(choice.subject));
  return (
    <>
      <label className="field">
        <span>Subject</span>
        <select aria-label={`${label} subject`} value={choice.subject} onChange={(e) => onChange({ subject: e.target.value, version: 'latest', messageType: undefined })}>
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
        <select aria-label={`${label} schema version`} value={String(choice.version)} disabled={!choice.subject} onChange={(e) => onChange({ version: e.target.value === 'latest' ? 'latest' : Number(e.target.value) })}>
          <option value="latest">latest{versions.data ? ` (v${versions.data.latest.version})` : ''}</option>
          {(versions.data?.versions ?? []).map((v) => (
            <option key={v} value={String(v)}>
              v{v}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** A type of the local schema files: the one the topic's mapping names first, then every type with its file. */
function LocalTypeField({ label, role, types, mapped, value, onChange }: { label: string; role: PayloadRole; types: LocalSchemaTypes['types']; mapped: string | null; value: string; onChange(name: string): void }) {
  const listed = types.some((t) => t.name === value);
  const option = (t: LocalSchemaTypes['types'][number]) => (
    <option key={t.name} value={t.name}>
      {t.name} ({t.file})
    </option>
  );
  return (
    <label className="field">
      <span>Local type</span>
      <select aria-label={`${label} local type`} value={value} onChange={(e) => onChange(e.target.value)}>
        {!value && <option value="">Choose a type…</option>}
        {value && !listed && <option value={value}>{value} (not in the files)</option>}
        {mapped && <optgroup label={`Mapped for this topic’s ${role}s`}>{types.filter((t) => t.name === mapped).map(option)}</optgroup>}
        <optgroup label="All local types">{types.filter((t) => t.name !== mapped).map(option)}</optgroup>
      </select>
    </label>
  );
}
