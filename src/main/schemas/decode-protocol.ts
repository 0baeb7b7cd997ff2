import type { ResolvedReference } from './compile';
import type { RegisteredSchema } from './registry-client';

/** What main sends a decode worker: a schema to compile under a key, or bodies to decode. */
export type WorkerRequest =
  | { kind: 'schema'; key: string; schema: RegisteredSchema; references: ResolvedReference[]; label: string }
  /** The bodies packed in one transferred buffer: body i is buffer[offsets[i], offsets[i + 1]), decoded with keys[i]'s schema. */
  | { kind: 'decode'; id: number; buffer: ArrayBuffer; offsets: Uint32Array; keys: string[] };

/** The JSON text of each body (null where it failed), and what some bodies add: [index, message type, invalid, error]. */
export interface WorkerReply {
  id: number;
  json: (string | null)[];
  extras: [number, string | undefined, string | undefined, string | undefined][];
}
