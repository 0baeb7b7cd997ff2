import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker, workerFileBeside } from '../workers/worker-thread';
import type { ResolvedReference } from './compile';
import type { WorkerReply, WorkerRequest } from './decode-protocol';
import type { RegisteredSchema } from './registry-client';

/** What a worker needs to compile a schema itself: the registry's text, its references, a label. */
export interface SchemaSource {
  schema: RegisteredSchema;
  references: ResolvedReference[];
  label: string;
}

/** One body to decode with the schema known under `key` (unique per connection and schema). */
export interface PoolItem {
  key: string;
  source: SchemaSource;
  body: Buffer;
}

export type PoolResult = { json: string; messageType?: string; invalid?: string } | { error: string };

interface PooledWorker {
  worker: Worker;
  /** Schema keys this worker has compiled (messages on one port arrive in order). */
  known: Set<string>;
  /** Decode requests sent and not answered, by id. */
  pending: Map<number, { resolve(reply: WorkerReply): void; reject(error: Error): void }>;
}

/**
 * Worker threads that decode schema-framed bodies beside the main thread: a big read fetches and
 * streams on the main thread while the decoding (most of its cost) runs on another core. One pool
 * for the process, started on first use; at most 2 workers, and none on a one-core machine (the
 * caller then decodes inline). A worker that fails takes the pool down and callers fall back.
 */
export class DecodePool {
  private static instance: DecodePool | null | undefined;
  private readonly workers: PooledWorker[] = [];
  private seq = 0;
  private broken: Error | null = null;

  /** The process's pool, or null when this machine (or build) cannot run one. */
  static shared(): DecodePool | null {
    if (DecodePool.instance === undefined) {
      // KAFKA_EXPLORER_DECODE_WORKERS overrides (0 decodes inline, as on one core).
      const size = Number(process.env.KAFKA_EXPLORER_DECODE_WORKERS ?? NaN) >= 0 ? Math.min(8, Number(process.env.KAFKA_EXPLORER_DECODE_WORKERS)) : Math.min(2, availableParallelism() - 1);
      DecodePool.instance = size > 0 && workerFile() ? new DecodePool(size) : null;
    }
    return DecodePool.instance?.broken ? null : DecodePool.instance;
  }

  private constructor(private readonly size: number) {}

  /** Decodes the bodies on the least busy worker; rejects if the worker fails (decode inline then). */
  decode(items: readonly PoolItem[]): Promise<PoolResult[]> {
    const w = this.pick();
    for (const item of items) {
      if (w.known.has(item.key)) continue;
      w.known.add(item.key);
      const message: WorkerRequest = { kind: 'schema', key: item.key, ...item.source };
      w.worker.postMessage(message);
    }
    const total = items.reduce((sum, item) => sum + item.body.length, 0);
    // Its own ArrayBuffer (not the shared pool a small Buffer sits in), so it can be transferred.
    const packed = Buffer.from(new ArrayBuffer(total));
    const offsets = new Uint32Array(items.length + 1);
    let at = 0;
    items.forEach((item, i) => {
      offsets[i] = at;
      at += item.body.copy(packed, at);
    });
    offsets[items.length] = at;
    const id = ++this.seq;
    const request: WorkerRequest = { kind: 'decode', id, buffer: packed.buffer as ArrayBuffer, offsets, keys: items.map((item) => item.key) };
    return new Promise<PoolResult[]>((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      w.pending.set(id, { resolve: (reply) => resolve(toResults(reply)), reject });
      w.worker.postMessage(request, [request.buffer]);
    });
  }

  private pick(): PooledWorker {
    if (this.workers.length < this.size && this.workers.every((w) => w.pending.size > 0)) this.workers.push(this.start());
    return this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  private start(): PooledWorker {
    const pending: PooledWorker['pending'] = new Map();
    const worker = startWorker<WorkerReply>(workerFile()!, {
      message: (reply) => {
        const waiting = pending.get(reply.id);
        pending.delete(reply.id);
        waiting?.resolve(reply);
      },
      failed: (error) => {
        this.broken = error;
        for (const waiting of pending.values()) waiting.reject(error);
        pending.clear();
      },
    });
    return { worker, known: new Set(), pending };
  }
}

function toResults(reply: WorkerReply): PoolResult[] {
  const results: PoolResult[] = reply.json.map((json) => (json === null ? { error: '' } : { json }));
  for (const [i, messageType, invalid, error] of reply.extras) {
    if (error !== undefined) results[i] = { error };
    else results[i] = { json: reply.json[i]!, ...(messageType !== undefined ? { messageType } : {}), ...(invalid !== undefined ? { invalid } : {}) };
  }
  return results;
}

/** The decode worker's file: the bundle's .mjs in a build, the .ts source under tsx and vitest. */
function workerFile(): string | null {
  return workerFileBeside(import.meta.url, 'decode-worker');
}
