import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker, workerFileBeside } from '../../workers/worker-thread';
import type { BurstBlock, CheckedLines, EncodedBlock, ImportBlock } from './import-block';

/** A block of an imported file's lines to encode or only to check (the preview), or of a burst's records. */
export type ImportWorkerRequest = { id: number; lines: ImportBlock } | { id: number; burst: BurstBlock } | { id: number; check: ImportBlock };

/** A block's record batches (each in its own transferred ArrayBuffer) and failed lines, its check, or why the block failed as a whole. */
export type ImportWorkerReply =
  | { id: number; partitions: [number, Uint8Array[], number][]; failures: [string, number][] }
  | { id: number; checked: CheckedLines }
  | { id: number; error: string };

interface PooledWorker {
  worker: Worker;
  pending: Map<number, { resolve(result: EncodedBlock | CheckedLines): void; reject(error: Error): void }>;
  /** Stops the worker on purpose: its exit is then not a failure. */
  retire(): void;
}

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
  private readonly workers: PooledWorker[] = [];
  private seq = 0;
  private broken: Error | null = null;
  private idleTimer: NodeJS.Timeout | null = null;

  /** The process's pool, or null when this machine (or build) cannot run one. */
  static shared(): ImportPool | null {
    if (ImportPool.instance === undefined) {
      // KAFKA_EXPLORER_IMPORT_WORKERS overrides (0 encodes inline, as on one core).
      const override = Number(process.env.KAFKA_EXPLORER_IMPORT_WORKERS ?? NaN);
      const size = override >= 0 ? Math.min(8, override) : availableParallelism() >= 2 ? 2 : 0;
      ImportPool.instance = ImportPool.create(size);
    }
    return ImportPool.instance?.broken ? null : ImportPool.instance;
  }

  /** A pool of its own, apart from the process's (tests use a short `idleMs`). */
  static create(size: number, idleMs = IDLE_MS): ImportPool | null {
    const file = workerFileBeside(import.meta.url, 'import-worker');
    return size > 0 && file ? new ImportPool(size, file, idleMs) : null;
  }

  private constructor(
    readonly size: number,
    private readonly file: string,
    private readonly idleMs = IDLE_MS,
  ) {}

  /** Workers running now (none until the first big import or preview, and none again once idle). */
  get running(): number {
    return this.workers.length;
  }

  /** Starts every worker now, so the first big import does not wait for them. */
  warm(): void {
    this.startMissing();
    this.retireWhenIdle();
  }

  /** Encodes a block on the least busy worker; rejects if the worker fails (encode inline then). */
  encode(block: { lines: ImportBlock } | { burst: BurstBlock }): Promise<EncodedBlock> {
    return this.run(block) as Promise<EncodedBlock>;
  }

  /** Checks a block's lines as the import will read them, without encoding (the preview). */
  check(block: ImportBlock): Promise<CheckedLines> {
    return this.run({ check: block }) as Promise<CheckedLines>;
  }

  private run(request: { lines: ImportBlock } | { burst: BurstBlock } | { check: ImportBlock }): Promise<EncodedBlock | CheckedLines> {
    this.startMissing();
    // A block is out: no idle countdown until the last reply re-arms it.
    this.stopIdleTimer();
    const w = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      w.pending.set(id, { resolve, reject });
      w.worker.postMessage({ id, ...request } satisfies ImportWorkerRequest);
    });
  }

  private startMissing(): void {
    while (this.workers.length < this.size) this.workers.push(this.start());
  }

  /** (Re)starts the idle countdown once no block is out; the timer never keeps the process alive. */
  private retireWhenIdle(): void {
    if (this.workers.some((w) => w.pending.size > 0)) return;
    this.stopIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.workers.some((w) => w.pending.size > 0)) return;
      for (const w of this.workers.splice(0)) w.retire();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private start(): PooledWorker {
    const pending: PooledWorker['pending'] = new Map();
    let retired = false;
    const worker = startWorker<ImportWorkerReply>(this.file, {
      message: (reply) => {
        const waiting = pending.get(reply.id);
        pending.delete(reply.id);
        if ('error' in reply) waiting?.reject(new Error(reply.error));
        else if ('checked' in reply) waiting?.resolve(reply.checked);
        else waiting?.resolve({ partitions: reply.partitions.map(([p, batches, n]) => [p, batches.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)), n]), failures: reply.failures });
        this.retireWhenIdle();
      },
      failed: (error) => {
        if (retired) return;
        this.broken = error;
        for (const waiting of pending.values()) waiting.reject(error);
        pending.clear();
      },
    });
    return {
      worker,
      pending,
      retire: () => {
        retired = true;
        void worker.terminate();
      },
    };
  }
}
