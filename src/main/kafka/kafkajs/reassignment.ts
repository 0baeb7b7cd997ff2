import type { ReassignmentPort, ReassignmentResult } from '../ports/reassignment';
import { rethrowAsAppError } from './errors';
import type { InternalBroker, InternalCluster } from './internals';
import { incrementalAlterConfigs, ResourceType } from './raw/incremental-alter-configs';
import { anyReachableBroker } from './any-broker';

/** kafkajs' internal broker has both reassignment requests (v0); its admin wraps them with retries we do not want. */
interface ReassigningBroker extends InternalBroker {
  listPartitionReassignments(request: { topics: null; timeout: number }): Promise<{
    topics: { name: string; partitions: { partition: number; replicas: number[]; addingReplicas: number[]; removingReplicas: number[] }[] }[];
  }>;
  alterPartitionReassignments(request: { topics: { topic: string; partitionAssignment: { partition: number; replicas: number[] }[] }[]; timeout: number }): Promise<unknown>;
}

interface PartitionFailure {
  topic?: string;
  partition?: number;
  type?: string;
  message?: string;
}

/** Reassignments through kafkajs' own requests, sent to the controller (KRaft brokers forward them anyway). */
export function createReassignmentPort(getCluster: () => Promise<InternalCluster>, requestTimeoutMs: number): ReassignmentPort {
  const controller = async (context: string): Promise<ReassigningBroker> => {
    const cluster = await getCluster();
    await cluster.refreshMetadata().catch(rethrowAsAppError(context));
    return (await cluster.findControllerBroker().catch(rethrowAsAppError(context))) as ReassigningBroker;
  };
  const timeout = Math.max(1_000, requestTimeoutMs - 2_000);

  return {
    async listReassignments() {
      const broker = await controller('Listing reassignments');
      const response = await broker.listPartitionReassignments({ topics: null, timeout }).catch(rethrowAsAppError('Listing reassignments'));
      return response.topics
        .flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition, replicas: p.replicas, addingReplicas: p.addingReplicas, removingReplicas: p.removingReplicas })))
        .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    },

    async alterReassignments(targets) {
      if (targets.some((t) => t.replicas === null)) {
        throw new Error('Cancelling a reassignment needs AlterPartitionReassignments with null replicas, which kafkajs cannot send.');
      }
      const byTopic = new Map<string, { partition: number; replicas: number[] }[]>();
      for (const t of targets) byTopic.set(t.topic, [...(byTopic.get(t.topic) ?? []), { partition: t.partition, replicas: t.replicas ?? [] }]);
      const broker = await controller('Starting the reassignment');
      const ok = (): ReassignmentResult[] => targets.map((t) => ({ topic: t.topic, partition: t.partition, error: null, message: null }));
      try {
        await broker.alterPartitionReassignments({ topics: [...byTopic].map(([topic, partitionAssignment]) => ({ topic, partitionAssignment })), timeout });
        return ok();
      } catch (error) {
        // kafkajs throws one aggregate for the partitions that failed; the others were accepted.
        const failures = (error as { errors?: PartitionFailure[] }).errors;
        if (!Array.isArray(failures)) return rethrowAsAppError('Starting the reassignment')(error);
        return ok().map((r) => {
          const f = failures.find((x) => x.topic === r.topic && x.partition === r.partition);
          return f ? { ...r, error: f.type ?? 'UNKNOWN_SERVER_ERROR', message: f.message ?? null } : r;
        });
      }
    },

    async alterBrokerConfigs(nodeId, changes) {
      const cluster = await getCluster();
      const target = nodeId === null ? '' : String(nodeId);
      // A broker's own configs must be sent to that broker; the cluster-wide default to any.
      const broker = nodeId === null ? await anyReachableBroker(cluster) : await cluster.findBroker({ nodeId });
      await incrementalAlterConfigs(broker, { type: ResourceType.Broker, name: target }, changes, false).catch(rethrowAsAppError());
    },
  };
}
