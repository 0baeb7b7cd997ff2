import { AppError } from '../../../shared/errors';
import type { ElectionResult, ReassignmentPort, ReassignmentResult } from '../ports/reassignment';
import { sendApi } from '../protocol/send-api';
import { AlterPartitionReassignments } from '../protocol/generated/alter-partition-reassignments';
import { ElectLeaders } from '../protocol/generated/elect-leaders';
import { ListPartitionReassignments } from '../protocol/generated/list-partition-reassignments';
import { protocolHint, rethrowAsAppError } from './errors';
import type { InternalBroker, InternalCluster } from './internals';
import { errorNameForCode } from './protocol-errors';
import { incrementalAlterConfigs, ResourceType } from './raw/incremental-alter-configs';
import { anyReachableBroker } from './any-broker';

/** A top-level error of an admin response as the app's error. */
function throwIfTopLevel(errorCode: number, errorMessage: string | null, context: string): void {
  if (errorCode === 0) return;
  const code = errorNameForCode(errorCode);
  const hint = protocolHint(code);
  throw new AppError({ name: 'KafkaProtocolError', code, message: `${context}: ${errorMessage ?? code}`, retriable: false, ...(hint ? { hint } : {}) });
}

const byTopic = <T extends { topic: string }>(items: T[]): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(item.topic, [...(map.get(item.topic) ?? []), item]);
  return map;
};

/** Reassignments and leader elections through the generated codec, sent to the controller (KRaft brokers forward them anyway). */
export function createReassignmentPort(getCluster: () => Promise<InternalCluster>, requestTimeoutMs: number): ReassignmentPort {
  const controller = async (context: string): Promise<InternalBroker> => {
    const cluster = await getCluster();
    await cluster.refreshMetadata().catch(rethrowAsAppError(context));
    return cluster.findControllerBroker().catch(rethrowAsAppError(context));
  };
  const timeoutMs = Math.max(1_000, requestTimeoutMs - 2_000);

  return {
    async listReassignments() {
      const context = 'Listing reassignments';
      const broker = await controller(context);
      const { response } = await sendApi(broker, ListPartitionReassignments, { timeoutMs, topics: null }).catch(rethrowAsAppError(context));
      throwIfTopLevel(response.errorCode, response.errorMessage, context);
      return response.topics
        .flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partitionIndex, replicas: p.replicas, addingReplicas: p.addingReplicas, removingReplicas: p.removingReplicas })))
        .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    },

    async alterReassignments(targets) {
      const context = 'Reassigning partitions';
      const broker = await controller(context);
      const topics = [...byTopic(targets)].map(([name, parts]) => ({ name, partitions: parts.map((p) => ({ partitionIndex: p.partition, replicas: p.replicas })) }));
      // v1+ refuses replication factor changes unless allowed: changing it is one of the plans here.
      const { response } = await sendApi(broker, AlterPartitionReassignments, { timeoutMs, allowReplicationFactorChange: true, topics }).catch(rethrowAsAppError(context));
      throwIfTopLevel(response.errorCode, response.errorMessage, context);
      return response.responses.flatMap((t) =>
        t.partitions.map((p): ReassignmentResult => ({ topic: t.name, partition: p.partitionIndex, error: p.errorCode === 0 ? null : errorNameForCode(p.errorCode), message: p.errorMessage })),
      );
    },

    async electLeaders(type, partitions) {
      const context = type === 'preferred' ? 'Electing preferred leaders' : 'Electing an unclean leader';
      const broker = await controller(context);
      const topicPartitions = [...byTopic(partitions)].map(([topic, parts]) => ({ topic, partitions: parts.map((p) => p.partition) }));
      const { response } = await sendApi(broker, ElectLeaders, { electionType: type === 'preferred' ? 0 : 1, topicPartitions, timeoutMs }).catch(rethrowAsAppError(context));
      throwIfTopLevel(response.errorCode, null, context);
      return response.replicaElectionResults.flatMap((t) =>
        t.partitionResult.map((p): ElectionResult => ({ topic: t.topic, partition: p.partitionId, error: p.errorCode === 0 ? null : errorNameForCode(p.errorCode), message: p.errorMessage })),
      );
    },

    async alterBrokerConfigs(nodeId, changes, validateOnly = false) {
      const cluster = await getCluster();
      // A broker's own configs go to that broker; the cluster-wide default ("" as the name) to any.
      const broker = nodeId === null ? await anyReachableBroker(cluster) : await cluster.findBroker({ nodeId });
      await incrementalAlterConfigs(broker, { type: ResourceType.Broker, name: nodeId === null ? '' : String(nodeId) }, changes, validateOnly).catch(rethrowAsAppError());
    },
  };
}
