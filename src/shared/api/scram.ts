import { z } from 'zod';
import { defineCall } from './define';
import { WithConnection } from './common';

export const ScramMechanismName = z.enum(['SCRAM-SHA-256', 'SCRAM-SHA-512']);

export interface ScramUserInfo {
  user: string;
  credentials: { mechanism: z.infer<typeof ScramMechanismName>; iterations: number }[];
}

const UserName = z.string().trim().min(1).max(1024);

export const scramCalls = {
  'scram.users': defineCall<ScramUserInfo[]>()(WithConnection),
  /** Adds or replaces a user's credential for a mechanism (the password is salted and hashed in main), or deletes one. */
  'scram.alter': defineCall<void>()(
    WithConnection.extend({
      upserts: z.array(z.object({ user: UserName, mechanism: ScramMechanismName, iterations: z.number().int().min(4_096).max(16_384).default(8_192), password: z.string().min(1).max(1_024) })).max(20).default([]),
      deletions: z.array(z.object({ user: UserName, mechanism: ScramMechanismName })).max(20).default([]),
    }),
    { write: true },
  ),
};
