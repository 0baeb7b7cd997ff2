import type { BrokerVersionInfo, ClusterVersions, FeatureInfo } from '../../../shared/api';
import type { BrokerFeatures } from '../../kafka/ports/brokers';

/**
 * metadata.version feature levels and their names, as Kafka's MetadataVersion enum has them
 * (printed from kafka-server-common 4.4.0's production levels). A broker supports up to its release's newest
 * production level, so that maximum names the release it runs; the cluster's finalized level
 * can lag behind until an operator runs `kafka-features.sh upgrade`.
 */
const METADATA_VERSIONS: Record<number, string> = {
  1: '3.0-IV1',
  2: '3.1-IV0',
  3: '3.2-IV0',
  4: '3.3-IV0',
  5: '3.3-IV1',
  6: '3.3-IV2',
  7: '3.3-IV3',
  8: '3.4-IV0',
  9: '3.5-IV0',
  10: '3.5-IV1',
  11: '3.5-IV2',
  12: '3.6-IV0',
  13: '3.6-IV1',
  14: '3.6-IV2',
  15: '3.7-IV0',
  16: '3.7-IV1',
  17: '3.7-IV2',
  18: '3.7-IV3',
  19: '3.7-IV4',
  20: '3.8-IV0',
  21: '3.9-IV0',
  22: '4.0-IV0',
  23: '4.0-IV1',
  24: '4.0-IV2',
  25: '4.0-IV3',
  26: '4.1-IV0',
  27: '4.1-IV1',
  28: '4.2-IV0',
  29: '4.2-IV1',
  30: '4.3-IV0',
  31: '4.4-IV0',
  32: '4.4-IV1',
  33: '4.4-IV2',
};

/** "4.1-IV1" for level 27; null for a level this build does not know. */
export function metadataVersionName(level: number): string | null {
  return METADATA_VERSIONS[level] ?? null;
}

/** The release ("4.1") whose newest metadata.version is `maxLevel`. */
export function releaseForMaxLevel(maxLevel: number): string | null {
  return metadataVersionName(maxLevel)?.replace(/-IV\d+$/, '') ?? null;
}

function compareReleases(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/** Per-broker releases and the cluster's features from each broker's ApiVersions answer. */
export function summarizeVersions(answers: BrokerFeatures[]): ClusterVersions {
  const brokers: BrokerVersionInfo[] = answers.map((a) => {
    const mv = a.supported.find((f) => f.name === 'metadata.version');
    return { nodeId: a.nodeId, reachable: a.reachable, error: a.error, release: mv ? releaseForMaxLevel(mv.maxVersion) : null, apiCount: a.apiCount };
  });
  const releases = [...new Set(brokers.flatMap((b) => (b.release ? [b.release] : [])))].sort(compareReleases);

  const answered = answers.filter((a) => a.reachable && a.error === null);
  // The newest finalized epoch is the cluster's current agreement (a lagging broker may know an older one).
  const newest = answered.reduce<BrokerFeatures | undefined>((best, a) => (!best || a.finalizedEpoch > best.finalizedEpoch ? a : best), undefined);
  const names = new Set(answered.flatMap((a) => [...a.supported.map((f) => f.name), ...a.finalized.map((f) => f.name)]));
  const features: FeatureInfo[] = [...names].sort().map((name) => {
    const level = newest?.finalized.find((f) => f.name === name)?.level ?? 0;
    const maxes = answered.map((a) => a.supported.find((f) => f.name === name)?.maxVersion);
    const maxSupported = maxes.every((m) => m !== undefined) && maxes.length > 0 ? Math.min(...(maxes as number[])) : null;
    return { name, level, levelName: name === 'metadata.version' ? metadataVersionName(level) : null, maxSupported };
  });
  return { brokers, releases, features };
}
