import { describe, expect, it } from 'vitest';
import { fromProtocol } from './group-loader';

describe('fromProtocol', () => {
  it('keeps what KIP-848 says about a group and its members, in the classic shape the views use', () => {
    const g = fromProtocol(
      {
        groupId: 'billing',
        state: 'Reconciling',
        groupEpoch: 7,
        assignmentEpoch: 7,
        assignor: 'uniform',
        members: [
          {
            memberId: 'm1',
            instanceId: null,
            memberEpoch: 6,
            clientId: 'c1',
            host: '/10.0.0.1',
            subscribedTopics: [],
            subscribedRegex: 'orders-.*',
            assignment: [{ topic: 'orders-eu', partitions: [0, 1] }],
            target: [{ topic: 'orders-eu', partitions: [0] }],
          },
        ],
      },
      'consumer',
    );
    expect(g).toMatchObject({ type: 'consumer', protocolType: 'consumer', protocol: 'uniform', state: 'Reconciling', groupEpoch: 7 });
    expect(g.members[0]).toMatchObject({ memberEpoch: 6, subscribedRegex: 'orders-.*', assignment: [{ topic: 'orders-eu', partitions: [0, 1] }], target: [{ topic: 'orders-eu', partitions: [0] }] });
  });

  it('marks share groups as such (no target: share members do not reconcile)', () => {
    const g = fromProtocol({ groupId: 'q', state: 'Empty', groupEpoch: 1, assignmentEpoch: 1, assignor: 'simple', members: [] }, 'share');
    expect(g).toMatchObject({ type: 'share', protocolType: 'share', members: [] });
  });
});
