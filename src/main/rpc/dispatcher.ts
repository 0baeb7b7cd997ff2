import { calls, isCallName, type CallName } from '../../shared/api';
import { appError, ErrorCode } from '../../shared/errors';
import type { CallResult } from '../../shared/rpc/wire';
import type { Logger } from '../log';
import type { CallContext, Handlers } from './handlers';
import { toErrorData } from './to-error-data';

export interface DispatchPolicy {
  /** True when the connection was opened read-only: every `write` call on it is refused. */
  isReadOnly(connectionId: string): boolean;
}

export interface Dispatcher {
  dispatch(name: unknown, request: unknown, ctx: CallContext): Promise<CallResult>;
}

/**
 * The single entry to main's services for both transports: checks the call exists,
 * validates its argument with the contract's zod schema, enforces the read-only gate,
 * runs the handler and returns the result or the error as data.
 */
export function createDispatcher(handlers: Handlers, policy: DispatchPolicy, log: Logger): Dispatcher {
  return {
    async dispatch(name, request, ctx) {
      try {
        if (!isCallName(name)) throw appError(ErrorCode.Validation, `Unknown call: ${String(name).slice(0, 80)}`);
        const spec = calls[name];
        // The read-only gate comes first: a write is refused whatever else the request says.
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
        const value = await handler(parsed.data, ctx);
        return { ok: true, value: value === undefined ? null : value };
      } catch (error) {
        const data = toErrorData(error);
        if (data.code === ErrorCode.Unknown) log.error(`call ${String(name)} failed`, { error: data });
        else log.debug(`call ${String(name)} failed`, { code: data.code, message: data.message });
        return { ok: false, error: data };
      }
    },
  };
}

function refuseOnReadOnly(name: CallName, request: unknown, policy: DispatchPolicy): void {
  const connectionId = typeof request === 'object' && request !== null ? (request as { connectionId?: unknown }).connectionId : undefined;
  if (typeof connectionId === 'string' && policy.isReadOnly(connectionId)) {
    throw appError(ErrorCode.ReadOnly, `This connection is read-only: ${name} is not allowed.`, {
      name: 'ReadOnlyError',
      hint: 'Open the connection without read-only mode to make changes.',
    });
  }
}
