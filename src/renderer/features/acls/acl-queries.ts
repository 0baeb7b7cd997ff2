import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AclBinding, AclBindingInput, AclFilter } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';

const aclsKey = (connectionId: string) => ['cluster', connectionId, 'acls'] as const;

export function useAcls(connectionId: string, filter: AclFilter, refetchInterval: number | false = false) {
  const api = useApi();
  return useQuery({
    queryKey: [...aclsKey(connectionId), filter],
    queryFn: ({ signal }) => api.call('acls.list', { connectionId, filter }, { signal }),
    refetchInterval,
  });
}

export function useCreateAcl(connectionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (acl: AclBindingInput) => api.call('acls.create', { connectionId, acl }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aclsKey(connectionId) }),
  });
}

export function useDeleteAcls(connectionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (acls: AclBinding[]) => api.call('acls.delete', { connectionId, acls }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aclsKey(connectionId) }),
  });
}
