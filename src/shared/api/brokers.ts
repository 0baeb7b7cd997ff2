import { z } from 'zod';
import { defineCall } from './define';
import { WithConnection } from './common';
import type { ConfigEntry } from './configs';

/** A broker's configs have the same shape as a topic's. */
export type BrokerConfigEntry = ConfigEntry;

export const brokerCalls = {
  'brokers.configs': defineCall<BrokerConfigEntry[]>()(WithConnection.extend({ nodeId: z.number().int().min(0).max(2_147_483_647) })),
};
