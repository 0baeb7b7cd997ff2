import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionInfo } from '../../shared/api';
import { activateCluster, openClusterByKey, removeCluster, useClusters } from './clusters-store';
import { useSession } from './session-store';

const info = (id: string, profileId?: string): ConnectionInfo =>
  ({ connectionId: id, name: id, brokers: [`${id}:9092`], readOnly: false, securityProtocol: 'PLAINTEXT', tlsUnverified: false, ...(profileId ? { profileId } : {}), clusterId: null }) as ConnectionInfo;

describe('open clusters follow the session', () => {
  beforeEach(() => {
    vi.stubGlobal('window', { location: { hash: '' } });
    useSession.setState({ connection: null });
    useClusters.setState({ open: [], activeId: null, lastPage: {}, adding: false, pendingLink: null });
  });

  it('a new connection joins the open ones and becomes active; the others stay open', () => {
    useClusters.getState().setAdding(true);
    useSession.getState().setConnection(info('a', 'pa'));
    useSession.getState().setConnection(info('b'));
    expect(useClusters.getState().open.map((c) => c.connectionId)).toEqual(['a', 'b']);
    expect(useClusters.getState().activeId).toBe('b');
    expect(useClusters.getState().adding).toBe(false);
    expect(openClusterByKey('pa')?.connectionId).toBe('a');
    expect(openClusterByKey('~b:9092')?.connectionId).toBe('b');

    activateCluster('a');
    expect(useSession.getState().connection?.connectionId).toBe('a');
    expect(useClusters.getState().activeId).toBe('a');
  });

  it('closing the active one shows the last connected of the rest, with the page it was left on', () => {
    useSession.getState().setConnection(info('a'));
    useSession.getState().setConnection(info('b'));
    useClusters.getState().rememberPage('a', 'topics/orders/messages');
    useClusters.getState().rememberPage('b', 'groups');
    expect(removeCluster('b')?.connectionId).toBe('a');
    expect(useSession.getState().connection?.connectionId).toBe('a');
    expect(useClusters.getState().lastPage).toEqual({ a: 'topics/orders/messages' });

    // Lost (the session drops the active one): the next is shown, else the connect screen.
    useSession.getState().setConnection(info('c'));
    useSession.getState().setConnection(null);
    expect(useClusters.getState().activeId).toBe('a');
    expect(window.location.hash).toBe('#/c/~a%3A9092/topics/orders/messages');
    useSession.getState().setConnection(null);
    expect(useClusters.getState().open).toEqual([]);
    expect(window.location.hash).toBe('#/connect');
  });
});
