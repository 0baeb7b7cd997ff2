import { describe, expect, it } from 'vitest';
import { newClusterId, serverProperties } from './server-properties';

describe('local cluster configuration', () => {
  it('makes cluster ids kafka-storage accepts', () => {
    for (let i = 0; i < 2000; i++) {
      const id = newClusterId();
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    }
  });

  it('lists every node as a voter and scales replication with the node count', () => {
    const nodes = [1, 2, 3].map((id) => ({ id, port: 9000 + id, controllerPort: 9100 + id, logDir: `/d/${id}` }));
    const text = serverProperties({ nodes }, nodes[1]!);
    expect(text).toContain('controller.quorum.voters=1@127.0.0.1:9101,2@127.0.0.1:9102,3@127.0.0.1:9103');
    expect(text).toContain('node.id=2');
    expect(text).toContain('offsets.topic.replication.factor=3');
    expect(text).toContain('transaction.state.log.min.isr=2');
  });
});
