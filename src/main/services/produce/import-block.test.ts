import { describe, expect, it } from 'vitest';
import { decodeRecordBatches } from '../../kafka/kafkajs/raw/record-batch-decode';
import { blocksOf, encodeImportBlock } from './import-block';
import { importedRecords } from './import-file';

describe('import blocks', () => {
  it('cut the file after a newline, number each block’s first line as in the file, and count the lines that are not blank', () => {
    const content = ['a', '', 'bb', '  ', 'ccc\r', '\u00a0', 'dddd', 'e'].join('\n');
    const { blocks, lines } = blocksOf(content, 4);
    expect(lines).toBe(5);
    expect(blocks.map((b) => [content.slice(b.start, b.end), b.firstLine, b.lines])).toEqual([
      ['a\n\nbb\n', 1, 2],
      ['  \nccc\r\n', 4, 1],
      ['\u00a0\ndddd\n', 6, 1],
      ['e', 8, 1],
    ]);
    // The blocks cover the text exactly, and a file without a last newline keeps its last line.
    expect(blocks.map((b) => content.slice(b.start, b.end)).join('')).toBe(content);
    expect(blocksOf('', 4)).toEqual({ blocks: [], lines: 0 });
    expect(blocksOf('one line', 1024).blocks).toEqual([{ start: 0, end: 8, firstLine: 1, lines: 1 }]);
  });

  it('encode a block’s lines as the whole file reads them: same keys, values, partitions and order; failures named by file line', async () => {
    const text = ['{"key":"a","value":"1","headers":{"h":"x"}}', 'oops', '', '{"key":"b","value":{"n":2}}', '{"key":null,"value":"3","partition":1}', '{"key":"a","value":"4"}'].join('\n');
    const encoded = await encodeImportBlock({ text, firstLine: 41, format: 'ndjson', partitionCount: 2, keep: { partition: true, timestamp: false }, compression: 'none' });
    expect(encoded.failures.map(([reason, n]) => [reason.replace(/ \(.*/, ''), n])).toEqual([['line 42: not valid JSON', 1]]);

    const whole = importedRecords(text, 'ndjson', 2);
    const expected = new Map<number, [string | null, string | null, string][]>();
    for (const seq of [1, 3, 4, 5]) {
      const r = whole.record(seq);
      const list = expected.get(r.partition) ?? [];
      list.push([r.key?.toString() ?? null, r.value?.toString() ?? null, r.headers.map((h) => `${h.key}=${h.value.toString()}`).join(',')]);
      expected.set(r.partition, list);
    }
    const got = new Map<number, [string | null, string | null, string][]>();
    for (const [p, batches, n] of encoded.partitions) {
      const records = (await Promise.all(batches.map((b) => decodeRecordBatches(b, p, 0, [])))).flatMap((d) => d.records);
      expect(records).toHaveLength(n);
      got.set(p, records.map((r) => [r.key?.toString() ?? null, r.value?.toString() ?? null, r.headers.map((h) => `${h.key}=${h.value?.toString()}`).join(',')]));
    }
    expect(got).toEqual(expected);
  });
});
