import { z } from 'zod';
import type { PartitionTarget } from './plan';

/**
 * The JSON of `kafka-reassign-partitions.sh` (--generate prints it, --execute reads it):
 * {"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1,2],"log_dirs":["any","any"]}]}
 * `log_dirs` is optional; only "any" is supported here (moving between a broker's dirs is another tool).
 */
const ReassignJson = z.object({
  version: z.literal(1),
  partitions: z
    .array(
      z.object({
        topic: z.string().min(1).max(249),
        partition: z.number().int().min(0),
        replicas: z.array(z.number().int().min(0)).min(1),
        log_dirs: z.array(z.string()).optional(),
      }),
    )
    .max(100_000),
});

export function toReassignJson(targets: PartitionTarget[]): string {
  const partitions = targets.map((t) => ({ topic: t.topic, partition: t.partition, replicas: t.replicas, log_dirs: t.replicas.map(() => 'any') }));
  return JSON.stringify({ version: 1, partitions }, null, 2);
}

/** Reads a plan; throws an Error that says what is wrong, in words. */
export function parseReassignJson(text: string): PartitionTarget[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`Not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = ReassignJson.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new Error(`Not a kafka-reassign-partitions plan: ${where}${issue?.message ?? 'invalid'}`);
  }
  for (const p of parsed.data.partitions) {
    if (p.log_dirs && (p.log_dirs.length !== p.replicas.length || p.log_dirs.some((d) => d !== 'any'))) {
      throw new Error(`${p.topic}-${p.partition}: only "any" log dirs are supported (moving a replica between a broker's dirs is not).`);
    }
  }
  return parsed.data.partitions.map((p) => ({ topic: p.topic, partition: p.partition, replicas: p.replicas }));
}
