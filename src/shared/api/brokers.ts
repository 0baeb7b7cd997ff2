import { z } from 'zod';
import { defineCall } from './define';
import { WithConnection } from './common';
import type { ConfigSource } from './topics';

/** One broker config as the window sees it; sensitive values never leave main. */
export interface BrokerConfigEntry {
  name: string;
  /** null for sensitive configs and configs without a value. */
  value: string | null;
  /** dynamic-broker (per broker), dynamic-default-broker (cluster-wide), static-broker (server.properties), default. */
  source: ConfigSource;
  readOnly: boolean;
  sensitive: boolean;
  type: string | null;
  documentation: string | null;
  /** Every level that sets it, most specific first (the value in effect is the first). */
  synonyms: { name: string; value: string | null; source: ConfigSource }[];
}

export const brokerCalls = {
  'brokers.configs': defineCall<BrokerConfigEntry[]>()(WithConnection.extend({ nodeId: z.number().int().min(0).max(2_147_483_647) })),
};
