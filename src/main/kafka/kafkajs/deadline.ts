import { AppError } from '../../../shared/errors';

/**
 * The longest one broker may take to answer a small request behind a view that refreshes
 * every few seconds: one silent broker must not hold the view for the full request timeout.
 */
export const BROKER_DEADLINE_MS = 8_000;

/** The work's result, or a TIMEOUT error naming `what` once `ms` have passed. */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError({ name: 'KafkaTimeoutError', code: 'TIMEOUT', message: `${what}: no answer within ${Math.round(ms / 1000)} s.`, retriable: true })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
