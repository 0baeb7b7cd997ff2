import type { ExportFormat, ExportResult, MessagePart, MessageView, OffsetRuns, SavedFile } from '../../../shared/api';
import { MAX_WHOLE_MESSAGE_BYTES } from '../../../shared/api';
import { messageFromWire, type WireMessage } from '../../../shared/api/message-wire';
import { appError, ErrorCode } from '../../../shared/errors';
import { offsetCount, offsetIntervals } from '../../../shared/messages/offset-runs';
import type { KafkaClient } from '../../kafka/client';
import type { MessagesPort, RawRecord } from '../../kafka/ports/messages';
import { withRetries } from '../cancellable';
import { decodeParts, encodeDecoded } from './schema-records';
import type { SchemaDecoder } from '../../schemas/schema-decoder';
import { encodeBytes, hasSchemaFraming } from './encode-bytes';
import type { RecordMasker } from '../masking/record-masker';
import { exportHead, exportRow, exportTail } from './export-format';
import { choosePartitionsWithMarks, refuseLeaderless } from './ranges';
import { writeFileStreaming, type SaveLocation, type TextSink } from './save-location';

/** Bytes asked for per fetch; a bigger record batch still comes whole (KIP-74). */
const EXPORT_CHUNK_BYTES = 1024 * 1024;
const RETRIES = 3;

export interface ExportRequest {
  topic: string;
  format: ExportFormat;
  selection: OffsetRuns[];
  signal: AbortSignal;
  /** Write schema-framed keys and values as their decoded JSON (with this connection's schemas), not their bytes. */
  schemas?: SchemaDecoder;
  /** The profile's masking rules for this topic: what they hide never reaches the file. */
  mask?: RecordMasker | null;
}

const cancelled = () => appError(ErrorCode.Cancelled, 'The export was cancelled.');

/**
 * Reads the selected offsets again, partition by partition in offset order, and writes each
 * message whole to `sink`. Only one fetch (about 1 MiB, or one record batch) is held at a time,
 * and the sink's backpressure is waited for, so memory stays bounded however big the export.
 * Gaps in the selection are skipped by fetching from the next selected offset, not read through.
 */
export async function writeExport(client: MessagesPort & Pick<KafkaClient, 'fetchWatermarksOfEveryPartition' | 'fetchMetadata'>, req: ExportRequest, sink: Pick<TextSink, 'write'>): Promise<{ messages: number; missing: number }> {
  const { marks, leaderless } = await choosePartitionsWithMarks(client, req.topic, [...new Set(req.selection.map((s) => s.partition))]);
  refuseLeaderless(req.topic, leaderless, 'nothing was exported');
  let written = 0;
  await sink.write(exportHead(req.format));
  for (const selected of req.selection) {
    const mark = marks.get(selected.partition);
    if (!mark) throw appError(ErrorCode.Validation, `${req.topic} has no partition ${selected.partition}.`);
    const intervals = offsetIntervals(selected);
    let k = 0;
    let offset = -1n;
    while (k < intervals.length) {
      if (req.signal.aborted) throw cancelled();
      const wanted = intervals[k]!;
      if (offset < wanted.start) offset = wanted.start;
      // Below the log start (retention deleted them) or at the end: nothing there to read.
      if (offset < mark.low) offset = mark.low;
      if (offset >= mark.high) break;
      if (offset >= wanted.end) {
        k++;
        continue;
      }
      const at = offset;
      const chunk = await withRetries(() => client.readChunk(req.topic, selected.partition, at.toString(), EXPORT_CHUNK_BYTES), req.signal, RETRIES);
      if (req.schemas) await req.schemas.prepare(chunk.records);
      for (const r of chunk.records) {
        const o = BigInt(r.offset);
        while (k < intervals.length && o >= intervals[k]!.end) k++;
        if (k >= intervals.length) break;
        if (o < intervals[k]!.start) continue;
        const parts = req.schemas ? decodeParts(r, req.schemas, req.topic) : null;
        const seen = req.mask ? req.mask(r, parts) : { record: r, parts };
        await sink.write(exportRow(seen.record, req.format, written === 0, seen.parts));
        written++;
      }
      const next = BigInt(chunk.nextOffset);
      // No progress: the rest is an open transaction (beyond the last stable offset) or a gap.
      if (next <= offset) break;
      offset = next;
    }
  }
  await sink.write(exportTail(req.format, written === 0));
  const total = req.selection.reduce((n, s) => n + offsetCount(s), 0);
  return { messages: written, missing: Math.max(0, total - written) };
}

/** An export into a file at a location main chooses (save dialog or export folder). */
export async function exportToFile(client: KafkaClient, location: SaveLocation, req: ExportRequest & { runId: string; fileName: string }): Promise<ExportResult> {
  const chosen = await location.choose(req.fileName);
  if (!chosen) return { runId: req.runId, path: null, bytes: 0, messages: 0, missing: 0, cancelled: true };
  try {
    const { result, bytes } = await writeFileStreaming(chosen, (sink) => writeExport(client, req, sink));
    return { runId: req.runId, path: chosen.path, bytes, ...result, cancelled: false };
  } catch (error) {
    if (req.signal.aborted) return { runId: req.runId, path: null, bytes: 0, messages: 0, missing: 0, cancelled: true };
    throw error;
  }
}

