import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import type { Logger } from '../log';

/** One step from version N to N+1 of a stored document. */
export type Migration = (data: any) => any;

export interface JsonStoreOptions<S extends z.ZodType> {
  /** Absolute path of the file, inside the user-data folder. */
  file: string;
  /** The current document schema; it must include `version: z.literal(<current>)`. */
  schema: S;
  /** The current version number. */
  version: number;
  /** migrations[n] turns a version-n document into version n+1. */
  migrations?: Record<number, Migration>;
  /** The document when the file does not exist yet. */
  defaults: () => z.output<S>;
  /** File mode; 0o600 for anything holding secrets. */
  mode?: number;
  log: Logger;
}

export interface JsonStore<T> {
  read(): Promise<T>;
  /** Validates, then replaces the file atomically (temp file + fsync + rename). */
  write(value: T): Promise<void>;
  /** Read-modify-write, serialized so two updates never interleave. */
  update(change: (current: T) => T | Promise<T>): Promise<T>;
}

/**
 * A versioned, schema-validated JSON document on disk. A crash mid-write leaves either the
 * old or the new file, never half of one; a file that fails validation is kept aside as
 * `<file>.corrupt-<time>` rather than silently overwritten.
 */
export function createJsonStore<S extends z.ZodType>(options: JsonStoreOptions<S>): JsonStore<z.output<S>> {
  type T = z.output<S>;
  const { file, schema, version, migrations = {}, log } = options;
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<T> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return options.defaults();
      throw error;
    }
    try {
      let data = JSON.parse(text) as { version?: number };
      let from = typeof data.version === 'number' ? data.version : 0;
      while (from < version) {
        const step = migrations[from];
        if (!step) throw new Error(`no migration from version ${from}`);
        data = step(data);
        from += 1;
      }
      return schema.parse(data);
    } catch (error) {
      const aside = `${file}.corrupt-${Date.now()}`;
      log.warn('stored file is unreadable; kept aside and starting fresh', { file: aside, error: (error as Error).message });
      await rename(file, aside).catch(() => undefined);
      return options.defaults();
    }
  }

  async function write(value: T): Promise<void> {
    const valid = schema.parse(value);
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, JSON.stringify(valid, null, 2) + '\n', { mode: options.mode ?? 0o600, fsync: true });
  }

  function serialized<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    read: () => serialized(read),
    write: (value) => serialized(() => write(value)),
    update: (change) =>
      serialized(async () => {
        const next = await change(await read());
        await write(next);
        return next;
      }),
  };
}
