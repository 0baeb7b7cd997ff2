import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { extname, join } from 'node:path';
import { once } from 'node:events';

/**
 * Where a file the user asked for (an export, a saved value) goes. Main always picks the path:
 * the window only suggests a name, so a compromised renderer cannot write anywhere else.
 */
export interface SaveLocation {
  /** Where to write, or null when the user cancelled (the save dialog). */
  choose(suggestedName: string): Promise<ChosenFile | null>;
}

export interface ChosenFile {
  path: string;
  /** The location created an empty file to claim the name: removed again if the write fails. */
  claimed: boolean;
}

/** The browser mode's export folder: KAFKA_EXPLORER_EXPORT_DIR, else ~/Downloads. */
export function defaultExportDir(): string {
  return process.env.KAFKA_EXPLORER_EXPORT_DIR || join(homedir(), 'Downloads');
}

/**
 * Files go into a folder (created when missing) under the suggested name, made unique with
 * " (1)", " (2)"… as browsers do: nothing is ever overwritten. The folder is looked up per file.
 */
export function folderLocation(dir: () => string = defaultExportDir): SaveLocation {
  return {
    async choose(suggestedName) {
      const folder = dir();
      await mkdir(folder, { recursive: true });
      const ext = extname(suggestedName);
      const base = suggestedName.slice(0, suggestedName.length - ext.length);
      for (let i = 0; i < 1000; i++) {
        const path = join(folder, i === 0 ? suggestedName : `${base} (${i})${ext}`);
        try {
          // Claims the name (exclusive create); the content is written under a temporary name and renamed over it.
          await (await open(path, 'wx')).close();
          return { path, claimed: true };
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
      throw new Error(`No free file name for ${suggestedName} in ${folder}`);
    },
  };
}

/** Writes text pieces to a stream, waiting when it is full (bounded memory however big the file). */
export interface TextSink {
  write(text: string | Buffer): Promise<void>;
  readonly bytes: number;
}

/**
 * Writes a file through `produce`, first under a temporary name, renamed into place only when
 * all of it was written: a failed or cancelled write leaves nothing behind (not even the name
 * a folder location claimed).
 */
export async function writeFileStreaming<T>({ path, claimed }: ChosenFile, produce: (sink: TextSink) => Promise<T>): Promise<{ result: T; bytes: number }> {
  const temp = `${path}.part`;
  const stream = createWriteStream(temp);
  let failed: Error | null = null;
  stream.on('error', (error) => (failed = error));
  let bytes = 0;
  const sink: TextSink = {
    async write(text) {
      if (failed) throw failed;
      bytes += typeof text === 'string' ? Buffer.byteLength(text) : text.length;
      if (!stream.write(text)) await once(stream, 'drain');
      if (failed) throw failed;
    },
    get bytes() {
      return bytes;
    },
  };
  try {
    const result = await produce(sink);
    stream.end();
    await once(stream, 'finish');
    if (failed) throw failed;
    await rename(temp, path);
    return { result, bytes };
  } catch (error) {
    // The file opens asynchronously: removed before the stream has closed, a write cancelled at
    // once would have it created after the removal (a .part left behind, seen in CI under load).
    if (!stream.closed) {
      const closed = once(stream, 'close').catch(() => undefined);
      stream.destroy();
      await closed;
    }
    await rm(temp, { force: true });
    if (claimed) await rm(path, { force: true });
    throw error;
  }
}
