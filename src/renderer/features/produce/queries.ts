import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';

const keys = {
  templates: ['produce', 'templates'] as const,
  history: (connectionId: string) => ['cluster', connectionId, 'produce', 'history'] as const,
};

export function useTemplates() {
  const api = useApi();
  return useQuery({ queryKey: keys.templates, queryFn: ({ signal }) => api.call('produce.templates.list', {}, { signal }) });
}

export function useHistory(connectionId: string) {
  const api = useApi();
  return useQuery({ queryKey: keys.history(connectionId), queryFn: ({ signal }) => api.call('produce.history', { connectionId }, { signal }) });
}

export function useProduceInvalidation() {
  const client = useQueryClient();
  return {
    templates: () => client.invalidateQueries({ queryKey: keys.templates }),
    history: (connectionId: string) => client.invalidateQueries({ queryKey: keys.history(connectionId) }),
  };
}
