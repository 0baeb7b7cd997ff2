import type { KafkaClient } from '../../kafka/client';
import type { PartitionChunk } from '../../kafka/ports/messages';
import { createLimiter } from '../limiter';

/**
 * Bytes one Fetch may answer with (at least one partition's): on a slow link a bigger answer would
 * outlast the request timeout. Two on the way hold less than the sixteen 1 MB fetches read before.
 */
const BYTES_PER_FETCH = 4 * 1024 * 1024;
/** Fetches on the way at once: one answered while the next is prepared by the broker. */
const FETCHES_IN_FLIGHT = 2;
/** As long as the broker may wait for data the range still lacks (it is all there for a search). */
const MAX_WAIT_MS = 50;

interface Wanted {
  partition: number;
  offset: string;
  resolve(chunk: PartitionChunk): void;
  reject(error: unknown): void;
}

/**
 * One partition's next chunk, as readChunk() gives it, but the chunks that a read's partitions ask
 * for in the same turn of the event loop go out as one Fetch per leader (readChunks), at most
 * BYTES_PER_FETCH each. A broker answers the requests of one connection one at a
 * time: twelve partitions read one Fetch each wait for twelve round trips where kcat waits for one.
 * A partition's error fails its own chunk only (the caller retries it), as readChunk() would; a
 * partition that got nothing while it has more is asked again alone (see below).
 */
export function coalescedFetches(client: KafkaClient, topic: string, maxBytesPerPartition: number): (partition: number, offset: string) => Promise<PartitionChunk> {
  const inFlight = createLimiter(FETCHES_IN_FLIGHT);
  const partitionsPerFetch = Math.max(1, Math.floor(BYTES_PER_FETCH / maxBytesPerPartition));
  let pending: Wanted[] = [];
  let scheduled = false;

  const send = async (batch: Wanted[]) => {
    try {
      const chunks = await inFlight(() =>
        client.readChunks(
          topic,
          batch.map((w) => ({ partition: w.partition, offset: w.offset })),
          maxBytesPerPartition,
          MAX_WAIT_MS,
          // Chunks read ahead stay compressed until the search looks at them (P6).
          { deferDecompression: true },
        ),
      );
      batch.forEach((w, i) => {
        const chunk = chunks[i]!;
        if (chunk.error) w.reject(chunk.error);
        // A broker gives a record batch bigger than the per-partition bytes only to the first
        // partition of an answer that has data (KIP-74): asked alone, this one gets its batch too.
        else if (batch.length > 1 && chunk.nextOffset === w.offset && (chunk.rows ?? chunk.records).length === 0 && BigInt(chunk.highWatermark) > BigInt(w.offset)) {
          inFlight(() => client.readChunk(topic, w.partition, w.offset, maxBytesPerPartition)).then(w.resolve, w.reject);
        } else w.resolve(chunk);
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  };

  const flush = () => {
    scheduled = false;
    const all = pending;
    pending = [];
    // A partition asked twice (not expected: one read-ahead per partition) goes in a later Fetch.
    let rest: Wanted[] = all;
    while (rest.length > 0) {
      const seen = new Set<number>();
      const batch: Wanted[] = [];
      const later: Wanted[] = [];
      for (const w of rest) {
        if (seen.has(w.partition) || batch.length >= partitionsPerFetch) later.push(w);
        else {
          seen.add(w.partition);
          batch.push(w);
        }
      }
      void send(batch);
      rest = later;
    }
  };

  return (partition, offset) =>
    new Promise<PartitionChunk>((resolve, reject) => {
      pending.push({ partition, offset, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
