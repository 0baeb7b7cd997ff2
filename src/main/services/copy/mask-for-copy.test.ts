import { describe, expect, it } from 'vitest';
import { MaskingRule } from '../../../shared/api/masking';
import type { RawRecord } from '../../kafka/ports/messages';
import { CompiledRules } from '../masking/record-masker';
import { maskForCopy } from './mask-for-copy';

const masker = new CompiledRules([MaskingRule.parse({ topic: '*', kind: 'regex', pattern: 'secret' })], 'k').forTopic('t', false)!;
const record = (value: Buffer): RawRecord => ({ partition: 0, offset: '0', timestamp: '0', timestampType: 'CreateTime', key: null, value, headers: [] });

describe('masking a copy', () => {
  it('masks plain values as bytes', async () => {
    const [out] = await maskForCopy([record(Buffer.from('a secret'))], 't', masker, undefined);
    expect(out).toEqual({ record: expect.objectContaining({ value: Buffer.from('a ****') }) });
  });

  it('never sends a schema-framed value it cannot decode: its bytes would carry what the rules hide', async () => {
    const framed = Buffer.concat([Buffer.from([0, 0, 0, 0, 7]), Buffer.from('a secret')]);
    const [out] = await maskForCopy([record(framed)], 't', masker, undefined);
    expect(out).toEqual({ failed: expect.stringMatching(/^Not copied: its value is schema-encoded .*no Schema Registry/) });
  });
});
