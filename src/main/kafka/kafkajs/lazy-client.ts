/** A kafkajs admin or producer, connected on first use and shared by the ports of one connection. */
export interface LazyClient<T> {
  get(): Promise<T>;
  /** Drops `current` if it is still the one in use (the next get() connects a fresh one). */
  replace(current: Promise<T>): void;
  close(): Promise<void>;
}

export function lazyClient<T extends { connect(): Promise<void>; disconnect(): Promise<void> }>(make: () => T): LazyClient<T> {
  let client: Promise<T> | null = null;
  const disconnect = (c: Promise<T> | null) => c?.then((x) => x.disconnect()).catch(() => undefined);
  return {
    get() {
      client ??= (async () => {
        const c = make();
        await c.connect();
        return c;
      })().catch((error: unknown) => {
        client = null;
        throw error;
      });
      return client;
    },
    replace(current) {
      if (client !== current) return;
      client = null;
      void disconnect(current);
    },
    async close() {
      const c = client;
      client = null;
      await disconnect(c);
    },
  };
}
