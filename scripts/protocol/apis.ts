/**
 * The Kafka APIs the app speaks through the generated codec (names as in Kafka's
 * `common/message/<Name>Request.json`). Add one here and run `npm run protocol:generate`.
 * Fetch, Produce and record batches stay hand-tuned in src/main/kafka/kafkajs/raw.
 */
export const PROTOCOL_SOURCE_VERSION = '4.4.0';

export const APIS = [
  'AlterClientQuotas',
  'AlterPartitionReassignments',
  'AlterShareGroupOffsets',
  'AlterUserScramCredentials',
  'ConsumerGroupDescribe',
  'DeleteGroups',
  'DeleteShareGroupOffsets',
  'DescribeClientQuotas',
  'DescribeCluster',
  'DescribeConfigs',
  'DescribeGroups',
  'DescribeProducers',
  'DescribeQuorum',
  'DescribeShareGroupOffsets',
  'DescribeTransactions',
  'DescribeUserScramCredentials',
  'ElectLeaders',
  'FindCoordinator',
  'IncrementalAlterConfigs',
  'ListGroups',
  'ListOffsets',
  'ListPartitionReassignments',
  'ListTransactions',
  'OffsetCommit',
  'OffsetDelete',
  'OffsetFetch',
  'ShareGroupDescribe',
  'StreamsGroupDescribe',
  'WriteTxnMarkers',
] as const;
