import { describe, expect, it } from 'vitest';
import { decode } from './offset-delete';

describe('OffsetDelete v0 response', () => {
  it('reads the top-level and per-partition error codes', () => {
    const name = Buffer.from('orders');
    const raw = Buffer.concat([
      Buffer.from([0, 0]), // error_code
      Buffer.from([0, 0, 0, 0]), // throttle
      Buffer.from([0, 0, 0, 1]), // one topic
      Buffer.from([0, name.length]),
      name,
      Buffer.from([0, 0, 0, 2]), // two partitions
      Buffer.from([0, 0, 0, 0, 0, 0]),
      Buffer.from([0, 0, 0, 1, 0, 86]), // GROUP_SUBSCRIBED_TO_TOPIC
    ]);
    expect(decode(raw)).toEqual({ errorCode: 0, partitions: [{ partition: 0, errorCode: 0 }, { partition: 1, errorCode: 86 }] });
  });
});
