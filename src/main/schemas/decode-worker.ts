import { parentPort } from 'node:worker_threads';
import type { SchemaCodec } from './codecs/codec';
import { compileSchema } from './compile';
import type { WorkerReply, WorkerRequest } from './decode-protocol';

/**
 * A decode worker: compiles the schemas main sends it (each once) and decodes batches of bodies
 * with them, so a big read's decoding runs beside the main thread's fetching instead of in it.
 */
const codecs = new Map<string, SchemaCodec | Error>();
const port = parentPort;
if (!port) throw new Error('decode-worker runs as a worker thread');

port.on('message', (m: WorkerRequest) => {
  if (m.kind === 'schema') {
    try {
      codecs.set(m.key, compileSchema(m.schema, m.references, m.label));
    } catch (error) {
      codecs.set(m.key, error as Error);
    }
    return;
  }
  const bytes = Buffer.from(m.buffer);
  const json: (string | null)[] = new Array<string | null>(m.keys.length);
  const extras: WorkerReply['extras'] = [];
  for (let i = 0; i < m.keys.length; i++) {
    const codec = codecs.get(m.keys[i]!);
    try {
      if (!codec) throw new Error('the schema was not sent to the decode worker');
      if (codec instanceof Error) throw codec;
      const out = codec.decode(bytes.subarray(m.offsets[i]!, m.offsets[i + 1]!));
      json[i] = out.json;
      if (out.messageType !== undefined || out.invalid !== undefined) extras.push([i, out.messageType, out.invalid, undefined]);
    } catch (error) {
      json[i] = null;
      extras.push([i, undefined, undefined, (error as Error).message ?? String(error)]);
    }
  }
  const reply: WorkerReply = { id: m.id, json, extras };
  port.postMessage(reply);
});
