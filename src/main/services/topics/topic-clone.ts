import { CopyOptions, CopySource, type CopyProgress, type CopySummary } from '../../../shared/api';
import { appError, ErrorCode } from '../../../shared/errors';
import type { KafkaClient } from '../../kafka/client';
import { runCopy } from '../copy/copy-job';
import { cloneConfigs, type ClonePlan } from './clone-plan';
import type { TopicAdminService } from './topic-admin-service';

/** Every message from the beginning to the end when the copy starts, unfiltered. */
const WHOLE_TOPIC = CopySource.parse({ kind: 'range', position: { kind: 'beginning' } });
/** Keys, headers, create times and partitions as they are (the defaults of a copy). */
const KEEP_ALL = CopyOptions.parse(undefined);

export interface CloneRequest extends ClonePlan {
  topic: string;
  name: string;
  copyData: boolean;
  runId: string;
}

/**
 * Clone topic: what the dialog prefills, and the clone itself (create, then optionally the
 * copy job over the whole topic with partitions kept). A clone on the same cluster only.
 */
export class TopicCloneService {
  constructor(private readonly admin: TopicAdminService) {}

  async plan(client: KafkaClient, topic: string): Promise<ClonePlan> {
    const [metadata] = await client.fetchMetadata([topic]);
    if (!metadata) throw appError(ErrorCode.Validation, `${topic} does not exist.`);
    const configs = (await client.describeTopicConfigs([topic])).get(topic) ?? [];
    return {
      partitions: metadata.partitions.length,
      // As the topic list says it: the replica count of partition 0.
      replicationFactor: metadata.partitions[0]?.replicas.length ?? 1,
      configs: cloneConfigs(configs),
    };
  }

  async clone(client: KafkaClient, req: CloneRequest, signal: AbortSignal, onProgress: (p: CopyProgress) => void): Promise<{ copy: CopySummary | null }> {
    const [source] = await client.fetchMetadata([req.topic]);
    if (!source) throw appError(ErrorCode.Validation, `${req.topic} does not exist.`);
    // Partitions are kept, so every source partition needs its namesake in the clone.
    if (req.copyData && req.partitions < source.partitions.length) {
      throw appError(ErrorCode.Validation, `To copy the data, the clone needs at least ${source.partitions.length} partitions (as ${req.topic} has): each message keeps its partition.`);
    }
    await this.admin.create(client, { name: req.name, partitions: req.partitions, replicationFactor: req.replicationFactor, configs: req.configs }, false);
    if (!req.copyData) return { copy: null };
    const copy = await runCopy(
      { source: { client, topic: req.topic }, target: { client, topic: req.name } },
      { runId: req.runId, source: WHOLE_TOPIC, options: KEEP_ALL, redrive: null, signal, onProgress },
    );
    return { copy };
  }
}
