import { describe, expect, it } from 'vitest';
import { errorNameForCode } from './protocol-errors';
import { leadersUnknown, RETRIABLE } from './producer';

describe('produce retries', () => {
  it('retry a leader that moved, by the name the error table gives code 6', () => {
    expect(RETRIABLE.has(errorNameForCode(6))).toBe(true);
    for (const code of [3, 5, 13, 41, 56]) expect(RETRIABLE.has(errorNameForCode(code))).toBe(true);
    expect(RETRIABLE.has(errorNameForCode(10))).toBe(false); // MESSAGE_TOO_LARGE is final
  });

  it('never retry what the leader has already written: a retry would write it twice', () => {
    for (const code of [7 /* REQUEST_TIMED_OUT */, 19 /* NOT_ENOUGH_REPLICAS */, 20 /* NOT_ENOUGH_REPLICAS_AFTER_APPEND */]) expect(RETRIABLE.has(errorNameForCode(code)), errorNameForCode(code)).toBe(false);
  });

  it('a leader lookup that failed says nothing was sent, and why in the words of its cause', () => {
    const refused = leadersUnknown('orders', { name: 'KafkaConnectionError', code: 'CONNECTION', message: 'Connection refused by 127.0.0.1:9', retriable: true });
    expect(refused.message).toBe('Nothing was sent to orders: no broker could be reached to ask which brokers lead its partitions (Connection refused by 127.0.0.1:9).');
    const silent = leadersUnknown('orders', { name: 'KafkaJSLockTimeout', code: 'TIMEOUT', message: 'Timeout while acquiring lock', retriable: true });
    expect(silent.message).toBe('Nothing was sent to orders: no broker said in time which brokers lead its partitions.');
    expect(silent.hint).toContain('frozen or overloaded (Timeout while acquiring lock)');
    for (const e of [refused, silent]) expect(e.code).toBe('LEADERS_UNKNOWN');
  });
});
