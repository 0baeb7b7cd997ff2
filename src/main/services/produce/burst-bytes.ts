import type { Compression, MessageDraft, Payload } from '../../../shared/api';
import { jsonStable } from '../../../shared/produce/json-stable';
import { murmur2 } from '../../../shared/produce/murmur2';
import { compileTemplate, type Placeholder, type RenderContext } from '../../../shared/produce/template';
import { MAX_BATCH_BYTES, type Utf8Writer } from '../../kafka/kafkajs/raw/record-batch';
import { encodeSlotBatches, type RecordSlots } from '../../kafka/kafkajs/raw/slot-batch';
import type { EncodedBlock } from './import-block';
import { payloadEncoder } from './message-factory';

/**
 * A burst's key or value as bytes: none, the same bytes for every message, or a template whose
 * literal text is encoded once and whose placeholders are rendered per message.
 */
type PayloadBytes = { kind: 'null' } | { kind: 'fixed'; bytes: Uint8Array } | { kind: 'template'; parts: TemplateBytes[] };

/** A template's part: its literal text's bytes, or a placeholder (a tag, not instanceof: this runs per part of every message). */
type TemplateBytes = { literal: Uint8Array; placeholder: null } | { literal: null; placeholder: Placeholder };

/**
 * Renders records `from`–`to` of a burst straight into one byte arena and encodes their batches
 * from it: the same records message-factory.ts builds (keys, values, partitions, create times),
 * without a string, Buffer or object per message. Building each message as a string cost a
 * burst's workers about a third of their time (joining the template's parts, then measuring and
 * copying the joined text, and the garbage it left). Null for a draft this does not cover (headers, schemas, a JSON template that
 * must be parsed per message): message-factory.ts builds those. The draft must have passed
 * messageFactory() (its checks and errors are the ones a burst reports).
 */
export function encodeRenderedBurst(draft: MessageDraft, partitionCount: number, from: number, to: number, compression: Compression): Promise<EncodedBlock> | null {
  if (draft.headers.length > 0) return null;
  const key = payloadBytes(draft.key, 'key');
  const value = payloadBytes(draft.value, 'value');
  if (!key || !value) return null;

  const count = to - from + 1;
  const arena = new Arena(count * (expectedSize(key) + expectedSize(value)));
  const slots = { keyStart: new Int32Array(count), keyLength: new Int32Array(count), valueStart: new Int32Array(count), valueLength: new Int32Array(count), timestamp: new Float64Array(count) };
  const partitionOf = new Int32Array(count);
  const ctx: RenderContext = { seq: 0 };
  let roundRobin = Math.floor(Math.random() * partitionCount);
  for (let i = 0; i < count; i++) {
    ctx.seq = from + i;
    const keyStart = arena.at;
    const keyLength = arena.write(key, ctx);
    slots.keyStart[i] = keyStart;
    slots.keyLength[i] = keyLength;
    partitionOf[i] = draft.partition ?? (keyLength < 0 ? roundRobin++ % partitionCount : (murmur2(arena.bytes, keyStart, keyStart + keyLength) & 0x7fffffff) % partitionCount);
    slots.valueStart[i] = arena.at;
    slots.valueLength[i] = arena.write(value, ctx);
    slots.timestamp[i] = draft.timestamp ?? Date.now();
  }
  const records: RecordSlots = { arena: arena.bytes, ...slots };
  const partitions = inOrderByPartition(partitionOf, partitionCount);
  return Promise.all(partitions.map(async ([partition, order]): Promise<[number, Buffer[], number]> => [partition, await encodeSlotBatches(records, order, compression, MAX_BATCH_BYTES), order.length])).then((encoded) => ({
    partitions: encoded,
    failures: [],
  }));
}

