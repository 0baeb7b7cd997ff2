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

/** What a typed count means: the number to send (null when none can be sent), and what is wrong with it, said next to the field. */
export interface CountCheck {
  value: number | null;
  error: string | null;
  warning: string | null;
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** Partitions as typed: a whole number from 1 to 100,000 (what main accepts). */
export function checkPartitions(text: string): CountCheck {
  const n = wholeNumber(text);
  if (n === null) return { value: null, error: 'A whole number of partitions, at least 1.', warning: null };
  if (n < 1 || n > 100_000) return { value: null, error: 'From 1 to 100,000 partitions.', warning: null };
  return { value: n, error: null, warning: null };
}

/**
 * The replication factor as typed. More copies than live brokers is not changed here: it is sent
 * as typed, so Validate and Create show the broker's own refusal; the field says why it will come.
 * `brokers` is undefined until the cluster overview has answered.
 */
export function checkReplication(text: string, brokers: number | undefined): CountCheck {
  const n = wholeNumber(text);
  if (n === null) return { value: null, error: 'A whole number of copies, at least 1.', warning: null };
  if (n < 1 || n > 32_767) return { value: null, error: 'From 1 to 32,767 copies.', warning: null };
  if (brokers !== undefined && n > brokers) {
    return { value: n, error: null, warning: `Only ${brokers} broker${brokers === 1 ? '' : 's'} live: the broker will refuse ${n}.` };
  }
  return { value: n, error: null, warning: null };
}

/** The form's settings for a template's configs (the inverse of toConfigs): what picking a template fills in. */
export function fromConfigs(configs: Record<string, string>): NewTopicSettings {
  const s: NewTopicSettings = { ...emptySettings };
  const retention = configs['retention.ms'];
  if (retention !== undefined) {
    const known = RETENTION_CHOICES.some((c) => c.value === retention && c.value !== 'custom');
    s.retention = known ? retention : 'custom';
    if (!known) s.retentionMsCustom = retention;
  }
  const bytes = configs['retention.bytes'];
  if (bytes !== undefined && Number(bytes) >= 0) {
    const n = Number(bytes);
    s.retentionBytesUnit = n % UNIT.GiB === 0 ? 'GiB' : 'MiB';
    s.retentionBytes = String(Number((n / UNIT[s.retentionBytesUnit]).toFixed(3)));
  }
  const policy = configs['cleanup.policy'];
  if (policy === 'delete' || policy === 'compact' || policy === 'compact,delete') s.cleanupPolicy = policy;
  s.minInsyncReplicas = configs['min.insync.replicas'] ?? '';
  s.maxMessageBytes = configs['max.message.bytes'] ?? '';
  return s;
}
