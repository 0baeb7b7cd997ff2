import type { z } from 'zod';

/**
 * One call the renderer can make. `request` is validated in main before any handler runs;
 * `Res` is a phantom type for the response. `write` marks calls that change the cluster:
 * the dispatcher refuses them for read-only connections, whatever the renderer asks.
 */
export interface CallSpec<Req extends z.ZodType = z.ZodType, Res = unknown> {
  readonly request: Req;
  readonly write: boolean;
  /** Never set at runtime: carries the response type. */
  readonly __response?: Res;
}

export interface CallOptions {
  /** Changes the cluster or user data and must be refused on read-only connections. */
  write?: boolean;
}

/** `defineCall<Response>()(requestSchema, { write })`: the curried form lets Req be inferred. */
export function defineCall<Res>() {
  return <Req extends z.ZodType>(request: Req, options: CallOptions = {}): CallSpec<Req, Res> => ({
    request,
    write: options.write ?? false,
  });
}

/** One event main pushes to the renderer; `Payload` is a phantom type. */
export interface EventSpec<Payload = unknown> {
  readonly __payload?: Payload;
}

export function defineEvent<Payload>(): EventSpec<Payload> {
  return {};
}
