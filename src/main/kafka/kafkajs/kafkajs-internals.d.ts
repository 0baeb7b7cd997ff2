// kafkajs ships its sources but no types for them; declare the few internal modules we use.
declare module 'kafkajs/src/protocol/error.js' {
  export const errorCodes: { type: string; code: number; retriable: boolean; message: string }[];
}

declare module 'kafkajs/src/protocol/requests/metadata/index.js' {
  export function protocol(options: { version: number }): (args: { topics: string[] | null; allowAutoTopicCreation: boolean }) => {
    request: unknown;
    response: { decode(raw: Buffer): Promise<unknown> };
  };
}

declare module 'kafkajs/src/producer/partitioners/default/murmur2.js' {
  /** Kafka's murmur2 (as the Java client's Utils.murmur2), signed 32-bit. */
  export default function murmur2(key: Buffer | string): number;
}

declare module 'kafkajs/src/admin/index.js' {
  import type { Admin, Logger, RetryOptions } from 'kafkajs';
  /** What `kafka.admin()` builds, over a cluster of the caller's choosing. */
  export default function createAdmin(options: { logger: Logger; retry: RetryOptions; cluster: unknown }): Admin;
}
