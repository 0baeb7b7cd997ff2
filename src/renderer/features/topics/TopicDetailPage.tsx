import './topics.css';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../app/router';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import { PartitionsTab } from './PartitionsTab';
import { MessagesTab } from '../messages/MessagesTab';
import { CopyButton } from '../copy/CopyButton';
import { ConfigTab } from './ConfigTab';
import { ReadersTab } from './ReadersTab';
import { ManageTab } from './ManageTab';
import { TopicConnectors } from '../kafka-connect/TopicConnectors';
import { RetentionSummary } from './RetentionSummary';
import { TopicSubjects } from '../schemas/TopicSubjects';
import { useIsFetching } from '@tanstack/react-query';
import { AutoRefresh } from '../../components/AutoRefresh';
import { useAutoRefresh } from '../../components/use-auto-refresh';
import { topicKeys, useRefreshTopic, useRetention } from './queries';

const TABS = [
  { id: 'partitions', label: 'Partitions' },
  { id: 'messages', label: 'Messages' },
  { id: 'configuration', label: 'Configuration' },
  { id: 'consumers', label: 'Consumer groups' },
  { id: 'manage', label: 'Manage' },
];

/** A topic's own page: the retention summary on top, then one component per tab. */
export function TopicDetailPage({ topic, tab, params }: { topic: string; tab: string | undefined; params?: URLSearchParams }) {
  const connectionId = useConnectionId();
  // `?partition=&offset=` opens the messages tab at one message (links from the produce result).
  const query = { partition: params?.get('partition') ? Number(params.get('partition')) : undefined, offset: params?.get('offset') ?? undefined };
  // `?live=1` opens the messages tab tailing (the Tail button, the palette's "Tail <topic>").
  const live = params?.get('live') === '1';
  const readOnly = useReadOnly();
  const active = TABS.find((t) => t.id === tab)?.id ?? 'partitions';
  const { refetchInterval } = useAutoRefresh('topic');
  const refresh = useRefreshTopic(connectionId, topic);
  const fetching = useIsFetching({ queryKey: topicKeys.one(connectionId, topic) }) > 0;
  // Shared with the summary below (same query): when this page last heard from the cluster.
  const updatedAt = useRetention(connectionId, topic, refetchInterval).dataUpdatedAt;
  return (
    <div className="page page--fill">
      <PageHeader
        title={
          <>
            <a className="crumb" href={href(['topics'])}>
              Topics
            </a>
            <span className="crumb-sep">/</span>
            <span data-testid="topic-title">{topic}</span>
          </>
        }
        actions={
          <>
            {!readOnly && (
              <a className="button" href={href(['produce', topic])}>
                Produce to this topic
              </a>
            )}
            <a className="button" href={href(['topics', topic, 'messages'], { live: 1 })} title="Follow new messages live, from the end">
              Tail
            </a>
            <CopyButton topic={topic} label="Copy range…" />
            <AutoRefresh viewId="topic" onRefresh={refresh} refreshing={fetching} updatedAt={updatedAt} />
          </>
        }
      />
      {/* The messages tab gives this line's height to its rows (20 at 1280×720); the other tabs keep it. */}
      {active !== 'messages' && <RetentionSummary connectionId={connectionId} topic={topic} refetchInterval={refetchInterval} />}
      <TopicSubjects connectionId={connectionId} topic={topic} />
      <nav className="tabs" aria-label="Topic sections">
        {TABS.map((t) => (
          <a key={t.id} className={`tab${t.id === active ? ' active' : ''}`} href={href(['topics', topic, t.id])} aria-current={t.id === active ? 'page' : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      {active === 'partitions' && <PartitionsTab topic={topic} refetchInterval={refetchInterval} />}
      {active === 'messages' && <MessagesTab key={`${query.partition}-${query.offset}-${live}`} topic={topic} initialPartition={query.partition} initialOffset={query.offset} initialLive={live} />}
      {active === 'configuration' && <ConfigTab connectionId={connectionId} topic={topic} />}
      {active === 'consumers' && <TopicConnectors connectionId={connectionId} topic={topic} />}
      {active === 'consumers' && <ReadersTab connectionId={connectionId} topic={topic} refetchInterval={refetchInterval} />}
      {active === 'manage' && <ManageTab connectionId={connectionId} topic={topic} />}
    </div>
  );
}
