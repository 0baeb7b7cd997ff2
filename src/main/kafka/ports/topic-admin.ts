/** Topic administration and configuration, independent of the client library. */

import type { ConfigEntry } from '../../../shared/api/configs';

export type { ConfigEntry, ConfigSource } from '../../../shared/api/configs';

export interface NewTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

/** A value sets the config; null removes the override so the default applies again. */
export interface ConfigChange {
  name: string;
  value: string | null;
}

export interface TopicAdminPort {
  /** With validateOnly the broker checks everything and creates nothing. Waits until the brokers know the topic. */
  createTopic(topic: NewTopic, validateOnly: boolean): Promise<void>;
  /** Returns once the metadata no longer lists the topic (or after a bounded wait). */
  deleteTopic(name: string): Promise<void>;
  createPartitions(topic: string, totalCount: number, validateOnly: boolean): Promise<void>;
  /** Every config of each topic, or only `keys` when given; one request per batch of topics. */
  describeTopicConfigs(topics: string[], options?: { keys?: string[]; documentation?: boolean }): Promise<Map<string, ConfigEntry[]>>;
  /** Changes only the named configs (IncrementalAlterConfigs), leaving every other override as it is. */
  alterTopicConfigs(topic: string, changes: ConfigChange[], validateOnly: boolean): Promise<void>;
  /** Deletes the records before `offset` in each partition; returns the new low watermarks. */
  deleteRecords(topic: string, before: { partition: number; offset: string }[]): Promise<{ partition: number; lowWatermark: string }[]>;
}
