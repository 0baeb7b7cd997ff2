import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProfileDraftInput, ProfileSecrets } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';

export const profilesKey = ['profiles'] as const;

/** Saved profiles (never their secrets) and where secrets are kept. */
export function useProfiles() {
  const api = useApi();
  return useQuery({ queryKey: profilesKey, queryFn: ({ signal }) => api.call('profiles.list', {}, { signal }) });
}

export function useSaveProfile() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { profile: ProfileDraftInput; secrets: ProfileSecrets }) => api.call('profiles.save', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profilesKey }),
  });
}

export function useDeleteProfile() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.call('profiles.delete', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profilesKey }),
  });
}
