import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionHealth, ConnectionInfo } from '../../shared/api';
import { useHealthStore } from '../state/health-store';
import { useSession } from '../state/session-store';
import { QueryClient } from '@tanstack/react-query';
import { dropDataOfDeleted, retryDuringOutage } from './outage-retry';

const refused = { name: 'KafkaConnectionError', code: 'ECONNREFUSED', message: 'Broker h:1 refused the connection', retriable: true };
const health = (state: ConnectionHealth['state']): ConnectionHealth => ({ connectionId: 'c1', state, since: 0, lastHealthyAt: 0, brokers: [], unreachable: [], attempt: 1, nextAttemptAt: null });

describe('retryDuringOutage', () => {
  afterEach(() => {
    useSession.setState({ connection: null });
    useHealthStore.setState({ byConnection: {} });
  });

  it('retries an outage for as long as the connection is lost, and nothing else', () => {
    useSession.setState({ connection: { connectionId: 'c1' } as ConnectionInfo });
    expect(retryDuringOutage(0, refused)).toBe(true);
    expect(retryDuringOutage(3, refused)).toBe(false);
    expect(retryDuringOutage(0, { ...refused, name: 'KafkaTimeoutError', code: 'TIMEOUT' })).toBe(false);
    useHealthStore.getState().onHealth(health('lost'));
    expect(retryDuringOutage(500, refused)).toBe(true);
    expect(retryDuringOutage(0, { ...refused, name: 'KafkaTimeoutError', code: 'TIMEOUT' })).toBe(true);
    expect(retryDuringOutage(0, { name: 'KafkaProtocolError', code: 'UNKNOWN_TOPIC_OR_PARTITION', message: 'gone', retriable: false })).toBe(false);
    useHealthStore.getState().onHealth(health('degraded'));
    expect(retryDuringOutage(14, refused)).toBe(true);
    expect(retryDuringOutage(15, refused)).toBe(false);
  });
});

describe('dropDataOfDeleted', () => {
  it('drops the old data of an object that no longer exists, and leaves other failures alone', async () => {
    const client = new QueryClient();
    const key = ['cluster', 'c1', 'topics', 'gone', 'partitions'];
    client.setQueryData(key, [{ partition: 0 }]);
    const query = client.getQueryCache().find({ queryKey: key })!;
    dropDataOfDeleted(client, refused, query);
    expect(client.getQueryData(key)).toEqual([{ partition: 0 }]);
    dropDataOfDeleted(client, { name: 'NotFoundError', code: 'UNKNOWN_TOPIC_OR_PARTITION', message: 'Topic gone does not exist.', retriable: false }, query);
    await Promise.resolve();
    expect(client.getQueryData(key)).toBeUndefined();
  });
});
