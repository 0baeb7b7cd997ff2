import type { GroupType } from '../../../shared/api';

/** One line per group type, for tooltips and the detail page. */
export const GROUP_TYPE_EXPLAINED: Record<GroupType, string> = {
  classic: 'Classic consumer group: members rebalance through the client-side protocol (JoinGroup/SyncGroup).',
  consumer: 'Consumer group on the new protocol (KIP-848): the broker assigns partitions and members reconcile towards their target one by one.',
  share: 'Share group (KIP-932, queues for Kafka): several members read the same partition and acknowledge records one by one, so there is a start offset per partition rather than a commit per member.',
  streams: 'Kafka Streams group on the streams protocol (KIP-1071).',
};
