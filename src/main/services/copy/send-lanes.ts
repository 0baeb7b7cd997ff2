import type { CopyRecord } from './rewrite-record';

type Acks = { partition: number; baseOffset: string | null }[];

/** What one send did: its records, and the leader's acks or the error that failed them all. */
export type SendOutcome = { topic: string; records: CopyRecord[] } & ({ acks: Acks } | { error: unknown });

/**
 * Sends a copy's rounds with one request in flight per target partition and every partition
 * at once: a partition's next send waits for its last one (retries included), so each partition
 * keeps source order, while the broker has the other partitions' sends (and the next round's)
 * queued and does not idle between rounds. `settled` sees each partition's outcomes in order.
 */
export function sendLanes(produce: (topic: string, records: CopyRecord[]) => Promise<Acks>, settled: (outcome: SendOutcome) => void) {
  const lanes = new Map<string, Promise<void>>();
  return {
    /** Queues one round's records, split by topic and partition; resolves when all of them have settled. */
    push(byTopic: Map<string, CopyRecord[]>): Promise<void> {
      const sends: Promise<void>[] = [];
      for (const [topic, list] of byTopic) {
        const byPartition = new Map<number, CopyRecord[]>();
        for (const r of list) {
          const p = byPartition.get(r.partition);
          if (p) p.push(r);
          else byPartition.set(r.partition, [r]);
        }
        for (const [partition, records] of byPartition) {
          const id = `${topic}\u0000${partition}`;
          const next = (lanes.get(id) ?? Promise.resolve()).then(async () => {
            try {
              settled({ topic, records, acks: await produce(topic, records) });
            } catch (error) {
              settled({ topic, records, error });
            }
          });
          lanes.set(id, next);
          sends.push(next);
        }
      }
      return Promise.all(sends).then(() => undefined);
    },
  };
}
