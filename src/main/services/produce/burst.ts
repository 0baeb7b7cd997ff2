import type { BurstSummary, ProduceProgress, SendOptions } from '../../../shared/api';
import type { OutgoingRecord, ProducerPort } from '../../kafka/ports/producer';
import { AppError } from '../../../shared/errors';
import { abortableSleep } from '../abortable-sleep';
import { BurstTally } from './burst-tally';

type Options = NonNullable<SendOptions>;

export interface BurstPlan {
  runId: string;
  topic: string;
  total: number;
  /** Builds record `seq` (1-based); may throw (a template or a file line that does not parse). */
  record(seq: number): OutgoingRecord;
  ratePerSecond: number | null;
  /** One send at a time: each partition gets the records in `seq` order (an imported file's order). */
  ordered?: boolean;
  options: Options;
  signal: AbortSignal;
  onProgress(progress: ProduceProgress): void;
}

/**
 * Records and bytes per send. The producer splits each partition's share into record batches
 * the broker accepts, so a send can be large: fewer, bigger requests keep a burst fast.
 */
const MAX_BATCH = 5000;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const IN_FLIGHT = 4;

/**
 * Sends a burst in batches of up to 5,000 records with a few batches in flight (full speed),
 * or paced to a rate. Every failure is counted with its reason; progress is pushed at most
 * every 100 ms; cancelling stops building batches and waits for those already sent.
 */
export async function runBurst(producer: ProducerPort, plan: BurstPlan): Promise<BurstSummary> {
  const started = Date.now();
  const tally = new BurstTally(plan.runId, plan.total, plan.onProgress);
  let next = 1;
  const batchSize = plan.ratePerSecond ? Math.max(1, Math.min(MAX_BATCH, Math.ceil(plan.ratePerSecond / 10))) : MAX_BATCH;

  const buildBatch = (): OutgoingRecord[] => {
    const batch: OutgoingRecord[] = [];
    let bytes = 0;
    while (batch.length < batchSize && bytes < MAX_BATCH_BYTES && next <= plan.total) {
      const seq = next++;
      try {
        const record = plan.record(seq);
        batch.push(record);
        bytes += recordSize(record);
      } catch (error) {
        tally.fail((error as Error).message, 1);
      }
    }
    return batch;
  };

  // Counted before sending, so nothing holds the records while they are out (only their bytes):
  // they die young, which keeps garbage collection cheap in a big burst.
  const sendBatch = (batch: OutgoingRecord[]) => settle(producer.produce(plan.topic, batch, plan.options), countByPartition(batch), batch.length);
  const settle = async (sending: Promise<unknown>, counts: Map<number, number>, size: number) => {
    try {
      await sending;
      tally.sent(counts);
    } catch (error) {
      tally.fail(AppError.is(error) ? error.message : String(error), size);
    }
    tally.progress();
  };

  const inFlight = new Set<Promise<void>>();
  while (next <= plan.total && !plan.signal.aborted) {
    if (plan.ratePerSecond) {
      // Pace: record `next` is due at (next - 1) / rate seconds after the start.
      const due = started + ((next - 1) * 1000) / plan.ratePerSecond;
      const wait = due - Date.now();
      if (wait > 0) await abortableSleep(wait, plan.signal);
      if (plan.signal.aborted) break;
    }
    const batch = buildBatch();
    if (batch.length === 0) {
      tally.progress();
      continue;
    }
    // Ordered: a batch goes only once the one before is acknowledged (concurrent sends may reach
    // a partition out of order), but the next batch is built while the broker handles this one.
    if (plan.ordered) await Promise.all(inFlight);
    const p = sendBatch(batch).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (plan.ordered) await new Promise((r) => setImmediate(r)); // lets its request go out first
    else if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return tally.summary(plan.signal.aborted && next <= plan.total);
}

function countByPartition(batch: OutgoingRecord[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const r of batch) counts.set(r.partition, (counts.get(r.partition) ?? 0) + 1);
  return counts;
}

/** Roughly what a record takes in a batch: its bytes plus a few bytes of framing. */
function recordSize(r: OutgoingRecord): number {
  let size = 24 + (r.key?.length ?? 0) + (r.value?.length ?? 0);
  for (const h of r.headers) size += h.key.length + h.value.length + 4;
  return size;
}
