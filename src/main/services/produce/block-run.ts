import type { BurstSummary, ProduceProgress, SendOptions } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { ProducerPort } from '../../kafka/ports/producer';
import { BurstTally } from './burst-tally';
import type { EncodedBlock } from './import-block';

export interface BlockPlan {
  runId: string;
  topic: string;
  options: NonNullable<SendOptions>;
  signal: AbortSignal;
  onProgress(progress: ProduceProgress): void;
  /** Records in all the blocks (for progress). */
  total: number;
  blocks: number;
  /** Reads and encodes block i (in a worker or inline); a failure counts its `records` as failed. */
  encode(i: number): Promise<EncodedBlock>;
  /** Records in block i. */
  records(i: number): number;
  /** Blocks encoded ahead of the one being sent: enough to keep the workers busy, few enough to bound memory. */
  ahead: number;
  /** One send at a time, each only once the one before is acknowledged: every partition gets the blocks' records in order. */
  ordered: boolean;
}

/** Sends at full speed with this many blocks in flight when order does not matter. */
const IN_FLIGHT = 4;

/**
 * Sends blocks of records encoded elsewhere (a burst's or an imported file's, see import-pool.ts),
 * in block order. Records that could not be built are counted with their reason; a block that
 * fails as a whole counts each of its records as failed, and the run goes on; cancelling stops
 * sending and waits for the sends in flight.
 */
export async function runBlocks(producer: ProducerPort, plan: BlockPlan): Promise<BurstSummary> {
  const tally = new BurstTally(plan.runId, plan.total, plan.onProgress);
  const encoding: Promise<EncodedBlock>[] = [];
  let next = 0;
  const encodeNext = () => {
    if (next >= plan.blocks) return;
    const i = next++;
    encoding.push(plan.encode(i).catch((error: unknown) => ({ partitions: [], failures: [[(error as Error).message ?? String(error), plan.records(i)]] })));
  };
  while (encoding.length < plan.ahead && next < plan.blocks) encodeNext();

  let unsent = plan.total;
  const inFlight = new Set<Promise<void>>();
  const send = async (encoded: EncodedBlock, count: number) => {
    try {
      await producer.produceBatches(plan.topic, new Map(encoded.partitions.map(([p, batches]) => [p, batches])), plan.options);
      tally.sent(encoded.partitions.map(([p, , records]) => [p, records]));
    } catch (error) {
      tally.fail(AppError.is(error) ? error.message : String(error), count);
    }
    tally.progress();
  };
  while (encoding.length > 0 && !plan.signal.aborted) {
    const encoded = await encoding.shift()!;
    for (const [reason, count] of encoded.failures) tally.fail(reason, count);
    unsent -= encoded.failures.reduce((n, [, count]) => n + count, 0);
    const count = encoded.partitions.reduce((n, [, , records]) => n + records, 0);
    unsent -= count;
    if (count > 0) {
      if (plan.ordered) await Promise.all(inFlight);
      const p = send(encoded, count).finally(() => inFlight.delete(p));
      inFlight.add(p);
      // The next block is encoded while the broker takes this one (inline, that is main's own time).
      encodeNext();
      if (plan.ordered || inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    } else {
      encodeNext();
      tally.progress();
    }
  }
  await Promise.all(inFlight);
  return tally.summary(plan.signal.aborted && unsent > 0);
}
