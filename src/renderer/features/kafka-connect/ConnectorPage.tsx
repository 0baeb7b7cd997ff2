import { useQueryClient } from '@tanstack/react-query';
import { AppError } from '../../../shared/errors';
import { href } from '../../app/router';
import { AutoRefresh } from '../../components/AutoRefresh';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useAutoRefresh } from '../../components/use-auto-refresh';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import { connectKey, useConnector } from './connect-queries';
import { ConnectorActions, RestartTaskButton } from './ConnectorActions';
import { ConnectorConfig } from './ConnectorConfig';
import { ConnectorForm } from './ConnectorForm';
import { ConnectorStateBadge } from './ConnectorStateBadge';
import { OffsetsPanel } from './OffsetsPanel';
import { StaleNotice } from './StaleNotice';
import { TaskTrace } from './TaskTrace';

/** One connector: state and tasks (failures readable), actions, config with docs, topics, offsets. */
export function ConnectorPage({ cluster, connector, edit }: { cluster: string; connector: string; edit: boolean }) {
  const connectionId = useConnectionId();
  const readOnly = useReadOnly();
  const { refetchInterval } = useAutoRefresh('connect');
  const detail = useConnector(connectionId, cluster, connector, edit ? false : refetchInterval);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: connectKey(connectionId) });
  const back = (
    <a href={href(['kafka-connect', cluster])} className="connect-back">
      ← Connectors of {cluster}
    </a>
  );
  const gone = AppError.is(detail.error) && detail.error.code === 'CONNECTOR_NOT_FOUND';
  if (edit && detail.data) return <ConnectorForm cluster={cluster} existing={{ name: connector, config: detail.data.config }} />;
  const data = detail.data;
  const summary = data?.summary;
  return (
    <div className="page kc-page">
      <PageHeader
        title={
          <>
            {connector} {summary && <ConnectorStateBadge state={summary.state} />}
          </>
        }
        subtitle={
          <>
            {back}
            {summary && (
              <span className="text-muted">
                {' '}
                · {summary.type} · <span title={summary.className}>{summary.className}</span> · worker {summary.workerId || '—'}
              </span>
            )}
          </>
        }
        actions={<AutoRefresh viewId="connect" onRefresh={refresh} refreshing={detail.isFetching} updatedAt={detail.dataUpdatedAt} />}
      />
      <StaleNotice error={detail.error} updatedAt={data && !gone ? detail.dataUpdatedAt : 0} title={gone ? 'This connector is gone' : `Kafka Connect “${cluster}” did not answer`} />
      {detail.isPending && !detail.error && <Loading label="Reading the connector…" />}
      {data && summary && !gone && (
        <>
          <ConnectorActions connectionId={connectionId} cluster={cluster} summary={summary} readOnly={readOnly} />
          {summary.trace && (
            <section className="connect-section" aria-label="Connector failure">
              <h2>Connector failure</h2>
              <TaskTrace trace={summary.trace} label="the connector" />
            </section>
          )}
          <section className="connect-section" aria-label="Tasks">
            <h2>Tasks</h2>
            {summary.tasks.length === 0 ? (
              <p className="text-muted">No tasks{summary.state === 'STOPPED' ? ' (stopped connectors have none)' : ''}.</p>
            ) : (
              <ul className="connect-tasks">
                {summary.tasks.map((t) => (
                  <li key={t.id} className="connect-task" data-testid={`connect-task-${t.id}`}>
                    <div className="connect-task__head">
                      <strong>Task {t.id}</strong> <ConnectorStateBadge state={t.state} /> <span className="text-muted">on {t.workerId}</span>
                      <span className="spacer" />
                      {!readOnly && <RestartTaskButton connectionId={connectionId} cluster={cluster} connector={connector} task={t.id} />}
                    </div>
                    {t.trace && <TaskTrace trace={t.trace} label={`task ${t.id}`} />}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="connect-section" aria-label="Topics">
            <h2>Topics</h2>
            {data.activeTopics.length + summary.configTopics.length === 0 ? (
              <p className="text-muted">No topics used yet.</p>
            ) : (
              <ul className="connect-topics">
                {[...new Set([...data.activeTopics, ...summary.configTopics])].map((t) => (
                  <li key={t}>
                    <a href={href(['topics', t])}>{t}</a>
                    {data.activeTopics.includes(t) ? <span className="text-muted"> · in use</span> : <span className="text-muted"> · in config</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ConnectorConfig config={data.config} docs={data.docs} />
          <OffsetsPanel connectionId={connectionId} cluster={cluster} connector={connector} stopped={summary.state === 'STOPPED'} readOnly={readOnly} />
        </>
      )}
    </div>
  );
}
