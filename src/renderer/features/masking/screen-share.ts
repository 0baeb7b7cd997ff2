import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { clearAllMessageStreams } from '../messages/message-stream-store';

export const maskingStateKey = ['masking', 'state'] as const;

/**
 * Screen-share mode as main has it (one switch for every window: another window's change shows
 * within two seconds).
 */
export function useScreenShare(): boolean {
  const api = useApi();
  const { data } = useQuery({ queryKey: maskingStateKey, queryFn: ({ signal }) => api.call('masking.state', {}, { signal }), refetchInterval: 2_000 });
  return data?.screenShare ?? false;
}

/**
 * Turns screen-share mode on or off. Messages already on screen were read without it: turning
 * it on clears them (read again to see them masked), and cached details are fetched again.
 */
export function useToggleScreenShare(): () => Promise<void> {
  const api = useApi();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (on: boolean) => api.call('masking.setScreenShare', { on }),
    onSuccess: (state) => {
      queryClient.setQueryData(maskingStateKey, state);
      if (state.screenShare) clearAllMessageStreams();
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'masking' });
    },
  });
  return useCallback(async () => {
    const now = queryClient.getQueryData<{ screenShare: boolean }>(maskingStateKey)?.screenShare ?? false;
    await mutation.mutateAsync(!now);
  }, [mutation, queryClient]);
}
