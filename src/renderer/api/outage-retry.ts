import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { isConnectionUnavailable } from '../../shared/connection-errors';
import { useHealthStore } from '../state/health-store';
import { useSession } from '../state/session-store';

/** Between retries of a query whose cluster does not answer; recovery refetches at once anyway. */
export const OUTAGE_RETRY_MS = 2_000;
/** Retries of a query whose brokers seem gone, while main has not called the connection lost (yet). */
const RETRIES_BEFORE_VERDICT = 3;
/** Retries while some brokers answer: a query that needs a dead one shows its error after about 30 s. */
const RETRIES_WHILE_DEGRADED = 15;

/**
 * The queries' retry rule (set once on the QueryClient, so every page follows it). A query that
 * failed because the cluster does not answer keeps retrying while the connection is lost: its
 * last data stays on screen (react-query keeps `data` and reports no error while retrying) and
 * the page header marks it stale; recovery refetches everything. Other errors show at once.
 */
export function retryDuringOutage(failureCount: number, error: unknown): boolean {
  if (!isConnectionUnavailable(error)) return false;
  const id = useSession.getState().connection?.connectionId;
  const state = id ? useHealthStore.getState().byConnection[id]?.state : undefined;
  if (state === 'lost') return true;
  if (state === 'degraded') return failureCount < RETRIES_WHILE_DEGRADED;
  // On a healthy connection a timeout is the request's own (a slow broker): show it, do not wait it out again.
  if ((error as { code?: unknown }).code === 'TIMEOUT') return false;
  return failureCount < RETRIES_BEFORE_VERDICT;
}

const NOT_FOUND = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'GROUP_ID_NOT_FOUND', 'NOT_FOUND', 'SUBJECT_NOT_FOUND']);

/**
 * An object that really was deleted (e.g. while the cluster was away) says so once, without
 * the old data beside it: its query is reset, and the refetch shows the error alone.
 */
export function dropDataOfDeleted(client: QueryClient, error: unknown, query: { queryKey: QueryKey; state: { data: unknown } }): void {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !NOT_FOUND.has(code) || query.state.data === undefined) return;
  void client.resetQueries({ queryKey: query.queryKey, exact: true });
}
