import { href } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ConnectorStateBadge } from './ConnectorStateBadge';
import { useTopicConnectors } from './connect-queries';
import { useConnectClusters } from './use-connect-clusters';

/** On a topic's page: the connectors that write it (sources) or read it (sinks), over every Connect cluster of the connection. */
export function TopicConnectors({ connectionId, topic }: { connectionId: string; topic: string }) {
  const clusters = useConnectClusters();
  const found = useTopicConnectors(connectionId, topic, clusters.length > 0);
  if (clusters.length === 0) return null;
  return (
    <section className="topic-connectors" aria-label="Connectors of this topic" data-testid="topic-connectors">
      <h2>Kafka Connect</h2>
      <ErrorMessage error={found.error} title="Could not ask Kafka Connect" />
      {found.data?.errors.map((e) => (
        <p key={e} className="text-warn">
          {e}
        </p>
      ))}
      {found.data &&
        (found.data.connectors.length === 0 ? (
          <p className="text-muted">No connector names {topic}.</p>
        ) : (
          <ul>
            {found.data.connectors.map((c) => (
              <li key={`${c.cluster}/${c.name}`}>
                <a href={href(['kafka-connect', c.cluster, c.name])}>{c.name}</a> <ConnectorStateBadge state={c.state} />{' '}
                <span className="text-muted">
                  {c.type === 'source' ? 'writes it' : c.type === 'sink' ? 'reads it' : 'uses it'}
                  {clusters.length > 1 ? ` · ${c.cluster}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
