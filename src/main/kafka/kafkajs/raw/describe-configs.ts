import type { InternalBroker } from '../internals';
import { sendRaw } from './send';
import { WireWriter, type WireReader } from './wire';

/** Kafka's config_source values (DescribeConfigs v1+). */
export const ConfigSourceCode = {
  Unknown: 0,
  DynamicTopic: 1,
  DynamicBroker: 2,
  DynamicDefaultBroker: 3,
  StaticBroker: 4,
  Default: 5,
  DynamicBrokerLogger: 6,
} as const;

export interface RawConfigEntry {
  name: string;
  value: string | null;
  readOnly: boolean;
  source: number;
  sensitive: boolean;
  synonyms: { name: string; value: string | null; source: number }[];
  /** Kafka's ConfigType (1 BOOLEAN, 2 STRING, 3 INT, 4 SHORT, 5 LONG, 6 DOUBLE, 7 LIST, 8 CLASS, 9 PASSWORD), 0 unknown. */
  type: number;
  documentation: string | null;
}

export interface RawConfigResource {
  type: number;
  name: string;
  errorCode: number;
  errorMessage: string | null;
  entries: RawConfigEntry[];
}

/**
 * DescribeConfigs (API key 32) v3, the newest non-flexible version: config types and Kafka's own
 * documentation for each config, which kafkajs' v2 lacks. kafkajs' describeConfigs also refreshes
 * the whole cluster metadata on every call, too slow for 5,000 topics.
 *
 * Request v3:  resources [resource_type INT8, resource_name STRING, configuration_keys NULLABLE [STRING]],
 *              include_synonyms BOOLEAN, include_documentation BOOLEAN
 * Response v3: throttle_time_ms INT32, results [error_code INT16, error_message NULLABLE_STRING, resource_type INT8,
 *              resource_name STRING, configs [name STRING, value NULLABLE_STRING, read_only BOOLEAN, config_source INT8,
 *              is_sensitive BOOLEAN, synonyms [name STRING, value NULLABLE_STRING, source INT8], config_type INT8,
 *              documentation NULLABLE_STRING]]
 */
export async function describeConfigs(
  broker: InternalBroker,
  resources: { type: number; name: string; keys: string[] | null }[],
  options: { synonyms: boolean; documentation: boolean },
): Promise<RawConfigResource[]> {
  const body = new WireWriter()
    .array(resources, (res, w) => {
      w.int8(res.type).string(res.name);
      if (res.keys === null) w.int32(-1);
      else w.array(res.keys, (k, kw) => kw.string(k));
    })
    .bool(options.synonyms)
    .bool(options.documentation)
    .build();
  return sendRaw(broker, { apiKey: 32, apiVersion: 3, apiName: 'DescribeConfigs', body, parse: parseDescribeConfigs });
}

export function parseDescribeConfigs(r: WireReader): RawConfigResource[] {
  r.int32(); // throttle
  return r.array((res) => ({
    errorCode: res.int16(),
    errorMessage: res.nullableString(),
    type: res.int8(),
    name: res.string(),
    entries: res.array((c) => ({
      name: c.string(),
      value: c.nullableString(),
      readOnly: c.bool(),
      source: c.int8(),
      sensitive: c.bool(),
      synonyms: c.array((s) => ({ name: s.string(), value: s.nullableString(), source: s.int8() })),
      type: c.int8(),
      documentation: c.nullableString(),
    })),
  }));
}
