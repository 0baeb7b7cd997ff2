import type { AppErrorData } from '../errors';

/**
 * The frames both transports carry (Electron IPC and the browser mode's WebSocket).
 * A call's `id` is chosen by the renderer so it can cancel the call before it resolves.
 */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: AppErrorData };

export interface CallFrame {
  t: 'call';
  id: string;
  name: string;
  req: unknown;
}

export interface CancelFrame {
  t: 'cancel';
  id: string;
}

export type ClientFrame = CallFrame | CancelFrame;

export type ServerFrame =
  | ({ t: 'result'; id: string } & CallResult)
  | { t: 'event'; name: string; payload: unknown };

/**
 * The browser mode's answer to a frame it cannot use (not JSON, not an object, no usable id,
 * an unknown `t`): an error result, with `id: null` when the frame had no usable id. A client
 * ignores results for ids it is not waiting for.
 */
export interface BadFrameResult {
  t: 'result';
  id: string | null;
  ok: false;
  error: AppErrorData;
}

/** Electron channel names; only preload and main/electron use them. */
export const IpcChannel = {
  Call: 'rpc:call',
  Cancel: 'rpc:cancel',
  Event: 'rpc:event',
} as const;

/** The object preload exposes as `window.kafkaExplorer`. */
export interface PreloadBridge {
  call(id: string, name: string, req: unknown): Promise<CallResult>;
  cancel(id: string): void;
  /** Subscribes to one pushed event; returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
  readonly platform: string;
}
