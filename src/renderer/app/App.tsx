import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { ApiProvider } from '../api/ApiProvider';
import { useClusters } from '../state/clusters-store';
import { useSession } from '../state/session-store';
import { ClusterRouting } from './ClusterRouting';
import { ConnectOverlay } from './ConnectOverlay';
import { EventBridge } from './EventBridge';
import { Shell } from './Shell';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: false,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function App({ api }: { api: ApiClient }) {
  const [queryClient] = useState(makeQueryClient);
  const connected = useSession((s) => s.connection !== null);
  const serverStatus = useSession((s) => s.serverStatus);
  // The connect screen over the open clusters: they stay mounted (hidden), so their reads go on.
  const connecting = useClusters((s) => s.adding || (s.pendingLink !== null && s.pendingLink.state !== 'connecting'));
  return (
    <ApiProvider client={api}>
      <QueryClientProvider client={queryClient}>
        <EventBridge />
        <ClusterRouting />
        {serverStatus === 'closed' && (
          <div className="server-banner" role="alert">
            Lost the connection to the Kafka Explorer server; retrying… (is <code>npm run serve</code> still running?)
          </div>
        )}
        <div className="app" data-app-state="loaded">
          {connected && (
            <div className="cluster-pane" hidden={connecting}>
              <Shell />
            </div>
          )}
          {(!connected || connecting) && <ConnectOverlay />}
        </div>
      </QueryClientProvider>
    </ApiProvider>
  );
}
