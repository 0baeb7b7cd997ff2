import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { dropDataOfDeleted, OUTAGE_RETRY_MS, retryDuringOutage } from '../api/outage-retry';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { ApiProvider } from '../api/ApiProvider';
import { useClusters } from '../state/clusters-store';
import { useSession } from '../state/session-store';
import { Keyboard } from '../features/commands/Keyboard';
import { loadSettings, useSettingsStore } from '../state/settings-store';
import { applyTheme, useResolvedTheme } from '../lib/theme';
import { ClusterRouting } from './ClusterRouting';
import { ConnectOverlay } from './ConnectOverlay';
import { EventBridge } from './EventBridge';
import { Shell } from './Shell';
import { preloadPages } from './routes';

function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => dropDataOfDeleted(client, error, query) }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // Only an outage is retried (pages keep their data meanwhile); see outage-retry.ts.
        retry: retryDuringOutage,
        retryDelay: OUTAGE_RETRY_MS,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

export function App({ api }: { api: ApiClient }) {
  const [queryClient] = useState(makeQueryClient);
  const connected = useSession((s) => s.connection !== null);
  const serverStatus = useSession((s) => s.serverStatus);
  const settingsLoaded = useSettingsStore((s) => s.loaded);
  const theme = useResolvedTheme();
  useEffect(() => {
    void loadSettings(api);
  }, [api]);
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => (settingsLoaded ? preloadPages() : undefined), [settingsLoaded]);
  // The connect screen over the open clusters: they stay mounted (hidden), so their reads go on.
  const connecting = useClusters((s) => s.adding || (s.pendingLink !== null && s.pendingLink.state !== 'connecting'));
  return (
    <ApiProvider client={api}>
      <QueryClientProvider client={queryClient}>
        <EventBridge />
        <Keyboard />
        <ClusterRouting />
        {serverStatus === 'closed' && (
          <div className="server-banner" role="alert">
            Lost the connection to the Kafka Explorer server; retrying… (is <code>npm run serve</code> still running?)
          </div>
        )}
        {/* Settings first: every date and colour depends on them, and they are a local read. */}
        <div className="app" data-app-state={settingsLoaded ? 'loaded' : 'loading'}>
          {settingsLoaded && connected && (
            <div className="cluster-pane" hidden={connecting}>
              <Shell />
            </div>
          )}
          {settingsLoaded && (!connected || connecting) && <ConnectOverlay />}
        </div>
      </QueryClientProvider>
    </ApiProvider>
  );
}
