import { calls, isCallName, type CallName } from '../../shared/api';
import { appError, ErrorCode } from '../../shared/errors';
import type { CallResult } from '../../shared/rpc/wire';
import { isConnectionUnavailable } from '../../shared/connection-errors';
import { limitRepeats, type Logger } from '../log';
import type { CallContext, Handlers } from './handlers';
import { toErrorData } from './to-error-data';

export interface DispatchPolicy {
  /** True when the connection was opened read-only: every `write` call on it is refused. */
  isReadOnly(connectionId: string): boolean;
  /** The window/tab that opened the connection; undefined when no such connection is open. */
  ownerOf(connectionId: string): string | undefined;
  /** The connection's health: calls fail at once while it is lost, and a failure that looks like an outage makes it look now. */
  healthOf?(connectionId: string): ConnectionHealthGuard | undefined;
}

export interface ConnectionHealthGuard {
  guard<T>(work: Promise<T>): Promise<T>;
  suspect(): void;
}

/**
 * Calls not cut short by a lost connection: the health calls themselves, closing, the live
 * tail, which waits for the cluster and resumes (tail-messages.ts), and a group's lag history,
 * which main keeps itself (its chart shows the outage as a gap while it lasts).
 */
const UNGUARDED: ReadonlySet<CallName> = new Set<CallName>(['connection.disconnect', 'connection.health', 'connection.retry', 'messages.tail', 'groups.lag']);

export interface Dispatcher {
  dispatch(name: unknown, request: unknown, ctx: CallContext): Promise<CallResult>;
}

/**
 * The single entry to main's services for both transports: checks the call exists, that a
 * named connection belongs to the caller, validates the argument with the contract's zod
 * schema, enforces the read-only gate, runs the handler and returns the result or the error
 * as data.
 */
export function createDispatcher(handlers: Handlers, policy: DispatchPolicy, logger: Logger): Dispatcher {
  // A page refreshing against a dead cluster fails the same way every few seconds: log it once a minute.
  const log = limitRepeats(logger);
  return {
    async dispatch(name, request, ctx) {
      let health: ConnectionHealthGuard | undefined;
      try {
        if (!isCallName(name)) throw appError(ErrorCode.Validation, `Unknown call: ${String(name).slice(0, 80)}`);
        const spec = calls[name];
        // Ownership before anything else, so another window learns nothing about the id (not even read-only).
        refuseForeignConnection(request, ctx.clientId, policy);
        // The read-only gate comes next: a write is refused whatever else the request says.
        if (spec.write) refuseOnReadOnly(name, request, policy);
        const parsed = spec.request.safeParse(request ?? {});
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
          throw appError(ErrorCode.Validation, `Invalid request for ${name}: ${where}${issue?.message ?? 'invalid'}`, {
            name: 'ValidationError',
          });
        }
        const handler = handlers[name] as (req: unknown, ctx: CallContext) => unknown;
        const connectionId = connectionIdOf(parsed.data);
        health = typeof connectionId === 'string' && !UNGUARDED.has(name) ? policy.healthOf?.(connectionId) : undefined;
        const started = performance.now();
        const work = Promise.resolve().then(() => handler(parsed.data, ctx));
        const value = await (health ? health.guard(work) : work);
        const took = performance.now() - started;
        if (took >= SLOW_CALL_MS) log.debug(`call ${name} took ${Math.round(took)} ms`);
        return { ok: true, value: value === undefined ? null : value };
      } catch (error) {
        const data = toErrorData(error);
        if (health && isConnectionUnavailable(data)) health.suspect();
        if (data.code === ErrorCode.Unknown) log.error(`call ${String(name)} failed`, { error: data });
        else log.debug(`call ${String(name)} failed`, { code: data.code, message: data.message });
        return { ok: false, error: data };
      }
    },
  };
}

/** Calls slower than this are named in the debug log (KAFKA_EXPLORER_LOG_LEVEL=debug): where a page's wait goes. 0 names every call. */
const SLOW_CALL_MS = Number(process.env.KAFKA_EXPLORER_SLOW_CALL_MS ?? 250);

const connectionIdOf = (request: unknown): unknown =>
  typeof request === 'object' && request !== null ? (request as { connectionId?: unknown }).connectionId : undefined;

/** Another window's connection is answered exactly like a closed one: connection ids are not shared. */
function refuseForeignConnection(request: unknown, clientId: string, policy: DispatchPolicy): void {
  const connectionId = connectionIdOf(request);
  if (typeof connectionId !== 'string') return;
  const owner = policy.ownerOf(connectionId);
  if (owner !== undefined && owner !== clientId) {
    throw appError(ErrorCode.NotConnected, 'This connection is closed.', { name: 'NotConnectedError', hint: 'Connect to the cluster again.' });
  }
}

function refuseOnReadOnly(name: CallName, request: unknown, policy: DispatchPolicy): void {
  const connectionId = connectionIdOf(request);
  if (typeof connectionId === 'string' && policy.isReadOnly(connectionId)) {
    throw appError(ErrorCode.ReadOnly, `This connection is read-only: ${name} is not allowed.`, {
      name: 'ReadOnlyError',
      hint: 'Open the connection without read-only mode to make changes.',
    });
  }
}
