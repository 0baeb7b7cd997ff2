import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../log';
import { createJsonStore } from './json-store';

const Doc = z.object({ version: z.literal(2), names: z.array(z.string()), count: z.number() });
const quiet = createLogger('test', { sink: () => undefined });

async function store() {
  const dir = await mkdtemp(join(tmpdir(), 'ke-store-'));
  const file = join(dir, 'doc.json');
  return {
    dir,
    file,
    store: createJsonStore({
      file,
      schema: Doc,
      version: 2,
      defaults: () => ({ version: 2 as const, names: [], count: 0 }),
      migrations: {
        0: (d) => ({ ...d, version: 1, names: d.names ?? [] }),
        1: (d) => ({ ...d, version: 2, count: d.names.length }),
      },
      log: quiet,
    }),
  };
}

describe('json store', () => {
  it('returns defaults when the file is missing, and writes with mode 0600', async () => {
    const { store: s, file } = await store();
    expect(await s.read()).toEqual({ version: 2, names: [], count: 0 });
    await s.write({ version: 2, names: ['a'], count: 1 });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 2, names: ['a'], count: 1 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('migrates an old document step by step', async () => {
    const { store: s, file } = await store();
    await writeFile(file, JSON.stringify({ names: ['x', 'y'] }));
    expect(await s.read()).toEqual({ version: 2, names: ['x', 'y'], count: 2 });
  });

  it('keeps a corrupt file aside instead of losing it', async () => {
    const { store: s, file, dir } = await store();
    await writeFile(file, '{ not json');
    expect(await s.read()).toEqual({ version: 2, names: [], count: 0 });
    const files = await readdir(dir);
    expect(files.some((f) => f.startsWith('doc.json.corrupt-'))).toBe(true);
  });

  it('serializes concurrent updates so none is lost', async () => {
    const { store: s } = await store();
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.update((d) => ({ ...d, names: [...d.names, `n${i}`], count: d.count + 1 }))));
    const final = await s.read();
    expect(final.count).toBe(20);
    expect(new Set(final.names).size).toBe(20);
  });

  it('refuses to write an invalid document', async () => {
    const { store: s } = await store();
    await expect(s.write({ version: 2, names: 'nope', count: 1 } as never)).rejects.toThrow();
  });
});
