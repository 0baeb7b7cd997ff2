import type { CallName, EventName, EventPayload, ParsedRequestOf, ResponseOf } from '../../shared/api';

/** Pushes an event to the renderer that made the current call. */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** What every handler gets besides its validated request. */
export interface CallContext {
  /** Aborted when the renderer cancels the call, or its window/tab goes away. */
  signal: AbortSignal;
  emit: Emit;
  /** The window or browser tab that made the call. */
  clientId: string;
  /** Bytes of pushed events it has not taken yet: a stream that could outrun it waits (see tail-messages.ts). */
  backlog(): number;
}

export type Handler<K extends CallName> = (
  request: ParsedRequestOf<K>,
  ctx: CallContext,
) => Promise<ResponseOf<K>> | ResponseOf<K>;

/** One handler per call in the contract; the type makes a missing one a compile error. */
export type Handlers = { [K in CallName]: Handler<K> };

/** A feature's slice of the handlers. */
export type HandlerGroup<K extends CallName> = { [P in K]: Handler<P> };