function payloadBytes(payload: Payload, what: string): PayloadBytes | null {
  if (payload === null) return { kind: 'null' };
  if (payload.format === 'schema') return null;
  const template = payload.format === 'text' || payload.format === 'json' ? compileTemplate(payload.text) : null;
  if (!template?.dynamic) {
    // hex, base64, or text without placeholders: payloadEncoder gives (and checks) its bytes.
    const bytes = payloadEncoder(payload, what)(1);
    return bytes === null ? { kind: 'null' } : { kind: 'fixed', bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes };
  }
  // Placeholders that could break the JSON make each message parsed: message-factory.ts does that.
  if (payload.format === 'json' && !jsonStable(template)) return null;
  // Each part is encoded on its own, which is the joined text's UTF-8 unless a surrogate pair is
  // split across two parts: leave such a template to the string path.
  for (const part of template.parts) {
    const texts = typeof part === 'string' ? [part] : part.shape.kind === 'choices' ? part.shape.choices : [];
    if (texts.some(edgeIsSurrogate)) return null;
  }
  return { kind: 'template', parts: template.parts.map((p) => (typeof p === 'string' ? { literal: Buffer.from(p, 'utf8'), placeholder: null } : { literal: null, placeholder: p })) };
}

function edgeIsSurrogate(text: string): boolean {
  const surrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
  return text.length > 0 && (surrogate(text.charCodeAt(0)) || surrogate(text.charCodeAt(text.length - 1)));
}

/** Bytes a message's key or value usually takes: the arena's first size, so it seldom grows. */
function expectedSize(p: PayloadBytes): number {
  if (p.kind === 'null') return 0;
  if (p.kind === 'fixed') return p.bytes.length;
  return p.parts.reduce((n, part) => n + (part.literal ? part.literal.length : 24), 0);
}

/** Each partition's slot indexes in message order, for the partitions that have any. */
function inOrderByPartition(partitionOf: Int32Array, partitionCount: number): [number, Int32Array][] {
  const counts = new Int32Array(partitionCount);
  for (let i = 0; i < partitionOf.length; i++) counts[partitionOf[i]!]!++;
  const orders = Array.from(counts, (n) => new Int32Array(n));
  const filled = new Int32Array(partitionCount);
  for (let i = 0; i < partitionOf.length; i++) {
    const p = partitionOf[i]!;
    orders[p]![filled[p]!++] = i;
  }
  return orders.flatMap((order, partition): [number, Int32Array][] => (order.length > 0 ? [[partition, order]] : []));
}

/** A growing byte buffer that keys and values are rendered into, one after the other. */
class Arena {
  bytes: Buffer;
  at = 0;

  constructor(size: number) {
    this.bytes = Buffer.allocUnsafe(Math.max(size, 1024));
  }

  /** Writes a key or value and returns its length in bytes (-1 for null). */
  write(p: PayloadBytes, ctx: RenderContext): number {
    if (p.kind === 'null') return -1;
    const start = this.at;
    if (p.kind === 'fixed') this.copy(p.bytes);
    else {
      const parts = p.parts;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i]!;
        if (part.literal) this.copy(part.literal);
        else this.text(part.placeholder.render(ctx));
      }
    }
    return this.at - start;
  }

  private copy(bytes: Uint8Array): void {
    this.room(bytes.length);
    const out = this.bytes;
    const at = this.at;
    if (bytes.length < 32) for (let j = 0; j < bytes.length; j++) out[at + j] = bytes[j]!;
    else out.set(bytes, at);
    this.at = at + bytes.length;
  }

  /** A placeholder's text as UTF-8: byte by byte while it is ASCII (numbers, names, UUIDs), Node's encoder otherwise. */
  private text(s: string): void {
    this.room(s.length * 3);
    const out = this.bytes;
    const start = this.at;
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c >= 0x80) {
        this.at = start + (out as Utf8Writer).utf8Write(s, start, s.length * 3);
        return;
      }
      out[start + j] = c;
    }
    this.at = start + s.length;
  }

  private room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.at + n));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }
}
