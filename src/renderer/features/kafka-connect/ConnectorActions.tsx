import { useState } from 'react';
import type { ConnectorSummary, RequestOf } from '../../../shared/api';
import { navigate } from '../../app/router';
import { ActionOutcome } from '../../components/ActionOutcome';
import { TypedConfirmation } from '../../components/TypedConfirmation';
import { useAction } from '../../lib/use-action';
import { useConnectChange } from './connect-queries';
import { ConfirmDialog } from './ConfirmDialog';

type ActionName = RequestOf<'connect.action'>['action'];

/** What each action does, in the words the confirmation uses. */
const ACTIONS: Record<ActionName, { label: string; explain: string; danger?: boolean }> = {
  pause: { label: 'Pause', explain: 'Its tasks stop processing but keep their place; Resume continues from there.' },
  resume: { label: 'Resume', explain: 'Its tasks start processing again.' },
  stop: { label: 'Stop', explain: 'Its tasks are shut down and release their resources. A stopped connector’s offsets can be reset or altered; Resume starts it again.' },
  restart: { label: 'Restart connector', explain: 'Restarts the connector instance only; its tasks keep running.' },
  restartWithTasks: { label: 'Restart all', explain: 'Restarts the connector and every one of its tasks.' },
  restartFailed: { label: 'Restart failed', explain: 'Restarts only the parts that failed (the connector and/or its failed tasks); running tasks are not touched.' },
  delete: { label: 'Delete', explain: 'Removes the connector and its config from the Connect cluster. Its topics and their data stay.', danger: true },
};

/** The connector's buttons: each write asks first (main refuses them anyway on a read-only profile). */
export function ConnectorActions({ connectionId, cluster, summary, readOnly }: { connectionId: string; cluster: string; summary: ConnectorSummary; readOnly: boolean }) {
  const { api, invalidate } = useConnectChange();
  const action = useAction();
  const [asking, setAsking] = useState<ActionName | null>(null);
  const [typed, setTyped] = useState('');
  const name = summary.name;
  const anyFailed = summary.state === 'FAILED' || summary.tasks.some((t) => t.state === 'FAILED');
  const offered: ActionName[] = [
    ...(summary.state === 'RUNNING' ? (['pause', 'stop'] as const) : []),
    ...(summary.state === 'PAUSED' ? (['resume', 'stop'] as const) : []),
    ...(summary.state === 'STOPPED' ? (['resume'] as const) : []),
    ...(anyFailed ? (['restartFailed'] as const) : []),
    'restart',
    'restartWithTasks',
    'delete',
  ];
  if (readOnly) return <p className="text-muted">Read-only profile: connectors can be looked at, not changed.</p>;
  const confirm = (which: ActionName) =>
    action.run(async () => {
      await api.call('connect.action', { connectionId, cluster, connector: name, action: which });
      setAsking(null);
      setTyped('');
      await invalidate(connectionId);
      if (which === 'delete') navigate(['kafka-connect', cluster]);
      return `${ACTIONS[which].label}: asked the worker. The state below follows when it is done.`;
    });
  return (
    <div className="connect-actions">
      <div className="form-row">
        {offered.map((a) => (
          <button key={a} type="button" className={`button small${ACTIONS[a].danger ? ' danger' : ''}${a === 'restartFailed' ? ' primary' : ''}`} disabled={action.busy} onClick={() => setAsking(a)}>
            {ACTIONS[a].label}
          </button>
        ))}
        <button type="button" className="button small" onClick={() => navigate(['kafka-connect', cluster, name], { edit: 1 })}>
          Edit config
        </button>
      </div>
      <ActionOutcome action={action} failedTitle="The worker did not do it" />
      {asking && (
        <ConfirmDialog
          title={`${ACTIONS[asking].label} “${name}”?`}
          confirmLabel={ACTIONS[asking].label}
          danger={ACTIONS[asking].danger ?? false}
          busy={action.busy || (asking === 'delete' && typed !== name)}
          onConfirm={() => void confirm(asking)}
          onCancel={() => {
            setAsking(null);
            setTyped('');
          }}
        >
          <p>{ACTIONS[asking].explain}</p>
          {asking === 'delete' && <TypedConfirmation expected={name} value={typed} onChange={setTyped} label="Confirm connector name to delete" />}
        </ConfirmDialog>
      )}
    </div>
  );
}

/** Restart one task, after asking. */
export function RestartTaskButton({ connectionId, cluster, connector, task }: { connectionId: string; cluster: string; connector: string; task: number }) {
  const { api, invalidate } = useConnectChange();
  const action = useAction();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="button small" onClick={() => setAsking(true)} disabled={action.busy}>
        Restart task {task}
      </button>
      {asking && (
        <ConfirmDialog
          title={`Restart task ${task} of “${connector}”?`}
          confirmLabel={`Restart task ${task}`}
          busy={action.busy}
          onConfirm={() =>
            void action.run(async () => {
              await api.call('connect.restartTask', { connectionId, cluster, connector, task });
              setAsking(false);
              await invalidate(connectionId);
            })
          }
          onCancel={() => setAsking(false)}
        >
          <p>Only this task restarts; the connector and its other tasks keep running.</p>
        </ConfirmDialog>
      )}
      <ActionOutcome action={action} failedTitle={`Task ${task} not restarted`} />
    </>
  );
}
