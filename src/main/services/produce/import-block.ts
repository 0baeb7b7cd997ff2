import type { Compression, ImportPreview, MessageDraft } from '../../../shared/api';
import { checkLines } from './check-lines';
import type { OutgoingRecord } from '../../kafka/ports/producer';
import { encodeRecordBatches, MAX_BATCH_BYTES } from '../../kafka/kafkajs/raw/record-batch';
import { hasTextAt, importedRecords, type ImportKeep } from './import-file';
import { messageFactory } from './message-factory';
import { encodeRenderedBurst } from './burst-bytes';

/**
 * Characters per block of an imported file: about 5,000 lines of 200 B. Blocks are encoded in
 * worker threads side by side and sent one after the other; a smaller block starts sending
 * sooner, a bigger one costs fewer requests.
 */
export const BLOCK_CHARS = 1024 * 1024;

/** Where a block of whole lines sits in the file's text, the file's number of its first line, and its lines that are not blank. */
export interface BlockRange {
  start: number;
  end: number;
  firstLine: number;
  lines: number;
}

/** A block of whole lines and what its records need, to be encoded on its own (in a worker, or inline). */
export interface ImportBlock {
  text: string;
  firstLine: number;
  format: 'ndjson' | 'lines';
  partitionCount: number;
  keep: ImportKeep;
  compression: Compression;
}

/** A block's records as record batches per partition (in file order), and its lines that could not be read. */
export interface EncodedBlock {
  /** [partition, its record batches in order, the records they hold]. */
  partitions: [number, Buffer[], number][];
  /** [reason, lines]: a line's reason names it ("line 12: not valid JSON …"). */
  failures: [string, number][];
}

/**
 * Cuts a file's text into blocks of about `blockChars` characters, each ending after a newline,
 * and counts its lines that are not blank (what the import will send).
 */
export function blocksOf(content: string, blockChars = BLOCK_CHARS): { blocks: BlockRange[]; lines: number } {
  const blocks: BlockRange[] = [];
  let lines = 0;
  let before = 0;
  let start = 0;
  let firstLine = 1;
  let line = 1;
  for (let at = 0; at < content.length; line++) {
    const newline = content.indexOf('\n', at);
    const end = newline < 0 ? content.length : newline;
    const lineEnd = end > at && content.charCodeAt(end - 1) === 13 /* \r */ ? end - 1 : end;
    if (lineEnd > at && hasTextAt(content, at, lineEnd)) lines++;
    at = end + 1;
    if (at - start >= blockChars || at >= content.length) {
      blocks.push({ start, end: Math.min(at, content.length), firstLine, lines: lines - before });
      before = lines;
      start = at;
      firstLine = line + 1;
    }
  }
  return { blocks, lines };
}

/** Records `from`–`to` (1-based seq) of a templated burst without schemas, to be encoded on their own. */
export interface BurstBlock {
  draft: MessageDraft;
  partitionCount: number;
  from: number;
  to: number;
  compression: Compression;
}

/**
 * Reads a block's lines as records (import-file.ts, so every line means what it means in a
 * whole-file import) and encodes each partition's records as record batches.
 */
export function encodeImportBlock(block: ImportBlock): Promise<EncodedBlock> {
  const file = importedRecords(block.text, block.format, block.partitionCount, block.keep, {}, block.firstLine);
  return encodeBuilt(1, file.total, file.record, block.compression);
}

/** How many of a block's lines the import could not read, and the first of them. */
export type CheckedLines = Pick<ImportPreview, 'invalid' | 'firstInvalid'>;

/** Reads a block's lines as the import will (encodeImportBlock), only to count those it could not. */
export function checkImportBlock(block: ImportBlock): Promise<CheckedLines> {
  // Never yields: a worker has no one else to answer meanwhile.
  return checkLines(importedRecords(block.text, block.format, block.partitionCount, block.keep, {}, block.firstLine), Number.POSITIVE_INFINITY);
}

/**
 * Builds a burst's records `from`–`to` with its template and encodes them: rendered straight
 * into bytes where burst-bytes.ts covers the draft, else built by message-factory.ts.
 */
export function encodeBurstBlock(block: BurstBlock): Promise<EncodedBlock> {
  // Built first either way: its checks (and their errors) are every burst's.
  const build = messageFactory(block.draft, block.partitionCount);
  return encodeRenderedBurst(block.draft, block.partitionCount, block.from, block.to, block.compression) ?? encodeBuilt(block.from, block.to, build, block.compression);
}

/** Records `from`–`to` as each partition's record batches, in order; a record that cannot be built is counted by its reason. */
async function encodeBuilt(from: number, to: number, build: (seq: number) => OutgoingRecord, compression: Compression): Promise<EncodedBlock> {
  const byPartition = new Map<number, OutgoingRecord[]>();
  const failures = new Map<string, number>();
  for (let seq = from; seq <= to; seq++) {
    let record: OutgoingRecord;
    try {
      record = build(seq);
    } catch (error) {
      const reason = (error as Error).message;
      failures.set(reason, (failures.get(reason) ?? 0) + 1);
      continue;
    }
    const list = byPartition.get(record.partition);
    if (list) list.push(record);
    else byPartition.set(record.partition, [record]);
  }
  const partitions = await Promise.all(
    [...byPartition].map(async ([partition, records]): Promise<[number, Buffer[], number]> => [partition, await encodeRecordBatches(records, compression, MAX_BATCH_BYTES), records.length]),
  );
  return { partitions, failures: [...failures] };
}
