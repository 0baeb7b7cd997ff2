import { useMemo } from 'react';
import type { ConnectionInfo } from '../../shared/api';
import { PageErrorBoundary } from '../components/PageErrorBoundary';
import { LazyBoundary } from '../lib/lazy-named';
import { ConnectionScope } from '../state/connection-scope';
import { useClusters } from '../state/clusters-store';
import { clusterKeyOf } from './cluster-link';
import { parse, type Route } from './router';
import { renderRoute } from './routes';

/**
 * The pages of every open cluster. Only the active one is shown; the others stay mounted,
 * hidden, so their filters, scroll, running reads and live tails go on while another cluster
 * is on screen, and are there as they were when the user switches back.
 */
export function ClusterPages({ route }: { route: Route }) {
  const open = useClusters((s) => s.open);
  const activeId = useClusters((s) => s.activeId);
  return (
    <>
      {open.map((info) => (
        <ClusterPane key={info.connectionId} info={info} active={info.connectionId === activeId} route={route} />
      ))}
    </>
  );
}

function ClusterPane({ info, active, route }: { info: ConnectionInfo; active: boolean; route: Route }) {
  const lastPage = useClusters((s) => s.lastPage[info.connectionId] ?? 'overview');
  // A hidden cluster renders the page it was left on, the same Route object while that is unchanged.
  const remembered = useMemo(() => parse(`#/${lastPage}`), [lastPage]);
  // The live route only once it names this cluster: for the moment between a switch and the
  // router catching up, the page stays put (so a live tail here is not unmounted by mistake).
  const shown = active && route.cluster === clusterKeyOf(info) ? route : remembered;
  return (
    <div className="cluster-pane" hidden={!active} data-cluster={clusterKeyOf(info)} data-active={active || undefined}>
      <ConnectionScope.Provider value={info}>
        <PageErrorBoundary resetKey={shown.segments.join('/')}>
          <LazyBoundary>{renderRoute(shown)}</LazyBoundary>
        </PageErrorBoundary>
      </ConnectionScope.Provider>
    </div>
  );
}
