import { describe, expect, it } from 'vitest';
import { encodeImportBlock, type ImportBlock } from './import-block';
import { ImportPool } from './import-pool';

const block: ImportBlock = {
  text: ['{"key":"a","value":"1"}', '{"key":"b","value":{"n":2}}', 'oops'].join('\n'),
  firstLine: 1,
  format: 'ndjson',
  partitionCount: 2,
  keep: { partition: true, timestamp: false },
  compression: 'none',
};

/** What an encoding gives, short of its bytes (each run stamps its own create times). */
const shape = (encoded: Awaited<ReturnType<typeof encodeImportBlock>>) => ({
  partitions: encoded.partitions.map(([p, batches, n]) => [p, batches.length, n]),
  failures: encoded.failures.map(([reason, n]) => [reason.replace(/ \(.*/, ''), n]),
});

describe('the import pool (real worker threads)', () => {
  it('encodes as inline does, stops its workers once idle, and starts them again for the next import', async () => {
    const pool = ImportPool.create(2, 300)!;
    expect(pool).not.toBeNull();
    const pooled = await pool.encode({ lines: block });
    expect(shape(pooled)).toEqual(shape(await encodeImportBlock(block)));
    expect(pool.running).toBe(2);

    // Idle for longer than idleMs: the workers are stopped on purpose, which is not a failure.
    await new Promise((r) => setTimeout(r, 800));
    expect(pool.running).toBe(0);
    const again = await pool.encode({ lines: block });
    expect(shape(again)).toEqual(shape(pooled));
    expect(pool.running).toBe(2);
  }, 30_000);
});
