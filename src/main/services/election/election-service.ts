import type { ElectionCandidate, ElectionScope } from '../../../shared/api/election';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { KafkaClient } from '../../kafka/client';
import type { TopicMetadata } from '../../kafka/ports/metadata';

/** Sorts the scope's partitions into: fixable by a preferred election, not fixable (preferred out of sync), offline. */
export function electionCandidates(metadata: TopicMetadata[], scope: ElectionScope) {
  const all: ElectionCandidate[] = metadata
    .filter((t) => (scope.kind === 'topic' ? t.name === scope.topic : true))
    .flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition, leader: p.leader, preferred: p.replicas[0] ?? -1, replicas: p.replicas, isr: p.isr })))
    .filter((c) => (scope.kind === 'broker' ? c.preferred === scope.nodeId : true))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const offline = all.filter((c) => c.leader < 0);
  const led = all.filter((c) => c.leader >= 0 && c.leader !== c.preferred);
  return { notPreferred: led.filter((c) => c.isr.includes(c.preferred)), preferredOutOfSync: led.filter((c) => !c.isr.includes(c.preferred)), offline };
}

export async function listCandidates(client: KafkaClient, scope: ElectionScope) {
  const metadata = await client.fetchMetadata(scope.kind === 'topic' ? [scope.topic] : undefined);
  return electionCandidates(metadata.filter((t) => !t.internal || scope.kind === 'topic'), scope);
}

/**
 * Runs the election. An unclean one is only sent for partitions that are offline right now:
 * on a partition with a leader it would do nothing, and a stale view must not make it lose data.
 */
export async function runElection(client: KafkaClient, type: 'preferred' | 'unclean', partitions: { topic: string; partition: number }[]) {
  if (type === 'unclean') {
    const metadata = await client.fetchMetadata([...new Set(partitions.map((p) => p.topic))]);
    const led = partitions.filter((p) => metadata.find((t) => t.name === p.topic)?.partitions.find((x) => x.partition === p.partition)?.leader !== -1);
    if (led.length > 0) {
      throw new AppError({ name: 'ValidationError', code: ErrorCode.Validation, message: `Not offline any more: ${led.map((p) => `${p.topic}-${p.partition}`).join(', ')}. An unclean election is only for partitions without a leader.`, retriable: false });
    }
  }
  return client.electLeaders(type, partitions);
}
