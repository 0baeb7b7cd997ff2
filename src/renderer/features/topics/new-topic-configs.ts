/** The create form's common settings, turned into Kafka configs; empty means the broker's default. */
export interface NewTopicSettings {
  retention: string;
  retentionMsCustom: string;
  retentionBytes: string;
  retentionBytesUnit: 'MiB' | 'GiB';
  cleanupPolicy: '' | 'delete' | 'compact' | 'compact,delete';
  minInsyncReplicas: string;
  maxMessageBytes: string;
}

export const RETENTION_CHOICES: { value: string; label: string }[] = [
  { value: '', label: 'Broker default' },
  { value: String(3_600_000), label: '1 hour' },
  { value: String(86_400_000), label: '1 day' },
  { value: String(7 * 86_400_000), label: '7 days' },
  { value: String(30 * 86_400_000), label: '30 days' },
  { value: '-1', label: 'Forever' },
  { value: 'custom', label: 'Custom (ms)…' },
];

export const emptySettings: NewTopicSettings = {
  retention: '',
  retentionMsCustom: '',
  retentionBytes: '',
  retentionBytesUnit: 'GiB',
  cleanupPolicy: '',
  minInsyncReplicas: '',
  maxMessageBytes: '',
};

const UNIT = { MiB: 1024 ** 2, GiB: 1024 ** 3 } as const;

/** Only what the user set: everything else stays with the broker's defaults. */
export function toConfigs(s: NewTopicSettings): Record<string, string> {
  const out: Record<string, string> = {};
  const retention = s.retention === 'custom' ? s.retentionMsCustom.trim() : s.retention;
  if (retention) out['retention.ms'] = retention;
  if (s.retentionBytes.trim()) out['retention.bytes'] = String(Math.round(Number(s.retentionBytes) * UNIT[s.retentionBytesUnit]));
  if (s.cleanupPolicy) out['cleanup.policy'] = s.cleanupPolicy;
  if (s.minInsyncReplicas.trim()) out['min.insync.replicas'] = s.minInsyncReplicas.trim();
  if (s.maxMessageBytes.trim()) out['max.message.bytes'] = s.maxMessageBytes.trim();
  return out;
}
