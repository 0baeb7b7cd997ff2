import type { Worker } from 'node:worker_threads';
import { startWorker } from './worker-thread';

/** What every pooled worker answers with: the id of the request it answers, or why it failed. */
export type PoolReply = { id: number } & ({ error: string } | object);

/** A request as the worker receives it: with the id its reply must carry. */
export type Sent<Request> = Request & { id: number };

interface PooledWorker<Result> {
  worker: Worker;
  pending: Map<number, { resolve(result: Result): void; reject(error: Error): void }>;
  /** Stops the worker on purpose: its exit is then not a failure. */
  retire(): void;
}

/**
 * Up to `size` worker threads on one file, each request sent to the least busy one. Workers start
 * on first use and are stopped after `idleMs` without work (the app stays open all day). A worker
 * that fails breaks the pool: what it had pending rejects, and callers do the work inline from
 * then on (see `broken`).
 */
export class WorkerPool<Request extends object, Reply extends PoolReply, Result> {
  private readonly workers: PooledWorker<Result>[] = [];
  private seq = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly size: number,
    private readonly file: string,
    private readonly idleMs: number,
    /** A reply made the caller's result (the reply's `error`, if any, rejects instead). */
    private readonly toResult: (reply: Exclude<Reply, { error: string }>) => Result,
  ) {}

  /** Workers running now (none until the first request, and none again once idle). */
  get running(): number {
    return this.workers.length;
  }

  /** A worker failed: the pool takes no more work. */
  get broken(): boolean {
    return this.failure !== null;
  }

  /** Starts every worker now, so the first request does not wait for them. */
  warm(): void {
    this.startMissing();
    this.retireWhenIdle();
  }

  /** Runs `request` on the least busy worker, moving `transfer` to it; rejects if the worker fails. */
  run(request: Request, transfer: ArrayBuffer[] = []): Promise<Result> {
    this.startMissing();
    // A request is out: no idle countdown until the last reply re-arms it.
    this.stopIdleTimer();
    const w = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = ++this.seq;
    return new Promise<Result>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      w.pending.set(id, { resolve, reject });
      w.worker.postMessage({ ...request, id } satisfies Sent<Request>, transfer);
    });
  }

  private startMissing(): void {
    while (this.workers.length < this.size) this.workers.push(this.start());
  }

  /** (Re)starts the idle countdown once nothing is out; the timer never keeps the process alive. */
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

  private start(): PooledWorker<Result> {
    const pending: PooledWorker<Result>['pending'] = new Map();
    let retired = false;
    const worker = startWorker<Reply>(this.file, {
      message: (reply) => {
        const waiting = pending.get(reply.id);
        pending.delete(reply.id);
        if ('error' in reply && typeof reply.error === 'string') waiting?.reject(new Error(reply.error));
        else waiting?.resolve(this.toResult(reply as Exclude<Reply, { error: string }>));
        this.retireWhenIdle();
      },
      failed: (error) => {
        if (retired) return;
        this.failure = error;
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

/** A pool's size from an environment override (0: inline), else `fallback`; at most 8. */
export function poolSize(override: string | undefined, fallback: number): number {
  const n = Number(override ?? NaN);
  return n >= 0 ? Math.min(8, n) : fallback;
}

/** `b`, or a copy of it, alone in its ArrayBuffer: a small Buffer may sit in Node's shared pool, which must not be transferred. */
export function transferable(b: Uint8Array): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
}
