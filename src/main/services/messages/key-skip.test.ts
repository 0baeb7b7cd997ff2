import { describe, expect, it } from 'vitest';
import { MessageFilter } from '../../../shared/api';
import type { RawRecord } from '../../kafka/ports/messages';
import { keySkip } from './key-skip';

const record = (key: Buffer | null): RawRecord => ({ partition: 0, offset: '0', timestamp: '0', timestampType: 'CreateTime', key, value: null, headers: [] });
const filter = (key: string | null) => MessageFilter.parse({ key });
const plain = { masked: false, rankAll: false, topic: 't' };

describe('passing over other keys in a read by exact key', () => {
  it('skips other and null keys on their bytes, never the key searched for or a schema-framed one', () => {
    const skip = keySkip(filter('user-1'), plain)!;
    expect(skip(record(Buffer.from('user-1')))).toBe(false);
    expect(skip(record(Buffer.from('user-10')))).toBe(true);
    expect(skip(record(null))).toBe(true);
    expect(skip(record(Buffer.from([0, 0, 0, 0, 3, 2, 4])))).toBe(false);
  });

  it('leaves every record to the full filter when masking, ranking or no key decides', () => {
    expect(keySkip(filter(null), plain)).toBeNull();
    expect(keySkip(filter('k'), { ...plain, masked: true })).toBeNull();
    expect(keySkip(filter('k'), { ...plain, rankAll: true })).toBeNull();
  });
});
