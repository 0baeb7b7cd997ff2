import type { CallName, EventName, EventPayload, RequestOf, ResponseOf } from '../../shared/api';
import { AppError, isAppErrorData } from '../../shared/errors';
import type { CallResult } from '../../shared/rpc/wire';

export interface CallOptions {
  /** Aborting cancels the call in main too (its handler's signal fires). */
  signal?: AbortSignal;
}

/** The renderer's typed view of main: the same in Electron (IPC) and in the browser mode (WebSocket). */
export interface ApiClient {
  readonly mode: 'electron' | 'browser';
  call<K extends CallName>(name: K, request: RequestOf<K>, options?: CallOptions): Promise<ResponseOf<K>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The raw transport both clients are built on. */
export interface Transport {
  readonly mode: ApiClient['mode'];
  send(id: string, name: string, request: unknown): Promise<CallResult>;
  cancel(id: string): void;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

let counter = 0;
function nextCallId(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter}`;
}

/** Wraps a transport: call ids, cancellation, and errors rebuilt as AppError. */
export function createApiClient(transport: Transport): ApiClient {
  return {
    mode: transport.mode,
    async call(name, request, options = {}) {
      const { signal } = options;
      if (signal?.aborted) throw cancelledError();
      const id = nextCallId();
      const onAbort = () => transport.cancel(id);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const result = await transport.send(id, name, request);
        if (result.ok) return result.value as ResponseOf<typeof name>;
        throw new AppError(
          isAppErrorData(result.error)
            ? result.error
            : { name: 'Error', code: 'UNKNOWN', message: 'Malformed error from main', retriable: false },
        );
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
    on(event, listener) {
      return transport.on(event, listener as (payload: unknown) => void);
    },
  };
}

function cancelledError(): AppError {
  return new AppError({ name: 'CancelledError', code: 'CANCELLED', message: 'Cancelled', retriable: false });
}
