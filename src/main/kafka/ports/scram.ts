/** SCRAM credentials (KIP-554), independent of the client library. */
export type ScramMechanism = 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

export interface ScramUser {
  user: string;
  credentials: { mechanism: ScramMechanism; iterations: number }[];
}

export interface ScramPort {
  /** Every user with a SCRAM credential, and the mechanisms and iterations of each. */
  describeScramUsers(): Promise<ScramUser[]>;
  /** Adds or replaces (upsert) and deletes credentials; the password is salted and hashed here, never sent. */
  alterScramCredentials(
    upserts: { user: string; mechanism: ScramMechanism; iterations: number; password: string }[],
    deletions: { user: string; mechanism: ScramMechanism }[],
  ): Promise<void>;
}
