import type { InternalBroker } from '../internals';
import { throwIfFailed } from './broker-error';
import { sendRaw } from './send';
import { WireWriter } from './wire';

/** Kafka's ConfigResource types. */
export const ResourceType = { Topic: 2, Broker: 4 } as const;

/** One change: a value sets the config, null deletes the override (back to the default). */
export interface ConfigChange {
  name: string;
  value: string | null;
}

const Operation = { Set: 0, Delete: 1 } as const;

/**
 * IncrementalAlterConfigs (API key 44) v0, non-flexible. kafkajs only has AlterConfigs, which
 * replaces every override of the resource with the ones sent: this changes only the named ones.
 *
 * Request v0:  resources [resource_type INT8, resource_name STRING, configs [name STRING, config_operation INT8, value NULLABLE_STRING]], validate_only BOOLEAN
 * Response v0: throttle_time_ms INT32, responses [error_code INT16, error_message NULLABLE_STRING, resource_type INT8, resource_name STRING]
 */
export async function incrementalAlterConfigs(
  broker: InternalBroker,
  resource: { type: number; name: string },
  changes: ConfigChange[],
  validateOnly: boolean,
): Promise<void> {
  const body = new WireWriter()
    .array([resource], (res, w) =>
      w
        .int8(res.type)
        .string(res.name)
        .array(changes, (c, cw) => cw.string(c.name).int8(c.value === null ? Operation.Delete : Operation.Set).nullableString(c.value)),
    )
    .bool(validateOnly)
    .build();
  const results = await sendRaw(broker, {
    apiKey: 44,
    apiVersion: 0,
    apiName: 'IncrementalAlterConfigs',
    body,
    parse: (r) => {
      r.int32(); // throttle
      return r.array((x) => ({ errorCode: x.int16(), errorMessage: x.nullableString(), type: x.int8(), name: x.string() }));
    },
  });
  throwIfFailed(results, validateOnly ? `The broker would not accept these settings for ${resource.name}` : `Changing the settings of ${resource.name}`);
}
