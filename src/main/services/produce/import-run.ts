import type { BurstSummary, MessageDraft, ProduceProgress, SendOptions } from '../../../shared/api';
import type { ProducerPort } from '../../kafka/ports/producer';
import { runBlocks } from './block-run';
import { blocksOf, encodeBurstBlock, encodeImportBlock, type BurstBlock, type ImportBlock } from './import-block';
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
export function runImport(producer: ProducerPort, plan: RunContext & { content: string; format: 'ndjson' | 'lines'; partitionCount: number; keep: ImportKeep }, pool: ImportPool | null): Promise<BurstSummary> {
  const { blocks, lines } = blocksOf(plan.content);
  const block = (i: number): ImportBlock => {
    const range = blocks[i]!;
    return { text: plan.content.slice(range.start, range.end), firstLine: range.firstLine, format: plan.format, partitionCount: plan.partitionCount, keep: plan.keep, compression: plan.options.compression };
  };
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
