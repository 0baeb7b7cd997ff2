import { z } from 'zod';
import { defineCall } from './define';
import { WithConnection } from './common';
import type { QuotaEntry } from '../quotas/resolve';

/** One side of a quota entity: a name, null for the default, absent when not part of it. */
const Part = z.string().trim().min(1).max(1024).nullable().optional();

export const QuotaEntityInput = z
  .object({ user: Part, clientId: Part })
  .refine((e) => e.user !== undefined || e.clientId !== undefined, 'a quota entity names a user, a client id, or both');

/** Kafka's quota keys; values are bytes/s, a percentage of request time, or mutations/s. */
export const QuotaKey = z.enum(['producer_byte_rate', 'consumer_byte_rate', 'request_percentage', 'controller_mutation_rate']);

export const quotaCalls = {
  'quotas.list': defineCall<{ entries: QuotaEntry[] }>()(WithConnection),
  /** Sets (a number) or removes (null) values of one entity, as AlterClientQuotas does; validateOnly only asks the broker. */
  'quotas.alter': defineCall<void>()(
    WithConnection.extend({ entity: QuotaEntityInput, values: z.partialRecord(QuotaKey, z.number().min(0).max(1e15).nullable()), validateOnly: z.boolean().default(false) }),
    { write: true },
  ),
};
