import { availableParallelism } from 'node:os';
import { createLimiter } from '../../../services/limiter';
import { WorkerPool, poolSize } from '../../../workers/worker-pool';
import { workerFileBeside } from '../../../workers/worker-thread';
import type { Packed } from './record-table';

/** Compressed batches, side by side in one transferred buffer: batch i is offsets[i] up to offsets[i + 1]. */
export interface DecompressRequest {
  codecs: number[];
  buffer: ArrayBuffer;
  offsets: Uint32Array;
}

/** Each batch's records, in an ArrayBuffer of its own (transferred); null where it could not be decompressed. */
export type DecompressReply = { id: number; bodies: (Uint8Array | null)[] } | { id: number; error: string };

/** Below this many compressed bytes a chunk decompresses inline: the round trip would cost more. */
export const OFF_THREAD_MIN_BYTES = 64 * 1024;
/** Idle workers are stopped after this (a long read keeps them busy). */
const IDLE_MS = 30_000;

/**
 * Worker threads that decompress the record batches of a long read's chunks (zstd, gzip, snappy,
 * lz4): while main scans, converts and pushes one chunk, the next chunk's batches decompress on
 * another core (about a third of a zstd read's cost on main otherwise). One pool for the process;
 * one worker on a two-core machine, none on one core. A failure anywhere decompresses inline.
 */
export class DecompressPool {
  private static instance: DecompressPool | null | undefined;

  /** The process's pool, or null when this machine (or build) cannot run one. */
  static shared(): DecompressPool | null {
    if (DecompressPool.instance === undefined) {
      // KAFKA_EXPLORER_DECOMPRESS_WORKERS overrides (0 decompresses inline, as on one core).
      const size = poolSize(process.env.KAFKA_EXPLORER_DECOMPRESS_WORKERS, Math.min(2, availableParallelism() - 1));
      const file = workerFileBeside(import.meta.url, 'decompress-worker');
      DecompressPool.instance = size > 0 && file ? new DecompressPool(size, file) : null;
    }
    return DecompressPool.instance?.workers.broken ? null : DecompressPool.instance;
  }

  private readonly workers: WorkerPool<DecompressRequest, DecompressReply, (Buffer | null)[]>;
  /**
   * Chunks out at once: two per worker, so a worker has the next while its last reply travels.
   * The others wait here, still compressed: twelve partitions' chunks decompressed ahead of main's
   * scan would hold ten times their fetched size (P6 measured +135 MB).
   */
  private readonly slots: ReturnType<typeof createLimiter>;

  private constructor(size: number, file: string) {
    this.slots = createLimiter(2 * size);
    this.workers = new WorkerPool(size, file, IDLE_MS, (reply) => reply.bodies.map((b) => (b ? Buffer.from(b.buffer, b.byteOffset, b.byteLength) : null)));
  }

  /** Each batch's records, in order; null for a batch the worker could not read (decompress it inline to get the error). */
  decompress(batches: readonly Packed[]): Promise<(Buffer | null)[]> {
    return this.slots(() => this.send(batches));
  }

  private send(batches: readonly Packed[]): Promise<(Buffer | null)[]> {
    const offsets = new Uint32Array(batches.length + 1);
    const total = batches.reduce((sum, b) => sum + b.bytes.length, 0);
    // Its own ArrayBuffer (the fetch answer must stay), so that it can be transferred.
    const packed = Buffer.from(new ArrayBuffer(total));
    let at = 0;
    batches.forEach((b, i) => {
      offsets[i] = at;
      at += b.bytes.copy(packed, at);
    });
    offsets[batches.length] = at;
    const buffer = packed.buffer as ArrayBuffer;
    return this.workers.run({ codecs: batches.map((b) => b.codec), buffer, offsets }, [buffer]);
  }
}
