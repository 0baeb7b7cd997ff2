import type { ReactNode } from 'react';
import { BrokersPage } from '../features/brokers/BrokersPage';
import { BrokerDetailPage } from '../features/brokers/BrokerDetailPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { TopicDetailPage } from '../features/topics/TopicDetailPage';
import { TopicsPage } from '../features/topics/TopicsPage';
import { ProducePage } from '../features/produce/ProducePage';
import { GroupsPage } from '../features/groups/GroupsPage';
import { GroupDetailPage } from '../features/groups/GroupDetailPage';
import { AclsPage } from '../features/acls/AclsPage';
import { SchemasPage } from '../features/schemas/SchemasPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ConnectPage } from '../features/kafka-connect/ConnectPage';
import { OperationsPage } from '../features/operations/OperationsPage';
import type { Route } from './router';

/** One entry per sidebar item; `match` is the first path segment. */
export interface NavItem {
  match: string;
  label: string;
  icon: string;
  /** Shown only for connections that name Kafka Connect clusters. */
  needsConnect?: boolean;
}

export const navItems: NavItem[] = [
  { match: 'overview', label: 'Overview', icon: '◎' },
  { match: 'brokers', label: 'Brokers', icon: '▤' },
  { match: 'topics', label: 'Topics', icon: '☰' },
  { match: 'groups', label: 'Consumer groups', icon: '⛁' },
  { match: 'produce', label: 'Produce', icon: '➤' },
  { match: 'schemas', label: 'Schemas', icon: '❏' },
  { match: 'kafka-connect', label: 'Connect', icon: '⇄', needsConnect: true },
  { match: 'acls', label: 'ACLs', icon: '◈' },
  { match: 'operations', label: 'Operations', icon: '⚒' },
  { match: 'settings', label: 'Settings', icon: '⚙' },
];

/** The sidebar's items for a connection: Connect only where the connection names Connect clusters. */
export function navItemsFor(connectClusters: readonly string[] | undefined): NavItem[] {
  return connectClusters && connectClusters.length > 0 ? navItems : navItems.filter((i) => !i.needsConnect);
}

/** Maps the hash route to a page. Unknown routes land on the overview. */
export function renderRoute(route: Route): ReactNode {
  const [section, a, b] = route.segments;
  switch (section) {
    case 'brokers':
      return a && /^\d+$/.test(a) ? <BrokerDetailPage key={a} nodeId={Number(a)} /> : <BrokersPage />;
    case 'topics':
      return a ? <TopicDetailPage key={a} topic={a} tab={b} params={route.params} /> : <TopicsPage />;
    case 'groups':
      return a ? <GroupDetailPage key={a} groupId={a} section={b} /> : <GroupsPage />;
    case 'produce':
      return <ProducePage key={a ?? ''} initialTopic={a} />;
    case 'acls':
      return <AclsPage />;
    case 'operations':
      return <OperationsPage tab={a} params={route.params} />;
    case 'schemas':
      return <SchemasPage key={a ?? ''} subject={a} params={route.params} />;
    case 'kafka-connect':
      return <ConnectPage cluster={a} connector={b} params={route.params} />;
    case 'settings':
      return <SettingsPage />;
    case 'overview':
    default:
      return <OverviewPage />;
  }
}
