import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CompatibilityLevel, RequestOf } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';

const key = (connectionId: string) => ['cluster', connectionId, 'schemas'] as const;

export function useSubjects(connectionId: string, refetchInterval: number | false = false) {
  const api = useApi();
  return useQuery({ queryKey: [...key(connectionId), 'subjects'], queryFn: ({ signal }) => api.call('schemas.subjects', { connectionId }, { signal }), refetchInterval });
}

export function useSubject(connectionId: string, subject: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(connectionId), 'subject', subject],
    queryFn: ({ signal }) => api.call('schemas.subject', { connectionId, subject: subject! }, { signal }),
    enabled: Boolean(subject),
  });
}

export function useSchemaVersion(connectionId: string, subject: string | undefined, version: number | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(connectionId), 'version', subject, version],
    queryFn: ({ signal }) => api.call('schemas.version', { connectionId, subject: subject!, version: version! }, { signal }),
    enabled: Boolean(subject) && version !== undefined,
    // A version's text never changes once registered.
    staleTime: Infinity,
  });
}

type Draft = RequestOf<'schemas.register'>['draft'];

export function useCheckCompatibility(connectionId: string, subject: string) {
  const api = useApi();
  return useMutation({ mutationFn: (draft: Draft) => api.call('schemas.checkCompatibility', { connectionId, subject, draft }) });
}

/** Every change refreshes the subject list and the subject: versions, levels and ids may all move. */
function useSchemaChange<V, R>(connectionId: string, run: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: key(connectionId) }) });
}

export function useRegister(connectionId: string, subject: string) {
  const api = useApi();
  return useSchemaChange(connectionId, (draft: Draft) => api.call('schemas.register', { connectionId, subject, draft }));
}

export function useSetCompatibility(connectionId: string) {
  const api = useApi();
  return useSchemaChange(connectionId, (v: { subject?: string; level: CompatibilityLevel | null }) => api.call('schemas.setCompatibility', { connectionId, ...v }));
}

export function useDeleteVersion(connectionId: string) {
  const api = useApi();
  return useSchemaChange(connectionId, (v: { subject: string; version: number; permanent: boolean }) => api.call('schemas.deleteVersion', { connectionId, ...v }));
}

export function useDeleteSubject(connectionId: string) {
  const api = useApi();
  return useSchemaChange(connectionId, (v: { subject: string; permanent: boolean }) => api.call('schemas.deleteSubject', { connectionId, ...v }));
}
