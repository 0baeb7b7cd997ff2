import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';
import { queryKeys } from '../api/queries';
import { useHealthStore } from '../state/health-store';
import { useConnectionTest } from '../features/connect/connection-test-store';
import { useProduceProgress } from '../features/produce/produce-progress-store';
import { dispatchBatch } from '../features/messages/message-stream-store';
import { useCopyProgress } from '../features/copy/copy-progress-store';
import { showGroupAlert } from '../features/groups/group-alerts';

/**
 * The one place that subscribes to events pushed by main. It renders nothing; each event is
 * handed to the store that owns it, so no component subscribes on its own.
 */
export function EventBridge() {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    const unsubscribers = [
      // An outage is a state of the connection, not a disconnect: the window stays, pages keep their data.
      api.on('connection.health', (health) => {
        const previous = useHealthStore.getState().onHealth(health);
        // Back after an outage: every page of this connection reloads by itself.
        if (health.state === 'recovered' && previous !== 'recovered') void queryClient.invalidateQueries({ queryKey: queryKeys.cluster(health.connectionId) });
      }),
      api.on('profiles.testStep', (step) => useConnectionTest.getState().onStep(step)),
      api.on('produce.progress', (progress) => useProduceProgress.getState().onProgress(progress)),
      api.on('messages.batch', dispatchBatch),
      api.on('copy.progress', (progress) => useCopyProgress.getState().onProgress(progress)),
      api.on('groups.alert', (alert) => showGroupAlert(alert, api.mode)),
    ];
    return () => unsubscribers.forEach((off) => off());
  }, [api, queryClient]);
  return null;
}
