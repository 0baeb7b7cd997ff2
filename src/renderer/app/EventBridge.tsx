import { useEffect } from 'react';
import { useApi } from '../api/ApiProvider';
import { useSession } from '../state/session-store';
import { removeCluster } from '../state/clusters-store';
import { useConnectionTest } from '../features/connect/connection-test-store';
import { useProduceProgress } from '../features/produce/produce-progress-store';
import { dispatchBatch } from '../features/messages/message-stream-store';

/**
 * The one place that subscribes to events pushed by main. It renders nothing; each event is
 * handed to the store that owns it, so no component subscribes on its own.
 */
export function EventBridge() {
  const api = useApi();
  useEffect(() => {
    const unsubscribers = [
      api.on('connection.lost', ({ connectionId }) => {
        const session = useSession.getState();
        if (session.connection?.connectionId === connectionId) session.setConnection(null);
        else removeCluster(connectionId);
      }),
      api.on('profiles.testStep', (step) => useConnectionTest.getState().onStep(step)),
      api.on('produce.progress', (progress) => useProduceProgress.getState().onProgress(progress)),
      api.on('messages.batch', dispatchBatch),
    ];
    return () => unsubscribers.forEach((off) => off());
  }, [api]);
  return null;
}
