import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { ApiProvider } from '../api/ApiProvider';
import { ConnectPage } from '../features/connect/ConnectPage';
import { useSession } from '../state/session-store';
import { Keyboard } from '../features/commands/Keyboard';
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
  return (
    <ApiProvider client={api}>
      <QueryClientProvider client={queryClient}>
        <EventBridge />
        <Keyboard />
        {serverStatus === 'closed' && (
          <div className="server-banner" role="alert">
            Lost the connection to the Kafka Explorer server; retrying… (is <code>npm run serve</code> still running?)
          </div>
        )}
        <div className="app" data-app-state="loaded">
          {connected ? <Shell /> : <ConnectPage />}
        </div>
      </QueryClientProvider>
    </ApiProvider>
  );
}
