import { availableParallelism } from 'node:os';
import { WorkerPool, poolSize } from '../../workers/worker-pool';
import { workerFileBeside } from '../../workers/worker-thread';
import type { BurstBlock, EncodedBlock, ImportBlock } from './import-block';

/** A block of an imported file's lines, or of a burst's records. */
export type ImportWorkerRequest = { lines: ImportBlock } | { burst: BurstBlock };

/** A block's record batches (each in its own transferred ArrayBuffer) and failed lines, or why the block failed as a whole. */
export type ImportWorkerReply = { id: number; partitions: [number, Uint8Array[], number][]; failures: [string, number][] } | { id: number; error: string };

/** Workers idle this long are stopped (about 10 MB each); the next big import starts them again. */
const IDLE_MS = 60_000;

/**
 * Worker threads that read and encode blocks of an imported file or a burst: parsing each line
 * (or rendering each template) and writing the record batches is nearly all of their cost, and
 * main only has to send what the workers return. One pool for the process, started on first use (or when an import is previewed);
 * two workers, and none on a one-core machine, where the import encodes inline. Workers left idle
 * for a minute are stopped, since the app stays open all day. A worker that fails takes the pool
 * down, and the caller encodes inline from then on.
 */
export class ImportPool {
  private static instance: ImportPool | null | undefined;

  /** The process's pool, or null when this machine (or build) cannot run one. */
  static shared(): ImportPool | null {
    // KAFKA_EXPLORER_IMPORT_WORKERS overrides (0 encodes inline, as on one core).
    if (ImportPool.instance === undefined) ImportPool.instance = ImportPool.create(poolSize(process.env.KAFKA_EXPLORER_IMPORT_WORKERS, availableParallelism() >= 2 ? 2 : 0));
    return ImportPool.instance?.workers.broken ? null : ImportPool.instance;
  }

  /** A pool of its own, apart from the process's (tests use a short `idleMs`). */
  static create(size: number, idleMs = IDLE_MS): ImportPool | null {
    const file = workerFileBeside(import.meta.url, 'import-worker');
    return size > 0 && file ? new ImportPool(size, file, idleMs) : null;
  }

  private readonly workers: WorkerPool<ImportWorkerRequest, ImportWorkerReply, EncodedBlock>;

  private constructor(
    readonly size: number,
    file: string,
    idleMs: number,
  ) {
    this.workers = new WorkerPool(size, file, idleMs, (reply) => ({
      partitions: reply.partitions.map(([p, batches, n]) => [p, batches.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)), n]),
      failures: reply.failures,
    }));
  }

  /** Workers running now (none until the first big import or preview, and none again once idle). */
  get running(): number {
    return this.workers.running;
  }

  /** Starts every worker now, so the first big import does not wait for them. */
  warm(): void {
    this.workers.warm();
  }

  /** Encodes a block on the least busy worker; rejects if the worker fails (encode inline then). */
  encode(block: ImportWorkerRequest): Promise<EncodedBlock> {
    return this.workers.run(block);
  }
}
