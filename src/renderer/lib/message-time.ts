/**
 * A message timestamp (epoch ms) as ISO text. Producers can write anything in CreateTime
 * (e.g. nanoseconds): a value Date cannot hold is shown as the number, never an exception.
 */
export function messageTime(timestamp: string): string {
  const when = new Date(Number(timestamp));
  return Number.isFinite(when.getTime()) ? when.toISOString() : `${timestamp} (not a valid time)`;
}
