import { describe, expect, it } from 'vitest';
import { mappingLines, parseMappingLines, pathLines } from './local-schema-lines';

describe('local schema mappings as lines', () => {
  it('reads "topic part Type" lines, skipping blanks and comments, and writes them back', () => {
    const text = '# payments\npayments-* value demo.Payment\n\nlegacy key protobuf:raw\n';
    const { mappings, problem } = parseMappingLines(text);
    expect(problem).toBeNull();
    expect(mappings).toEqual([
      { topic: 'payments-*', part: 'value', type: 'demo.Payment' },
      { topic: 'legacy', part: 'key', type: 'protobuf:raw' },
    ]);
    expect(mappingLines(mappings)).toBe('payments-* value demo.Payment\nlegacy key protobuf:raw');
  });

  it('says which line is wrong and how it should look', () => {
    expect(parseMappingLines('orders values demo.Order').problem).toBe('line 1: write "topic key|value Type", e.g. "orders-* value demo.Order" (got "orders values demo.Order")');
  });

  it('takes one path a line', () => {
    expect(pathLines(' /a/protos \n\n/b/x.avsc')).toEqual(['/a/protos', '/b/x.avsc']);
  });
});
