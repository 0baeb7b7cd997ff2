import { href } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { ElectionTab } from '../election/ElectionTab';
import { QuotasTab } from '../quotas/QuotasTab';
import { ScramUsersTab } from '../scram/ScramUsersTab';
import { ReassignmentTab } from '../reassignment/ReassignmentTab';
import { TransactionsTab } from '../transactions/TransactionsTab';

const TABS = [
  { id: 'reassign', label: 'Reassign partitions' },
  { id: 'leaders', label: 'Leader election' },
  { id: 'quotas', label: 'Quotas' },
  { id: 'users', label: 'SCRAM users' },
  { id: 'transactions', label: 'Transactions' },
] as const;

/** Cluster operations: one tab per job; `?topic=` preselects a topic (from a topic's Manage tab). */
export function OperationsPage({ tab, params }: { tab: string | undefined; params: URLSearchParams }) {
  const active = TABS.find((t) => t.id === tab)?.id ?? 'reassign';
  const topic = params.get('topic') ?? undefined;
  return (
    <div className="page page--fill operations-page">
      <PageHeader title="Operations" subtitle="Move replicas, change replication factors, elect leaders, set client quotas and SCRAM credentials, find and abort stuck transactions, each previewed before it runs" />
      <nav className="tabs" aria-label="Operations">
        {TABS.map((t) => (
          <a key={t.id} className={`tab${t.id === active ? ' active' : ''}`} href={href(['operations', t.id], { topic })} aria-current={t.id === active ? 'page' : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      {active === 'reassign' && <ReassignmentTab key={topic ?? ''} initialTopic={topic} />}
      {active === 'leaders' && <ElectionTab key={topic ?? ''} initialTopic={topic} />}
      {active === 'quotas' && <QuotasTab />}
      {active === 'users' && <ScramUsersTab />}
      {active === 'transactions' && <TransactionsTab key={topic ?? ''} initialTopic={topic} />}
    </div>
  );
}
