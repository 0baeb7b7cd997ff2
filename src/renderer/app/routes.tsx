import type { ReactNode } from 'react';
import { OverviewPage } from '../features/overview/OverviewPage';
import { lazyNamed } from '../lib/lazy-named';

// Every page but the first one shown after connecting is its own chunk, loaded on first visit
// (ClusterPages shows "Loading…" meanwhile): the initial JS stays under its budget
// (scripts/check-bundle-size.mjs) and start-up parses only what the first screen needs.
const BrokersPage = lazyNamed(() => import('../features/brokers/BrokersPage'), 'BrokersPage');
const BrokerDetailPage = lazyNamed(() => import('../features/brokers/BrokerDetailPage'), 'BrokerDetailPage');
const TopicDetailPage = lazyNamed(() => import('../features/topics/TopicDetailPage'), 'TopicDetailPage');
const TopicsPage = lazyNamed(() => import('../features/topics/TopicsPage'), 'TopicsPage');
const ProducePage = lazyNamed(() => import('../features/produce/ProducePage'), 'ProducePage');
const GroupsPage = lazyNamed(() => import('../features/groups/GroupsPage'), 'GroupsPage');
const GroupDetailPage = lazyNamed(() => import('../features/groups/GroupDetailPage'), 'GroupDetailPage');
const AclsPage = lazyNamed(() => import('../features/acls/AclsPage'), 'AclsPage');
const SchemasPage = lazyNamed(() => import('../features/schemas/SchemasPage'), 'SchemasPage');
const SettingsPage = lazyNamed(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const ConnectPage = lazyNamed(() => import('../features/kafka-connect/ConnectPage'), 'ConnectPage');
const OperationsPage = lazyNamed(() => import('../features/operations/OperationsPage'), 'OperationsPage');

/**
 * Loads the pages' chunks once the first screen has painted, a page at a time while the renderer
 * is idle: the first click on Topics or Consumer groups then waits for data only. It starts at the
 * connect form, not after connecting: a big cluster's first overview keeps main busy for seconds,
 * and in browser mode main also serves these files.
 */
export function preloadPages(): () => void {
  const pages = [TopicsPage, GroupsPage, TopicDetailPage, BrokersPage, ProducePage, SchemasPage, SettingsPage, BrokerDetailPage, GroupDetailPage, AclsPage, OperationsPage, ConnectPage];
  let cancelled = false;
  const idle = (work: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 2_000 }) : setTimeout(work, 50));
  const next = () => {
    const page = pages.shift();
    if (!cancelled && page) idle(() => void page.preload().then(next, next));
  };
  next();
  return () => {
    cancelled = true;
  };
}
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
