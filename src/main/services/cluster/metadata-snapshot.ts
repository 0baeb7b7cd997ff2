import type { KafkaClient } from '../../kafka/client';
import type { ClusterDescription, TopicMetadata } from '../../kafka/ports/metadata';

export interface MetadataSnapshot {
  cluster: ClusterDescription;
  topics: TopicMetadata[];
  takenAt: number;
}

/**
 * Overview, brokers and topics all need the full metadata. One snapshot serves the calls a
 * view makes together (single flight, short max age), so a 25,000-partition cluster is asked
 * once per refresh, not three times.
 */
export class MetadataSnapshots {
  private readonly cache = new WeakMap<KafkaClient, { at: number; value: Promise<MetadataSnapshot> }>();

  constructor(private readonly maxAgeMs = 1_500) {}

  get(client: KafkaClient, options: { fresh?: boolean } = {}): Promise<MetadataSnapshot> {
    const hit = this.cache.get(client);
    if (hit && !options.fresh && Date.now() - hit.at < this.maxAgeMs) return hit.value;
    const value = Promise.all([client.describeCluster(), client.fetchMetadata()]).then(([cluster, topics]) => ({
      cluster,
      topics,
      takenAt: Date.now(),
    }));
    this.cache.set(client, { at: Date.now(), value });
    value.catch(() => this.cache.delete(client));
    return value;
  }

  /** After a change to the cluster (a topic created or deleted), the next view must not see the old one. */
  invalidate(client: KafkaClient): void {
    this.cache.delete(client);
  }
}

export function isUnderReplicated(p: { replicas: number[]; isr: number[] }): boolean {
  return p.isr.length < p.replicas.length;
}

export function isOffline(p: { leader: number }): boolean {
  return p.leader < 0;
}
