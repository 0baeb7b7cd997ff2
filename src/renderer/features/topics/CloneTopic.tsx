import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CopySummary } from '../../../shared/api';
import { checkTopicName } from '../../../shared/topics/topic-name';
import { useApi } from '../../api/ApiProvider';
import { useTopics } from '../../api/queries';
import { navigate } from '../../app/router';
import { ActionOutcome } from '../../components/ActionOutcome';
import { ErrorMessage } from '../../components/ErrorMessage';
import { HelpField } from '../../components/HelpField';
import { useAction } from '../../lib/use-action';
import { CopyRunStatus } from '../copy/CopyRunStatus';
import { useCopyProgress } from '../copy/copy-progress-store';
import { configsToLines, linesToConfigs } from './config-lines';
import { checkPartitions, checkReplication } from './new-topic-configs';
import { topicKeys, useInvalidateTopics } from './queries';

/**
 * Clone topic: a new topic with this one's partitions, replication factor and own config
 * overrides (all editable first), optionally with every message copied, partitions kept.
 */
export function CloneTopic({ connectionId, topic }: { connectionId: string; topic: string }) {
  const api = useApi();
  const invalidate = useInvalidateTopics(connectionId);
  const existing = (useTopics(connectionId).data ?? []).map((t) => t.name);
  const plan = useQuery({ queryKey: [...topicKeys.one(connectionId, topic), 'clone-plan'], queryFn: ({ signal }) => api.call('topics.clonePlan', { connectionId, topic }, { signal }) });
  const [name, setName] = useState(`${topic}-copy`);
  // null: not edited, so the plan's value shows (it arrives after the first render).
  const [editedPartitions, setPartitions] = useState<string | null>(null);
  const [editedReplication, setReplication] = useState<string | null>(null);
  const [editedConfigs, setConfigText] = useState<string | null>(null);
  const partitionsText = editedPartitions ?? (plan.data ? String(plan.data.partitions) : '');
  const replicationText = editedReplication ?? (plan.data ? String(plan.data.replicationFactor) : '');
  const configText = editedConfigs ?? (plan.data ? configsToLines(plan.data.configs) : '');
  const [copyData, setCopyData] = useState(false);
  const [runId, setRunId] = useState<string | null>(null);
  const [summary, setSummary] = useState<CopySummary | null>(null);
  const progress = useCopyProgress((s) => (runId ? s.runs[runId] : undefined));
  const action = useAction();

  const nameCheck = checkTopicName(name, existing);
  const partitions = checkPartitions(partitionsText);
  const replication = checkReplication(replicationText, undefined);
  const configs = linesToConfigs(configText);
  const tooFew = copyData && plan.data && partitions.value !== null && partitions.value < plan.data.partitions;
  const problem = !plan.data ? null : nameCheck.error ?? partitions.error ?? replication.error ?? configs.error ?? (tooFew ? `To copy the data the clone needs at least ${plan.data!.partitions} partitions: each message keeps its partition.` : null);

  const run = () =>
    action.run(async () => {
      const id = `clone-${Date.now().toString(36)}`;
      setRunId(id);
      setSummary(null);
      const result = await api.call('topics.clone', { connectionId, topic, name, partitions: partitions.value!, replicationFactor: replication.value!, configs: configs.configs, copyData, runId: id });
      setSummary(result.copy);
      await invalidate();
      return `${name} created${result.copy ? ` with ${result.copy.sent.toLocaleString('en')} messages copied` : ''}.`;
    });

  return (
    <section className="manage-section topic-clone" aria-label="Clone topic">
      <h2>Clone topic</h2>
      <p className="text-muted">A new topic with this one’s partitions, replication factor and its own config overrides (broker defaults are not copied: they apply anyway).</p>
      <div className="form-row">
        <HelpField label="New topic name" help={nameCheck.error ?? nameCheck.warning ?? ''}>
          <input value={name} onChange={(e) => (setName(e.target.value.trim()), action.clear())} aria-invalid={nameCheck.error ? true : undefined} spellCheck={false} />
        </HelpField>
        <HelpField label="Partitions" help={partitions.error ?? ''}>
          <input inputMode="numeric" value={partitionsText} onChange={(e) => setPartitions(e.target.value)} aria-invalid={partitions.error ? true : undefined} />
        </HelpField>
        <HelpField label="Replication factor" help={replication.error ?? ''}>
          <input inputMode="numeric" value={replicationText} onChange={(e) => setReplication(e.target.value)} aria-invalid={replication.error ? true : undefined} />
        </HelpField>
      </div>
      <HelpField label="Configs (name=value, one a line)" help={configs.error ?? 'The topic’s own overrides; edit or remove lines before cloning.'}>
        <textarea className="mono" rows={Math.min(8, Math.max(2, configText.split('\n').length + 1))} value={configText} onChange={(e) => setConfigText(e.target.value)} spellCheck={false} />
      </HelpField>
      <label className="checkbox">
        <input type="checkbox" checked={copyData} onChange={(e) => setCopyData(e.target.checked)} />
        <span>Copy the data too (every message, in its partition, with keys, headers and times)</span>
      </label>
      <ErrorMessage error={plan.error} title="Could not read the topic’s settings" />
      {problem && <p className="field__problem">{problem}</p>}
      <div className="form-row">
        <button type="button" className="button primary" disabled={action.busy || !plan.data || !name || !!problem} onClick={() => void run()}>
          Clone to {name || '…'}
        </button>
        {action.done && (
          <button type="button" className="button" onClick={() => navigate(['topics', name])}>
            Open {name}
          </button>
        )}
      </div>
      <CopyRunStatus progress={progress} summary={summary} running={action.busy && copyData} />
      <ActionOutcome action={action} failedTitle="Topic not cloned" />
    </section>
  );
}
