import { PageHeader } from '../../components/PageHeader';
import { href } from '../../app/router';
import { PartitionsTab } from './PartitionsTab';
import { MessagesTab } from '../messages/MessagesTab';

/** A topic's own page; each tab is a component of its own (partitions first). */
export function TopicDetailPage({ topic, tab, params }: { topic: string; tab: string | undefined; params?: URLSearchParams }) {
  // `?partition=&offset=` opens the messages tab at one message (links from the produce result).
  const query = { partition: params?.get('partition') ? Number(params.get('partition')) : undefined, offset: params?.get('offset') ?? undefined };
  const tabs = [
    { id: 'partitions', label: 'Partitions' },
    { id: 'messages', label: 'Messages' },
  ];
  const active = tabs.find((t) => t.id === tab)?.id ?? 'partitions';
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
      />
      <nav className="tabs" aria-label="Topic sections">
        {tabs.map((t) => (
          <a key={t.id} className={`tab${t.id === active ? ' active' : ''}`} href={href(['topics', topic, t.id])} aria-current={t.id === active ? 'page' : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      {active === 'partitions' && <PartitionsTab topic={topic} />}
      {active === 'messages' && <MessagesTab key={`${query.partition}-${query.offset}`} topic={topic} initialPartition={query.partition} initialOffset={query.offset} />}
    </div>
  );
}
