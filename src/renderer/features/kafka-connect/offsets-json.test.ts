import { describe, expect, it } from 'vitest';
import { parseOffsetsJson } from './offsets-json';

describe('parseOffsetsJson', () => {
  it('takes the worker’s own shape, null offsets included', () => {
    const text = '[{"partition":{"filename":"/f"},"offset":{"position":8}},{"partition":{"kafka_topic":"t","kafka_partition":0},"offset":null}]';
    expect(parseOffsetsJson(text)).toEqual({
      offsets: [
        { partition: { filename: '/f' }, offset: { position: 8 } },
        { partition: { kafka_topic: 't', kafka_partition: 0 }, offset: null },
      ],
    });
  });
  it('names the entry that is wrong', () => {
    expect(parseOffsetsJson('{}')).toHaveProperty('error');
    expect(parseOffsetsJson('[]')).toHaveProperty('error');
    expect(parseOffsetsJson('[{"partition":{},"offset":null},{"offset":{}}]')).toEqual({ error: 'Entry 2 needs a "partition" object.' });
    expect(parseOffsetsJson('[{"partition":{},"offset":5}]')).toEqual({ error: 'Entry 1: "offset" is an object, or null to remove it.' });
  });
});
