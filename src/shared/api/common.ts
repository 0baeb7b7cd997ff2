import { z } from 'zod';

/** Opaque id of an open connection, issued by `connection.connect`. */
export const ConnectionId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'invalid connection id');

/** Kafka's own rule: 1-249 characters of [a-zA-Z0-9._-], and not "." or "..". */
export const TopicName = z
  .string()
  .min(1, 'topic name is empty')
  .max(249, 'topic name is longer than 249 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'topic names may contain only letters, digits, ".", "_" and "-"')
  .refine((n) => n !== '.' && n !== '..', 'topic name cannot be "." or ".."');

export const PartitionId = z.number().int().min(0).max(1_000_000);

/** Kafka offsets are int64: they travel as decimal strings. */
export const OffsetString = z.string().regex(/^-?\d{1,19}$/, 'offset must be a whole number');

/** A `host:port` bootstrap address (IPv6 in brackets). */
export const BrokerAddress = z
  .string()
  .trim()
  .min(3)
  .max(300)
  .regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+):(\d{1,5})$/, 'expected host:port, e.g. localhost:9092')
  .refine((a) => {
    const port = Number(a.slice(a.lastIndexOf(':') + 1));
    return port >= 1 && port <= 65535;
  }, 'port must be between 1 and 65535');

/** Every request that talks to a cluster names the connection. */
export const WithConnection = z.object({ connectionId: ConnectionId });

/** Splits "a:9092, b:9092" as typed by a user into addresses. */
export function splitBrokerList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
