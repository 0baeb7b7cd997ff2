import type { FeatureRange, FinalizedFeature } from '../../ports/brokers';
import type { InternalBroker } from '../internals';
import { CompactReader, CompactWriter } from './compact-wire';
import { sharedVersion } from './send-flexible';

export interface ApiVersionsResult {
  errorCode: number;
  /** How many APIs the broker speaks. */
  apiCount: number;
  supportedFeatures: FeatureRange[];
  /** The cluster-wide feature levels as this broker knows them (KIP-584); -1 epoch when none. */
  finalizedFeaturesEpoch: number;
  finalizedFeatures: FinalizedFeature[];
}

/**
 * ApiVersions v3 or v4 (KIP-511/584), whose tagged fields carry the supported and finalized
 * feature levels (metadata.version, group.version …); kafkajs only sends v0–v2, which have none.
 * v4 (Kafka 3.9+, KIP-1022) is the same message, but only a v4 client is told of features whose
 * lowest level is 0 (kraft.version, share.version), so it is preferred where the broker has it. Unlike every other flexible response, ApiVersions' response header is v0 (no tagged
 * fields: a client must be able to read it before it knows what the broker speaks), so the body
 * is parsed straight after the correlation id kafkajs consumes.
 *
 * Request:  client_software_name COMPACT_STRING, client_software_version COMPACT_STRING, tags
 * Response: error_code INT16, api_keys [api_key INT16, min_version INT16, max_version INT16, tags],
 *           throttle_time_ms INT32, tags { 0: supported_features [name, min_version INT16, max_version INT16],
 *           1: finalized_features_epoch INT64, 2: finalized_features [name, max_version_level INT16, min_version_level INT16] }
 */
export async function apiVersions(broker: InternalBroker, software: { name: string; version: string }): Promise<ApiVersionsResult> {
  const version = sharedVersion(broker, 18, { min: 3, max: 4 }) ?? 3;
  const body = new CompactWriter().compactString(software.name).compactString(software.version).tags().build();
  // Request header v2 = kafkajs' header v1 plus an empty tagged-fields section.
  const payload = Buffer.concat([Buffer.from([0]), body]);
  const pool = (broker as unknown as { connectionPool: { send<R>(args: { request: unknown; response: unknown }): Promise<R> } }).connectionPool;
  return pool.send<ApiVersionsResult>({
    request: { apiKey: 18, apiVersion: version, apiName: 'ApiVersions', encode: async () => ({ buf: payload, buffer: payload }) },
    response: { decode: async (raw: Buffer) => raw, parse: async (raw: Buffer) => decodeApiVersions(raw) },
  });
}

/** The body of an ApiVersions v3/v4 response (no header). */
export function decodeApiVersions(raw: Buffer): ApiVersionsResult {
  const r = new CompactReader(raw);
  const errorCode = r.int16();
  const apis = r.compactArray(() => {
    const key = r.int16();
    r.int16();
    r.int16();
    r.skipTags();
    return key;
  });
  r.int32(); // throttle time
  const tags = r.taggedFields();
  const supported = tags.get(0);
  const epoch = tags.get(1);
  const finalized = tags.get(2);
  return {
    errorCode,
    apiCount: apis.length,
    supportedFeatures: supported
      ? supported.compactArray((f) => {
          const feature = { name: f.compactString(), minVersion: f.int16(), maxVersion: f.int16() };
          f.skipTags();
          return feature;
        })
      : [],
    finalizedFeaturesEpoch: epoch ? Number(epoch.int64()) : -1,
    finalizedFeatures: finalized
      ? finalized.compactArray((f) => {
          const name = f.compactString();
          const maxVersionLevel = f.int16();
          const minVersionLevel = f.int16();
          f.skipTags();
          return { name, level: maxVersionLevel, minLevel: minVersionLevel };
        })
      : [],
  };
}
