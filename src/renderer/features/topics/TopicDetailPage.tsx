import { PageHeader } from '../../components/PageHeader';
import { href } from '../../app/router';
import { PartitionsTab } from './PartitionsTab';

/** A topic's own page; each tab is a component of its own (partitions first). */
export function TopicDetailPage({ topic, tab }: { topic: string; tab: string | undefined }) {
  const tabs = [{ id: 'partitions', label: 'Partitions' }];
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
    </div>
  );
}
