import { useEffect } from 'react';
import { useApi } from '../api/ApiProvider';
import { activateCluster, useClusters } from '../state/clusters-store';
import { bootstrapOfKey, clusterHash, clusterKeyOf, pagePath } from './cluster-link';
import { showConnected } from './cluster-navigation';
import { replaceHash, useRoute } from './router';

/**
 * Keeps the address and the open clusters in step; renders nothing. The address names the
 * cluster (`#/c/<key>/…`): a known one becomes active and remembers the page; an unprefixed
 * in-app link gets the active cluster added; a link to a cluster not open connects through its
 * saved profile, or asks the user to connect (the connect screen says why).
 */
export function ClusterRouting() {
  const api = useApi();
  const route = useRoute();
  const open = useClusters((s) => s.open);
  const activeId = useClusters((s) => s.activeId);
  const pending = useClusters((s) => s.pendingLink);
  const hash = window.location.hash;

  useEffect(() => {
    const clusters = useClusters.getState();
    const active = open.find((c) => c.connectionId === activeId);
    if (route.cluster === null) {
      if (!active) return;
      const page = pagePath(hash);
      replaceHash(clusterHash(clusterKeyOf(active), page === '' || page.startsWith('connect') ? 'overview' : page));
      return;
    }
    const target = open.find((c) => clusterKeyOf(c) === route.cluster);
    if (target) {
      if (target.connectionId !== activeId) activateCluster(target.connectionId);
      clusters.rememberPage(target.connectionId, pagePath(hash));
      if (pending) clusters.setPendingLink(null);
      return;
    }
    if (pending?.key === route.cluster) return;
    const key = route.cluster;
    if (bootstrapOfKey(key) !== null) {
      // A link never connects to an address by itself: the user confirms on the connect screen.
      clusters.setPendingLink({ key, state: 'needs-connect' });
      return;
    }
    clusters.setPendingLink({ key, state: 'connecting' });
    api
      .call('profiles.connect', { id: key })
      .then(showConnected)
      .catch((error: unknown) => useClusters.getState().setPendingLink({ key, state: 'failed', error }));
  }, [api, route, hash, open, activeId, pending]);

  return null;
}
