import type { BurstSummary, MessageDraft, ProduceProgress, SendOptions } from '../../../shared/api';
import type { ProducerPort } from '../../kafka/ports/producer';
import { runBlocks } from './block-run';
import { blocksOf, encodeBurstBlock, encodeImportBlock, type BlockRange, type BurstBlock, type CheckedLines, type ImportBlock } from './import-block';
import type { ImportKeep } from './import-file';
import type { ImportPool } from './import-pool';

interface RunContext {
  runId: string;
  topic: string;
  options: NonNullable<SendOptions>;
  signal: AbortSignal;
  onProgress(progress: ProduceProgress): void;
}

/** Records per block of a burst: about 2 MB of 200 B messages. */
export const BURST_BLOCK = 10_000;

/**
 * Imports a file without schemas: its blocks are read and encoded in the pool's workers (or
 * inline without one) and sent in the file's order (see runBlocks). A block the pool could not
 * encode (its worker failed) is encoded here instead: nothing is skipped.
 */
export function runImport(producer: ProducerPort, plan: RunContext & ImportedFile, pool: ImportPool | null): Promise<BurstSummary> {
  const { blocks, lines } = blocksOf(plan.content);
  const block = (i: number) => importBlock(plan, blocks[i]!, plan.options.compression);
  return runBlocks(producer, {
    ...plan,
    total: lines,
    blocks: blocks.length,
    records: (i) => blocks[i]!.lines,
    encode: (i) => (pool ? pool.encode({ lines: block(i) }).catch(() => encodeImportBlock(block(i))) : encodeImportBlock(block(i))),
    ahead: pool ? pool.size * 2 : 1,
    ordered: true,
  });
}

/** An imported file without schemas, as it is read. */
interface ImportedFile {
  content: string;
  format: 'ndjson' | 'lines';
  partitionCount: number;
  keep: ImportKeep;
}

function importBlock(file: ImportedFile, range: BlockRange, compression: ImportBlock['compression']): ImportBlock {
  return { text: file.content.slice(range.start, range.end), firstLine: range.firstLine, format: file.format, partitionCount: file.partitionCount, keep: file.keep, compression };
}

/**
 * The import preview's check of a file without schemas (every line read as the import will), in
 * the pool's workers block by block: main only cuts the file into blocks, so it stays free for
 * the window and live tails, and the two workers take half the time main alone would. A few
 * blocks at a time, so a big file is not copied to the workers all at once.
 */
export async function checkImportInPool(file: ImportedFile, pool: ImportPool, blockChars?: number): Promise<{ total: number } & CheckedLines> {
  const { blocks, lines } = blocksOf(file.content, blockChars);
  const checked: CheckedLines[] = [];
  const window = pool.size * 2;
  for (let at = 0; at < blocks.length; at += window) {
    checked.push(...(await Promise.all(blocks.slice(at, at + window).map((range) => pool.check(importBlock(file, range, 'none'))))));
  }
  return { total: lines, invalid: checked.reduce((n, c) => n + c.invalid, 0), firstInvalid: checked.find((c) => c.firstInvalid)?.firstInvalid ?? null };
}

/** A full-speed burst without schemas, built and encoded in the pool's workers block by block. */
export function runPooledBurst(producer: ProducerPort, plan: RunContext & { draft: MessageDraft; count: number; partitionCount: number }, pool: ImportPool): Promise<BurstSummary> {
  const blocks = Math.ceil(plan.count / BURST_BLOCK);
  const block = (i: number): BurstBlock => ({ draft: plan.draft, partitionCount: plan.partitionCount, from: i * BURST_BLOCK + 1, to: Math.min(plan.count, (i + 1) * BURST_BLOCK), compression: plan.options.compression });
  return runBlocks(producer, {
    ...plan,
    total: plan.count,
    blocks,
    records: (i) => block(i).to - block(i).from + 1,
    encode: (i) => pool.encode({ burst: block(i) }).catch(() => encodeBurstBlock(block(i))),
    ahead: pool.size * 2,
    ordered: false,
  });
}
