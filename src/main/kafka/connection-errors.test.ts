import { describe, expect, it } from 'vitest';
import { kafkaErrorData } from './kafkajs/errors';
import { toErrorData } from '../rpc/to-error-data';

/** What kafkajs throws when the broker is gone, as it shapes it. */
function refused(): Error {
  const e = Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { name: 'KafkaJSConnectionError', code: 'ECONNREFUSED', broker: '127.0.0.1:9092', retriable: true });
  return Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { name: 'KafkaJSNumberOfRetriesExceeded', originalError: e });
}

describe('an unreachable broker, in the connection test’s words', () => {
  it('maps kafkajs ECONNREFUSED (wrapped in its retries) to a clear, retriable error', () => {
    expect(kafkaErrorData(refused())).toMatchObject({ name: 'KafkaConnectionError', code: 'ECONNREFUSED', message: 'Broker 127.0.0.1:9092 refused the connection', retriable: true, broker: '127.0.0.1:9092' });
  });

  it('never lets a kafkajs error that a service did not wrap reach the window as UNKNOWN', () => {
    expect(toErrorData(refused())).toMatchObject({ code: 'ECONNREFUSED', message: 'Broker 127.0.0.1:9092 refused the connection', retriable: true });
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(toErrorData(reset)).toMatchObject({ code: 'ECONNRESET', retriable: true });
  });
});
