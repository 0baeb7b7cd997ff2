import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { SchemaChoice } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { useApi } from '../../api/ApiProvider';
import type { PayloadState } from './draft';

const key = (connectionId: string) => ['cluster', connectionId, 'schemas'] as const;

/** The registry's subjects; `available` is false once the connection says it has no registry (NO_REGISTRY). */
export function useRegistrySubjects(connectionId: string) {
  const api = useApi();
  const subjects = useQuery({ queryKey: [...key(connectionId), 'subjects'], queryFn: ({ signal }) => api.call('schemas.subjects', { connectionId }, { signal }), retry: false });
  const noRegistry = AppError.is(subjects.error) && subjects.error.code === 'NO_REGISTRY';
  return { subjects: subjects.data?.subjects ?? [], available: subjects.isSuccess || (subjects.isError && !noRegistry), error: noRegistry ? null : subjects.error };
}

/** A subject's versions (shares the Schemas page's cache entry). */
export function useSubjectVersions(connectionId: string, subject: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(connectionId), 'subject', subject],
    queryFn: ({ signal }) => api.call('schemas.subject', { connectionId, subject }, { signal }),
    enabled: subject !== '',
    retry: false,
  });
}

/** The skeleton and message types of a subject's version; 'latest' is asked again after a few seconds. */
export function useSkeleton(connectionId: string, choice: SchemaChoice | undefined) {
  const api = useApi();
  const subject = choice?.subject ?? '';
  return useQuery({
    queryKey: [...key(connectionId), 'skeleton', subject, choice?.version ?? 'latest', choice?.messageType ?? null],
    queryFn: ({ signal }) => api.call('schemas.skeleton', { connectionId, subject, version: choice?.version ?? 'latest', ...(choice?.messageType ? { messageType: choice.messageType } : {}) }, { signal }),
    enabled: subject !== '',
    staleTime: choice?.version === 'latest' ? 5_000 : Infinity,
    retry: false,
  });
}

/** What main says about a schema payload as typed (checked 300 ms after the last keystroke): null when it fits. */
export function useSchemaCheck(connectionId: string, payload: PayloadState, what: string): string | null {
  const api = useApi();
  const active = payload.format === 'schema' && Boolean(payload.schema?.subject);
  const [text, setText] = useState(payload.text);
  useEffect(() => {
    const timer = setTimeout(() => setText(payload.text), 300);
    return () => clearTimeout(timer);
  }, [payload.text]);
  const choice = payload.schema;
  const check = useQuery({
    queryKey: [...key(connectionId), 'validate', choice?.subject, choice?.version, choice?.messageType ?? null, text],
    queryFn: ({ signal }) =>
      api.call('schemas.validate', { connectionId, subject: choice!.subject, version: choice!.version, ...(choice!.messageType ? { messageType: choice!.messageType } : {}), text }, { signal }),
    enabled: active,
    retry: false,
    gcTime: 10_000,
  });
  if (!active) return null;
  if (check.error) return `${what}: ${(check.error as Error).message}`;
  if (check.data && !check.data.ok) return `${what} does not fit the schema: ${check.data.message}`;
  return null;
}
