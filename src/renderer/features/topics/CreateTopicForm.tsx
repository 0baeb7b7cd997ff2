import { useState } from 'react';
import { checkTopicName } from '../../../shared/topics/topic-name';
import { useApi } from '../../api/ApiProvider';
import { useOverview } from '../../api/queries';
import { navigate } from '../../app/router';
import { ActionOutcome } from '../../components/ActionOutcome';
import { useAction } from '../../lib/use-action';
import { HelpField } from '../../components/HelpField';
import { useConnectionId } from '../../state/session-store';
import { checkPartitions, checkReplication, emptySettings, fromConfigs, RETENTION_CHOICES, toConfigs, type CountCheck, type NewTopicSettings } from './new-topic-configs';
import { TopicTemplatePicker } from './TopicTemplatePicker';
import { useInvalidateTopics } from './queries';
import { useEscape } from '../commands/use-escape';

/** The help line of a count field: what is wrong with what was typed, else the usual help. */
function countHelp(check: CountCheck, help: string) {
  if (check.error) return <span className="field__problem">{check.error}</span>;
  if (check.warning) return <span className="field__warning">{check.warning}</span>;
  return help;
}

/**
 * Create a topic: name checked as Kafka does while typing, a dry run with the broker's verdict, then create.
 * Counts are sent as typed (never clamped): what the cluster cannot do is said next to the field and refused by the broker in its own words.
 */
export function CreateTopicForm({ existing, onClose }: { existing: string[]; onClose: () => void }) {
  const api = useApi();
  const connectionId = useConnectionId();
  const invalidate = useInvalidateTopics(connectionId);
  // Until the overview says how many brokers live, nothing is created (RF would default to 1).
  const brokerCount = useOverview(connectionId).data?.brokerCount;
  const [name, setName] = useState('');
  const [partitionsText, setPartitions] = useState('3');
  const [chosenReplication, setReplication] = useState<string | null>(null);
  const replicationText = chosenReplication ?? String(Math.min(3, brokerCount ?? 1));
  const partitionsCheck = checkPartitions(partitionsText);
  const replicationCheck = checkReplication(replicationText, brokerCount);
  const partitions = partitionsCheck.value ?? 0;
  const replication = replicationCheck.value ?? 0;
  const countsSendable = partitionsCheck.value !== null && replicationCheck.value !== null;
  const [settings, setSettings] = useState<NewTopicSettings>(emptySettings);
  const action = useAction();
  useEscape(onClose);
  const nameCheck = name ? checkTopicName(name, existing) : { error: null, warning: null };
  const set = (patch: Partial<NewTopicSettings>) => (setSettings((s) => ({ ...s, ...patch })), action.clear());
  const request = (validateOnly: boolean) => ({ connectionId, name, partitions, replicationFactor: replication, configs: toConfigs(settings), validateOnly });

  const run = (validateOnly: boolean) =>
    action.run(async () => {
      await api.call('topics.create', request(validateOnly));
      if (validateOnly) return `The broker accepts ${name}: ${partitions} partition${partitions === 1 ? '' : 's'} × ${replication} replica${replication === 1 ? '' : 's'}. Nothing was created (dry run).`;
      await invalidate();
      onClose();
      navigate(['topics', name]);
    });

  return (
    <section className="create-topic" aria-label="Create topic">
      <h2>Create a topic</h2>
      <TopicTemplatePicker
        current={() => (countsSendable ? { partitions, replicationFactor: replication, configs: toConfigs(settings) } : null)}
        onPick={(t) => {
          setPartitions(String(t.partitions));
          setReplication(String(t.replicationFactor));
          setSettings(fromConfigs(t.configs));
          action.clear();
        }}
      />
      <div className="form-row">
        <HelpField label="Name" help={nameCheck.error ?? nameCheck.warning ?? 'Letters, digits, “.”, “_” and “-”; at most 249 characters.'}>
          <input value={name} onChange={(e) => (setName(e.target.value.trim()), action.clear())} aria-invalid={nameCheck.error ? true : undefined} autoFocus spellCheck={false} />
        </HelpField>
        <HelpField label="Partitions" help={countHelp(partitionsCheck, 'More partitions, more parallel consumers. Only ever grows.')}>
          <input inputMode="numeric" value={partitionsText} onChange={(e) => (setPartitions(e.target.value), action.clear())} aria-invalid={partitionsCheck.error ? true : undefined} />
        </HelpField>
        <HelpField
          label="Replication factor"
          help={countHelp(replicationCheck, brokerCount === undefined ? 'Copies of each partition.' : `Copies of each partition; at most the ${brokerCount} live broker${brokerCount === 1 ? '' : 's'}.`)}
        >
          <input
            inputMode="numeric"
            value={replicationText}
            onChange={(e) => (setReplication(e.target.value), action.clear())}
            aria-invalid={replicationCheck.error ? true : undefined}
            data-warning={replicationCheck.warning ? true : undefined}
          />
        </HelpField>
      </div>
      <div className="form-row">
        <HelpField label="Retention time (retention.ms)" help="How long messages are kept before deletion.">
          <select value={settings.retention} onChange={(e) => set({ retention: e.target.value })}>
            {RETENTION_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </HelpField>
        {settings.retention === 'custom' && (
          <HelpField label="Retention in ms">
            <input inputMode="numeric" value={settings.retentionMsCustom} onChange={(e) => set({ retentionMsCustom: e.target.value.replace(/[^\d-]/g, '') })} />
          </HelpField>
        )}
        <HelpField label="Size limit per partition (retention.bytes)" help="Empty: no size limit (broker default).">
          <span className="input-with-unit">
            <input inputMode="decimal" aria-label="Size limit" value={settings.retentionBytes} onChange={(e) => set({ retentionBytes: e.target.value.replace(/[^\d.]/g, '') })} />
            <select aria-label="Size unit" value={settings.retentionBytesUnit} onChange={(e) => set({ retentionBytesUnit: e.target.value as 'MiB' | 'GiB' })}>
              <option>MiB</option>
              <option>GiB</option>
            </select>
          </span>
        </HelpField>
        <HelpField label="Cleanup policy" help="compact keeps the latest value of each key.">
          <select value={settings.cleanupPolicy} onChange={(e) => set({ cleanupPolicy: e.target.value as NewTopicSettings['cleanupPolicy'] })}>
            <option value="">Broker default</option>
            <option value="delete">delete</option>
            <option value="compact">compact</option>
            <option value="compact,delete">compact,delete</option>
          </select>
        </HelpField>
        <HelpField label="min.insync.replicas" help="Replicas that must have a write for acks=all.">
          <input inputMode="numeric" value={settings.minInsyncReplicas} onChange={(e) => set({ minInsyncReplicas: e.target.value.replace(/\D/g, '') })} placeholder="default" />
        </HelpField>
        <HelpField label="max.message.bytes" help="Largest record batch the topic accepts.">
          <input inputMode="numeric" value={settings.maxMessageBytes} onChange={(e) => set({ maxMessageBytes: e.target.value.replace(/\D/g, '') })} placeholder="default" />
        </HelpField>
      </div>
      <div className="form-row">
        <button type="button" className="button" disabled={action.busy || !name || !!nameCheck.error || !countsSendable || brokerCount === undefined} onClick={() => run(true)}>
          Validate (dry run)
        </button>
        <button type="button" className="button primary" disabled={action.busy || !name || !!nameCheck.error || !countsSendable || brokerCount === undefined} onClick={() => run(false)}>
          Create {name || 'topic'}
        </button>
        <button type="button" className="button ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
      <ActionOutcome action={action} failedTitle="The broker refused this topic" />
    </section>
  );
}
