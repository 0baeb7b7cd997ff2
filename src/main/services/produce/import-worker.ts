import { parentPort } from 'node:worker_threads';
import { checkImportBlock, encodeBurstBlock, encodeImportBlock } from './import-block';
import type { ImportWorkerReply, ImportWorkerRequest } from './import-pool';

/**
 * A produce worker: reads a block of an imported file (or builds a block of a burst's records)
 * and encodes its record batches, or only checks a block's lines for the import's preview, so a big import's or burst's work runs on every core while
 * main sends.
 */
const port = parentPort;
if (!port) throw new Error('import-worker runs as a worker thread');

/**
 * Whether this worker has encoded a block yet. V8 compiles code to run fast only once it has run
 * a while: a worker's first 1 MiB block took ~27 ms to encode against 7–8 ms once warm, and the
 * first send waits for it. So a worker's first check also encodes that block, after answering,
 * and drops the batches: once per worker start, one block's work, while the user looks at the preview.
 */
let encoderCompiled = false;

port.on('message', (m: ImportWorkerRequest) => {
  if ('check' in m) {
    checkImportBlock(m.check).then(
      (checked) => {
        port.postMessage({ id: m.id, checked } satisfies ImportWorkerReply);
        if (!encoderCompiled) {
          encoderCompiled = true;
          encodeImportBlock(m.check).catch(() => undefined);
        }
      },
      (error: unknown) => port.postMessage({ id: m.id, error: (error as Error)?.message ?? String(error) } satisfies ImportWorkerReply),
    );
    return;
  }
  ('lines' in m ? encodeImportBlock(m.lines) : encodeBurstBlock(m.burst)).then(
    (encoded) => {
      // Each batch in an ArrayBuffer of its own, so it moves to main without a copy (a small
      // Buffer may sit in Node's shared pool, which must not be transferred).
      const partitions = encoded.partitions.map(([p, batches, n]): [number, Uint8Array[], number] => [p, batches.map(owned), n]);
      const reply: ImportWorkerReply = { id: m.id, partitions, failures: encoded.failures };
      port.postMessage(reply, partitions.flatMap(([, batches]) => batches.map((b) => b.buffer as ArrayBuffer)));
    },
    (error: unknown) => port.postMessage({ id: m.id, error: (error as Error)?.message ?? String(error) } satisfies ImportWorkerReply),
  );
});

function owned(b: Buffer): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
}
