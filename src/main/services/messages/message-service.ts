import type { BrowseResult, MessageView, StartPosition } from '../../../shared/api';
import { appError, ErrorCode } from '../../../shared/errors';
import type { KafkaClient } from '../../kafka/client';
import type { RawRecord } from '../../kafka/ports/messages';
import { messageFromWire, type WireMessage } from '../../../shared/api/message-wire';
import { encodeBytes } from './encode-bytes';
import { decodeParts, encodeDecoded, type DecodedParts } from './schema-records';
import type { SchemaDecoder } from '../../schemas/schema-decoder';
import { refuseLeaderless, resolveRanges } from './ranges';
import type { RecordMasker } from '../masking/record-masker';
import { folderLocation, type SaveLocation } from './save-location';

const CHUNK_BYTES = 4 * 1024 * 1024;

export interface BrowseRequest {
  topic: string;
  partitions: number[] | null;
  position: StartPosition;
  limit: number;
  order?: 'newest' | 'oldest' | null;
  signal: AbortSignal;
  schemas?: SchemaDecoder;
  /** The profile's masking rules for this topic. */
  mask?: RecordMasker | null;
}

/** Reading messages for the views: positions resolved against the watermarks, read per partition. */
export class MessageService {
  /** @param saveLocation where exports and saved values go: a save dialog (Electron) or the export folder. */
  constructor(readonly saveLocation: SaveLocation = folderLocation()) {}

  async browse(client: KafkaClient, req: BrowseRequest): Promise<BrowseResult> {
    const { ranges, leaderless } = await resolveRanges(client, req.topic, req.partitions, req.position);
    refuseLeaderless(req.topic, leaderless, 'nothing was read');
    // Each partition may hold the whole limit (e.g. one busy partition); the merge below cuts to it.
    const read = await Promise.all(ranges.map((r) => this.readRange(client, req.topic, r.partition, r.from, r.high, req.limit, req.signal)));

    let records = read.flatMap((r) => r.records);
    if (req.position.kind === 'newest' && req.position.scope === 'overall') {
      // Each partition's newest N were read; of those, the N newest of the topic.
      records.sort((a, b) => Number(BigInt(b.timestamp) - BigInt(a.timestamp)) || a.partition - b.partition);
      records = records.slice(0, req.position.count);
    }
    const newestFirst = req.order ? req.order === 'newest' : req.position.kind === 'newest';
    records.sort((a, b) => {
      const t = Number(BigInt(a.timestamp) - BigInt(b.timestamp)) || a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset));
      return newestFirst ? -t : t;
    });
    const shown = records.slice(0, req.limit);
    if (req.schemas) await req.schemas.prepare(shown);
    return {
      messages: shown.map((r) => {
        const parts = decodeParts(r, req.schemas, req.topic);
        const seen = req.mask ? req.mask(r, parts) : { record: r, parts };
        return messageFromWire(toWire(seen.record, seen.parts));
      }),
      partitions: ranges.map((r, i) => ({ partition: r.partition, from: r.from.toString(), until: read[i]!.until, high: r.high.toString() })),
    };
  }

  /** Reads [from, until) of one partition, at most `limit` records, stopping early when asked to. */
  private async readRange(client: KafkaClient, topic: string, partition: number, from: bigint, until: bigint, limit: number, signal: AbortSignal): Promise<{ records: RawRecord[]; until: string }> {
    const records: RawRecord[] = [];
    let offset = from;
    while (offset < until && records.length < limit && !signal.aborted) {
      const chunk = await client.readChunk(topic, partition, offset.toString(), CHUNK_BYTES);
      for (const r of chunk.records) if (BigInt(r.offset) < until && records.length < limit) records.push(r);
      const next = BigInt(chunk.nextOffset);
      // No progress: the rest is an open transaction (beyond the last stable offset) or a gap.
      if (next <= offset) break;
      offset = next;
    }
    if (signal.aborted) throw appError(ErrorCode.Cancelled, 'Reading was cancelled.');
    return { records, until: offset.toString() };
  }
}

/** A record as the window shows it: bytes as text or base64, big values cut to a preview. */
export function toView(r: RawRecord): MessageView {
  return messageFromWire(toWire(r));
}

/** The same in the compact form batches travel in (what a long read spends its time on); schema-framed parts as decoded. */
export function toWire(r: RawRecord, parts: DecodedParts | null = null): WireMessage {
  return [
    r.partition,
    r.offset,
    r.timestamp,
    r.timestampType === 'LogAppendTime' ? 1 : 0,
    parts ? encodeDecoded(r.key, parts.key) : encodeBytes(r.key),
    parts ? encodeDecoded(r.value, parts.value) : encodeBytes(r.value),
    r.headers.length === 0 ? NO_HEADERS : r.headers.map((h) => [h.key, encodeBytes(h.value)]),
  ];
}

/** Shared by every message without headers (most of them), never written to. */
const NO_HEADERS: WireMessage[6] = [];
