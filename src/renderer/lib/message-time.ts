import { formatDateTime, type DateOptions } from './date-format';
import { currentDateOptions } from '../state/settings-store';

/**
 * A message timestamp (epoch ms) in the app's one date format (Settings). Producers can write
 * anything in CreateTime (e.g. nanoseconds): a value Date cannot hold is shown as the number,
 * never an exception.
 */
export function messageTime(timestamp: string, options: DateOptions = currentDateOptions()): string {
  const when = new Date(Number(timestamp));
  return Number.isFinite(when.getTime()) ? formatDateTime(when.getTime(), options) : `${timestamp} (not a valid time)`;
}
