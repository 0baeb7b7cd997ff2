import type { ReassignmentOutcome, ReassignmentProgress, ReassignmentProgressRow } from '../../../shared/api/reassignment';
import { AppError, ErrorCode } from '../../../shared/errors';
import { diffPlan, partitionKey, planProblems, type PartitionTarget } from '../../../shared/reassignment/plan';
import { throttlePlan, type ThrottlePlan } from '../../../shared/reassignment/throttle';
import type { KafkaClient } from '../../kafka/client';
import { loadAssignment, sizesByBroker } from './assignment';
import type { ThrottleJanitor } from './throttle-janitor';
import { findThrottles, removeThrottles, setThrottles, throttlesOf } from './throttles';

/**
 * Starts a plan: checks it against the cluster as it is now, sets the throttle (when asked and
 * when anything is copied), then asks the controller to move. The janitor removes the
 * throttle when the moves are done; if the controller accepts none, it is removed at once.
 */
export async function applyPlan(
  client: KafkaClient,
  janitor: ThrottleJanitor,
  connectionId: string,
  targets: PartitionTarget[],
  throttleBytesPerSec: number | null,
): Promise<{ results: ReassignmentOutcome[]; throttle: ThrottlePlan | null }> {
  const topics = [...new Set(targets.map((t) => t.topic))];
  const { brokers, partitions } = await loadAssignment(client, topics);
  const problems = planProblems(partitions, targets, brokers);
  if (problems.length > 0) {
    throw new AppError({ name: 'ValidationError', code: ErrorCode.Validation, message: `The plan cannot be applied: ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`, retriable: false });
  }
  const moves = diffPlan(partitions, targets);
  if (moves.length === 0) return { results: [], throttle: null };
  const plan = throttleBytesPerSec ? throttlePlan(moves) : null;
  const throttled = plan && plan.brokers.length > 0 ? plan : null;
  if (throttled) await setThrottles(client, throttled, throttleBytesPerSec!);
  let results: ReassignmentOutcome[];
  try {
    results = await client.alterReassignments(moves.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.replicas })));
  } catch (error) {
    if (throttled) await removeThrottles(client, throttlesOf(throttled));
    throw error;
  }
  const accepted = results.filter((r) => r.error === null);
  if (throttled) {
    if (accepted.length === 0) await removeThrottles(client, throttlesOf(throttled));
    else janitor.watch(connectionId, accepted, throttlesOf(throttled));
  }
  return { results, throttle: throttled };
}

/** The moves in progress, how far each new replica has copied, and every throttle left on the cluster. */
export async function reassignmentProgress(client: KafkaClient, janitor: ThrottleJanitor, connectionId: string): Promise<ReassignmentProgress> {
  const ongoing = await client.listReassignments();
  await janitor.check(connectionId, ongoing);
  const topics = [...new Set(ongoing.map((o) => o.topic))];
  const nodeIds = [...new Set(ongoing.flatMap((o) => o.replicas))];
  const sizes = topics.length > 0 ? sizesByBroker(await client.describeLogDirs(nodeIds, topics)) : new Map<string, Map<number, number>>();
  const rows = ongoing.map((o): ReassignmentProgressRow => {
    const perBroker = sizes.get(partitionKey(o));
    // The target size is what the replicas that stay (not being added) hold.
    const sources = o.replicas.filter((r) => !o.addingReplicas.includes(r)).map((r) => perBroker?.get(r)).filter((s): s is number => s !== undefined);
    return {
      ...o,
      sizeBytes: sources.length > 0 ? Math.max(...sources) : null,
      copied: o.addingReplicas.map((nodeId) => ({ nodeId, bytes: perBroker?.get(nodeId) ?? null })),
    };
  });
  return { ongoing: rows, throttles: await findThrottles(client), cleanup: janitor.status(connectionId) };
}

/** Cancels moves in progress: each partition keeps the replicas it had before. */
export async function cancelMoves(client: KafkaClient, partitions: { topic: string; partition: number }[]): Promise<ReassignmentOutcome[]> {
  return client.alterReassignments(partitions.map((p) => ({ ...p, replicas: null })));
}

/** Removes every reassignment throttle found on the cluster. */
export async function removeAllThrottles(client: KafkaClient) {
  const found = await findThrottles(client);
  const failed = await removeThrottles(client, found);
  return { removed: found.filter((f) => !failed.includes(f)), left: await findThrottles(client) };
}
