import type { BrokerInfo, BrokerLogDirUsage, ControllerInfo } from '../../../shared/api';
import type { BrokerLogDirs, QuorumDescription } from '../../kafka/ports/brokers';
import type { BrokerNode } from '../../kafka/ports/metadata';
import type { BrokerCounts, SeenBroker } from './last-seen-brokers';
import type { MetadataSnapshot } from './metadata-snapshot';

export const NOT_IN_METADATA = 'no longer in the cluster metadata (stopped, fenced or removed)';

/** The active controller: the quorum leader when the quorum answered, else what the metadata names. */
export function controllerFrom(quorum: QuorumDescription | null, brokers: BrokerNode[], metadataControllerId: number, note: string | null): ControllerInfo {
  if (quorum) {
    const member = (m: QuorumDescription['voters'][number]) => ({ nodeId: m.nodeId, lag: m.lag, lastFetchAt: m.lastFetchTimestamp });
    return {
      nodeId: quorum.leaderId,
      source: 'quorum',
      isBroker: brokers.some((b) => b.nodeId === quorum.leaderId),
      leaderEpoch: quorum.leaderEpoch,
      voters: quorum.voters.map(member),
      observers: quorum.observers.map(member),
      note: null,
    };
  }
  return {
    nodeId: metadataControllerId,
    source: 'metadata',
    isBroker: brokers.some((b) => b.nodeId === metadataControllerId),
    leaderEpoch: null,
    voters: [],
    observers: [],
    note: note ?? 'The cluster does not answer DescribeQuorum (ZooKeeper mode or Kafka before 3.3): this is the controller the metadata names.',
  };
}

/** Leaders and replicas per broker, as this metadata credits them. */
export function countsByBroker(snapshot: MetadataSnapshot): Map<number, BrokerCounts> {
  const counts = new Map<number, BrokerCounts>();
  const of = (id: number) => counts.get(id) ?? (counts.set(id, { leaderCount: 0, replicaCount: 0 }), counts.get(id)!);
  for (const topic of snapshot.topics) {
    for (const p of topic.partitions) {
      if (p.leader >= 0) of(p.leader).leaderCount++;
      for (const r of p.replicas) of(r).replicaCount++;
    }
  }
  return counts;
}

/**
 * One row per broker ever seen on the connection: metadata counts, disk per log dir, quorum
 * role, and online/unreachable. Pure, so the rules are unit-tested without a cluster.
 *
 * An online broker's leaders and replicas are the metadata's now. An unreachable one's are its
 * last-known figures, from when it last answered (`lastSeenAt`): what the metadata credits it
 * with afterwards is no fact about a broker that does not answer (for seconds after a crash it
 * still names it leader; once fenced, it says nothing). Only a broker that never answered shows
 * what the metadata says now. The window marks both as not current.
 */
export function buildBrokerRows(input: {
  snapshot: MetadataSnapshot;
  seen: Map<number, SeenBroker>;
  logDirs: BrokerLogDirs[];
  controller: ControllerInfo;
  now: number;
}): BrokerInfo[] {
  const { snapshot, seen, logDirs, controller, now } = input;
  const current = countsByBroker(snapshot);
  const listed = new Set(snapshot.cluster.brokers.map((b) => b.nodeId));
  const dirsOf = new Map(logDirs.map((d) => [d.nodeId, d]));
  const quorumMember = (id: number) => controller.voters.find((v) => v.nodeId === id) ?? controller.observers.find((o) => o.nodeId === id);

  return [...seen.values()].map(({ node, lastSeenAt, lastCounts }) => {
    const dirs = dirsOf.get(node.nodeId);
    const answered = listed.has(node.nodeId) && dirs?.reachable === true;
    const usage: BrokerLogDirUsage[] = (dirs?.logDirs ?? []).map((d) => ({
      path: d.path,
      error: d.error,
      usedBytes: d.replicas.reduce((sum, r) => sum + r.sizeBytes, 0),
      replicaCount: d.replicas.length,
      totalBytes: d.totalBytes,
      usableBytes: d.usableBytes,
    }));
    const member = quorumMember(node.nodeId);
    const counts = (answered ? current.get(node.nodeId) : (lastCounts ?? current.get(node.nodeId))) ?? { leaderCount: 0, replicaCount: 0 };
    return {
      nodeId: node.nodeId,
      host: node.host,
      port: node.port,
      rack: node.rack,
      isController: node.nodeId === controller.nodeId,
      quorumRole: node.nodeId === controller.nodeId && controller.source === 'quorum' ? 'leader' : controller.voters.some((v) => v.nodeId === node.nodeId) ? 'voter' : controller.observers.some((o) => o.nodeId === node.nodeId) ? 'observer' : null,
      quorumLag: member?.lag ?? null,
      leaderCount: counts.leaderCount,
      replicaCount: counts.replicaCount,
      status: answered ? 'online' : 'unreachable',
      statusReason: answered ? null : !listed.has(node.nodeId) ? NOT_IN_METADATA : (dirs?.error ?? 'did not answer'),
      lastSeenAt: answered ? now : lastSeenAt,
      diskUsedBytes: answered && !dirs?.error ? usage.reduce((sum, d) => sum + d.usedBytes, 0) : null,
      diskError: answered ? (dirs?.error ?? null) : null,
      logDirs: usage,
    };
  });
}
