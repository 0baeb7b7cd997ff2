import { describe, expect, it } from 'vitest';
import { connectFromStatus, connectUnreachable } from './connect-errors';

describe('Kafka Connect errors in the user’s terms', () => {
  const at = 'http://10.0.0.5:8083';
  it('tells a rebalance (409) from a name conflict (409), and says to wait for the first', () => {
    const rebalancing = connectFromStatus('ingest', at, 409, { error_code: 409, message: 'Cannot complete request because of a conflicting operation (e.g. worker rebalance)' }, 'pause "orders-sink"');
    expect(rebalancing).toMatchObject({ code: 'CONNECT_REBALANCING', retriable: true });
    expect(rebalancing.message).toBe('Kafka Connect "ingest" is rebalancing its workers and cannot pause "orders-sink" now: Cannot complete request because of a conflicting operation (e.g. worker rebalance)');
    expect(connectFromStatus('ingest', at, 409, { message: 'Cannot complete request momentarily due to stale configuration (typically caused by a concurrent config change)' }, 'x').code).toBe('CONNECT_REBALANCING');
    expect(connectFromStatus('ingest', at, 500, { error_code: 500, message: 'Request cannot be completed because a rebalance is expected' }, 'read connector "x"').code).toBe('CONNECT_REBALANCING');
    expect(connectFromStatus('ingest', at, 409, { message: 'Connector orders-sink already exists' }, 'create connector "orders-sink"')).toMatchObject({ code: 'CONNECT_CONFLICT', message: 'Kafka Connect "ingest" refused to create connector "orders-sink" (409): Connector orders-sink already exists' });
  });
  it('names a worker failure (500), missing credentials (401), a timeout and a worker that is down', () => {
    expect(connectFromStatus('ingest', at, 500, { error_code: 500, message: 'Request timed out' }, 'list connectors')).toMatchObject({ code: 'CONNECT_SERVER_ERROR', message: 'Kafka Connect "ingest" failed to list connectors (500): Request timed out', retriable: true });
    expect(connectFromStatus('ingest', at, 401, null, 'list connectors').code).toBe('CONNECT_UNAUTHORIZED');
    expect(connectUnreachable('ingest', at, Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }))).toMatchObject({ code: 'CONNECT_TIMEOUT', message: 'Kafka Connect "ingest" (http://10.0.0.5:8083) did not answer in time.' });
    expect(connectUnreachable('ingest', at, Object.assign(new Error('x'), { code: 'ECONNREFUSED' })).message).toBe('Kafka Connect "ingest" (http://10.0.0.5:8083) refused the connection: is the worker running?');
  });
});
