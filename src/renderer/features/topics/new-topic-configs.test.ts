import { describe, expect, it } from 'vitest';
import { checkPartitions, checkReplication, emptySettings, fromConfigs, toConfigs } from './new-topic-configs';

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

describe('typed counts of the create form', () => {
  it('keeps a replication factor above the live brokers as typed, and says the broker will refuse it', () => {
    expect(checkReplication('2', 1)).toEqual({ value: 2, error: null, warning: 'Only 1 broker live: the broker will refuse 2.' });
    expect(checkReplication('4', 3).warning).toBe('Only 3 brokers live: the broker will refuse 4.');
    expect(checkReplication('3', 3)).toEqual({ value: 3, error: null, warning: null });
    expect(checkReplication('2', undefined)).toEqual({ value: 2, error: null, warning: null });
  });

  it('says what is wrong with a count that cannot be sent, without changing it', () => {
    expect(checkReplication('', 1)).toMatchObject({ value: null, error: 'A whole number of copies, at least 1.' });
    expect(checkReplication('0', 1)).toMatchObject({ value: null, error: 'From 1 to 32,767 copies.' });
    expect(checkReplication('1.5', 3).value).toBeNull();
    expect(checkPartitions('0')).toMatchObject({ value: null, error: 'From 1 to 100,000 partitions.' });
    expect(checkPartitions(' 12 ')).toEqual({ value: 12, error: null, warning: null });
  });
});

describe('fromConfigs (picking a template)', () => {
  it('fills the form so that creating sends the same configs', () => {
    for (const configs of <Record<string, string>[]>[
      { 'retention.ms': '604800000', 'retention.bytes': String(2 * 1024 ** 3), 'cleanup.policy': 'compact,delete', 'min.insync.replicas': '2', 'max.message.bytes': '2000000' },
      { 'retention.ms': '12345', 'retention.bytes': String(512 * 1024 ** 2) },
      {},
    ]) {
      expect(toConfigs(fromConfigs(configs))).toEqual(configs);
    }
    expect(fromConfigs({ 'retention.ms': '12345' })).toMatchObject({ retention: 'custom', retentionMsCustom: '12345' });
  });
});
