import { describe, expect, it } from 'vitest';
import { encodeImportBlock, type ImportBlock } from './import-block';
import { ImportPool } from './import-pool';
import { checkLines } from './check-lines';
import { importedRecords } from './import-file';
import { checkImportInPool } from './import-run';

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

describe('the import preview in the pool', () => {
  it('counts the lines the import cannot read, and names the first by its line in the file, as main would', async () => {
    const pool = ImportPool.create(2, 300)!;
    // Blocks of ~1 KB: the bad lines sit in later blocks, and one block has two.
    const lines = Array.from({ length: 400 }, (_, i) => (i === 150 || i === 151 || i === 302 ? `{"key":"k${i}", oops` : i === 250 ? '{"value":1,"partition":9}' : `{"key":"k${i}","value":"v${i}"}`));
    lines.splice(100, 0, '', '   ');
    const content = lines.join('\n') + '\n';
    const file = { content, format: 'ndjson' as const, partitionCount: 3, keep: { partition: true, timestamp: false } };
    const onMain = importedRecords(content, 'ndjson', 3, file.keep);
    const expected = { total: onMain.total, ...(await checkLines(onMain)) };
    expect(expected.invalid).toBe(4);
    expect(expected.firstInvalid?.line).toBe(153);
    expect(await checkImportInPool(file, pool, 1024)).toEqual(expected);
  }, 30_000);
});