/** The record at exactly this offset, read from its partition's leader (null: the log has none there). */
export async function readOne(client: MessagesPort, topic: string, partition: number, offset: string, signal: AbortSignal): Promise<RawRecord | null> {
  const wanted = BigInt(offset);
  let at = wanted;
  // A fetch starts at the batch holding the offset; a compacted gap may need one more.
  for (let i = 0; i < 4 && !signal.aborted; i++) {
    const from = at;
    const chunk = await withRetries(() => client.readChunk(topic, partition, from.toString(), EXPORT_CHUNK_BYTES), signal, RETRIES);
    for (const r of chunk.records) {
      const o = BigInt(r.offset);
      if (o === wanted) return r;
      if (o > wanted) return null;
    }
    const next = BigInt(chunk.nextOffset);
    if (next <= at) return null;
    at = next;
  }
  if (signal.aborted) throw appError(ErrorCode.Cancelled, 'Reading was cancelled.');
  return null;
}

async function requireOne(client: MessagesPort, topic: string, partition: number, offset: string, signal: AbortSignal): Promise<RawRecord> {
  const record = await readOne(client, topic, partition, offset, signal).catch((error: unknown) => {
    if (error && typeof error === 'object' && (error as { code?: unknown }).code === 'OFFSET_OUT_OF_RANGE') return null;
    throw error;
  });
  if (!record) {
    throw appError(ErrorCode.NotFound, `${topic} has no message at partition ${partition}, offset ${offset} any more.`, {
      hint: 'Retention or compaction may have deleted it since it was read.',
    });
  }
  return record;
}

const recordBytes = (r: RawRecord) => (r.key?.length ?? 0) + (r.value?.length ?? 0) + r.headers.reduce((n, h) => n + h.key.length + (h.value?.length ?? 0), 0);

/** One message whole, for the detail pane's "Copy all": no preview cut, within MAX_WHOLE_MESSAGE_BYTES. */
export async function getWholeMessage(
  client: MessagesPort,
  req: { topic: string; partition: number; offset: string; signal: AbortSignal; schemas?: SchemaDecoder; mask?: RecordMasker | null },
): Promise<MessageView> {
  const read = await requireOne(client, req.topic, req.partition, req.offset, req.signal);
  if (req.schemas) await req.schemas.prepare([read]);
  const seen = req.mask ? req.mask(read, decodeParts(read, req.schemas, req.topic)) : null;
  const r = seen ? seen.record : read;
  const size = recordBytes(r);
  if (size > MAX_WHOLE_MESSAGE_BYTES) {
    throw appError(ErrorCode.Validation, `This message has ${size.toLocaleString('en')} bytes: too big to send to the window whole.`, {
      hint: 'Use "Save value to file…" to get all of it.',
    });
  }
  const whole = (b: Buffer | null) => encodeBytes(b, Number.MAX_SAFE_INTEGER);
  const parts = seen ? seen.parts : decodeParts(r, req.schemas, req.topic);
  const wire: WireMessage = [
    r.partition,
    r.offset,
    r.timestamp,
    r.timestampType === 'LogAppendTime' ? 1 : 0,
    encodeDecoded(r.key, parts?.key ?? null, Number.MAX_SAFE_INTEGER),
    encodeDecoded(r.value, parts?.value ?? null, Number.MAX_SAFE_INTEGER),
    r.headers.map((h) => [h.key, whole(h.value)]),
  ];
  return messageFromWire(wire);
}

/** Saves a key, value or header value to a file, byte for byte. */
export async function saveMessagePart(
  client: MessagesPort,
  location: SaveLocation,
  req: { topic: string; partition: number; offset: string; part: MessagePart; fileName: string; signal: AbortSignal; mask?: RecordMasker | null },
): Promise<SavedFile> {
  const read = await requireOne(client, req.topic, req.partition, req.offset, req.signal);
  const r = req.mask ? req.mask(read, null).record : read;
  const part = req.part;
  const bytes = part === 'key' ? r.key : part === 'value' ? r.value : r.headers[part.header]?.value;
  if (bytes === undefined) throw appError(ErrorCode.Validation, `The message has no header ${(part as { header: number }).header + 1}.`);
  if (bytes === null) throw appError(ErrorCode.Validation, `The ${part === 'key' ? 'key' : part === 'value' ? 'value (a tombstone)' : 'header value'} is null: there is nothing to save.`);
  if (req.mask && hasSchemaFraming(bytes)) {
    // Masking reads decoded fields; schema-framed bytes would carry them unmasked.
    throw appError(ErrorCode.Validation, 'Masking rules apply to this topic: its schema-encoded bytes cannot be saved as they are.', {
      hint: 'Export the message instead: the export holds it decoded and masked.',
    });
  }
  const chosen = await location.choose(req.fileName);
  if (!chosen) return { path: null, bytes: 0 };
  await writeFileStreaming(chosen, (sink) => sink.write(bytes));
  return { path: chosen.path, bytes: bytes.length };
}
