import { parentPort } from 'node:worker_threads';
import { transferable, type Sent } from '../../../workers/worker-pool';
import { zstdLoaded } from '../codecs';
import { decompressBatch } from './decompress-batch';
import type { DecompressReply, DecompressRequest } from './decompress-pool';

/** A decompress worker: a long read's record batches decompress here while main scans the last chunk. */
const port = parentPort;
if (!port) throw new Error('decompress-worker runs as a worker thread');
// zstd's WASM build loads once; requests that come meanwhile wait for it.
const loaded = zstdLoaded();

port.on('message', (m: Sent<DecompressRequest>) => {
  loaded.then(
    () => {
      const bytes = Buffer.from(m.buffer);
      const bodies = m.codecs.map((codec, i) => {
        try {
          return transferable(decompressBatch(codec, bytes.subarray(m.offsets[i]!, m.offsets[i + 1]!)));
        } catch {
          return null; // main decompresses it again, inline, and reports the error where it is met
        }
      });
      const reply: DecompressReply = { id: m.id, bodies };
      port.postMessage(reply, bodies.flatMap((b) => (b ? [b.buffer as ArrayBuffer] : [])));
    },
    (error: unknown) => port.postMessage({ id: m.id, error: (error as Error)?.message ?? String(error) } satisfies DecompressReply),
  );
});
