import { z } from 'zod';
import { defineCall } from './define';
import { WithConnection } from './common';
import type { ConfigEntry } from './configs';

/** A broker's configs have the same shape as a topic's. */
export type BrokerConfigEntry = ConfigEntry;

export const BrokerConfigChange = z.object({ name: z.string().trim().min(1).max(255), value: z.string().max(10_000).nullable() });

export const brokerCalls = {
  'brokers.configs': defineCall<BrokerConfigEntry[]>()(WithConnection.extend({ nodeId: z.number().int().min(0).max(2_147_483_647) })),
  /**
   * Changes dynamic configs of one broker (`nodeId`) or cluster-wide (`nodeId: null`) with
   * IncrementalAlterConfigs: a value sets, null removes the dynamic override. validateOnly asks
   * the broker without changing anything.
   */
  'brokers.alterConfigs': defineCall<void>()(
    WithConnection.extend({ nodeId: z.number().int().min(0).max(2_147_483_647).nullable(), changes: z.array(BrokerConfigChange).min(1).max(100), validateOnly: z.boolean().default(false) }),
    { write: true },
  ),
};
