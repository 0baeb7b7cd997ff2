import { setMaxListeners } from 'node:events';
import { AppError } from '../../shared/errors';
import { abortableSleep } from './abortable-sleep';

/** Waiting on work that the window may cancel at any moment (long reads and tails). */

/**
 * The work's result, or null at once when the signal fires. Not Promise.race against one
 * long-lived "aborted" promise: each race would stay subscribed to it, keeping every chunk ever
 * read alive until the read ends (hundreds of MB in a long read; without end in a tail).
 */
export function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) return Promise.resolve(null);
  return new Promise<T | null>((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** An AbortController that also fires when `outer` does; `release` stops listening to `outer`. */
export function linkedController(outer: AbortSignal): AbortController & { release(): void } {
  const controller = new AbortController();
  // Every partition of a read waits on it (fetch, retry, wait): more than Node's default of 10 is expected, not a leak.
  setMaxListeners(0, controller.signal);
  const forward = () => controller.abort();
  if (outer.aborted) controller.abort();
  else outer.addEventListener('abort', forward, { once: true });
  return Object.assign(controller, { release: () => outer.removeEventListener('abort', forward) });
}

/** A fetch that may be abandoned: its late failure must not become an unhandled rejection. */
export function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** Work retried a few times when the error says it may pass (a leader moving, a broker restarting). */
export async function withRetries<T>(work: () => Promise<T>, signal: AbortSignal, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (signal.aborted || !AppError.is(error) || !error.retriable || attempt > attempts) throw error;
      await abortableSleep(300 * attempt, signal);
    }
  }
}
