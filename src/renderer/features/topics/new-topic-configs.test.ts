import { describe, expect, it } from 'vitest';
import { emptySettings, toConfigs } from './new-topic-configs';

describe('new topic settings to configs', () => {
  it('sends nothing for defaults, so the broker decides', () => {
    expect(toConfigs(emptySettings)).toEqual({});
  });

  it('sends exactly what was set, sizes in bytes', () => {
    expect(toConfigs({ ...emptySettings, retention: '86400000', retentionBytes: '1.5', retentionBytesUnit: 'GiB', cleanupPolicy: 'compact,delete', minInsyncReplicas: '2', maxMessageBytes: '2097152' })).toEqual({
      'retention.ms': '86400000',
      'retention.bytes': String(1.5 * 1024 ** 3),
      'cleanup.policy': 'compact,delete',
      'min.insync.replicas': '2',
      'max.message.bytes': '2097152',
    });
    expect(toConfigs({ ...emptySettings, retention: 'custom', retentionMsCustom: '90000' })).toEqual({ 'retention.ms': '90000' });
  });
});
