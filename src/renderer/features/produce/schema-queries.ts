import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { SchemaChoice } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { isChosen, isLocalChoice } from '../../../shared/schemas/schema-choice';
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

/** The connection's local schema types (none without local files) and the ones the topic's mappings name; loaded once per connect. */
export function useLocalTypes(connectionId: string, topic: string) {
  const api = useApi();
  const types = useQuery({
    queryKey: [...key(connectionId), 'local', topic],
    queryFn: ({ signal }) => api.call('schemas.localTypes', { connectionId, topic }, { signal }),
    staleTime: Infinity,
    // The types stay listed while the next topic's mappings load (typing a topic asks per keystroke).
    placeholderData: keepPreviousData,
    retry: false,
  });
  // `settled`: this topic's answer is in (not the last topic's, kept while loading).
  return { types: types.data?.types ?? [], mapped: types.data?.mapped ?? { key: null, value: null }, settled: (types.isSuccess && !types.isPlaceholderData) || types.isError };
}

/** The request fields that name a choice: a local type, or a subject's version and Protobuf message type. */
function choiceFields(choice: SchemaChoice) {
  if (isLocalChoice(choice)) return { local: choice.local };
  return { subject: choice.subject, version: choice.version, ...(choice.messageType ? { messageType: choice.messageType } : {}) };
}

/** The skeleton (and registry Protobuf's message types) of a choice; a registry's 'latest' is asked again after a few seconds. */
export function useSkeleton(connectionId: string, choice: SchemaChoice | undefined) {
  const api = useApi();
  const fields = isChosen(choice) ? choiceFields(choice) : null;
  return useQuery({
    queryKey: [...key(connectionId), 'skeleton', fields],
    queryFn: ({ signal }) => api.call('schemas.skeleton', { connectionId, ...fields! }, { signal }),
    enabled: fields !== null,
    staleTime: fields && 'version' in fields && fields.version === 'latest' ? 5_000 : Infinity,
    retry: false,
  });
}

/** What main says about a schema payload as typed (checked 300 ms after the last keystroke): null when it fits. */
export function useSchemaCheck(connectionId: string, payload: PayloadState, what: string): string | null {
  const api = useApi();
  const fields = payload.format === 'schema' && isChosen(payload.schema) ? choiceFields(payload.schema) : null;
  const [text, setText] = useState(payload.text);
  useEffect(() => {
    const timer = setTimeout(() => setText(payload.text), 300);
    return () => clearTimeout(timer);
  }, [payload.text]);
  const check = useQuery({
    queryKey: [...key(connectionId), 'validate', fields, text],
    queryFn: ({ signal }) => api.call('schemas.validate', { connectionId, ...fields!, text }, { signal }),
    enabled: fields !== null,
    retry: false,
    gcTime: 10_000,
  });
  if (!fields) return null;
  if (check.error) return `${what}: ${(check.error as Error).message}`;
  if (check.data && !check.data.ok) return `${what} does not fit the schema: ${check.data.message}`;
  return null;
}
