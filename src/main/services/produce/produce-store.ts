import { join } from 'node:path';
import { z } from 'zod';
import { MessageDraft, Template, type HistoryEntry } from '../../../shared/api';
import { createJsonStore, type JsonStore } from '../../storage/json-store';
import type { Logger } from '../../log';

const HISTORY_PER_CLUSTER = 50;

const Entry = z.object({
  topic: z.string(),
  message: MessageDraft,
  result: z.object({ topic: z.string(), partition: z.number(), offset: z.string().nullable(), timestamp: z.string(), timestampType: z.enum(['CreateTime', 'LogAppendTime']) }),
  sentAt: z.string(),
});

const ProduceDocument = z.object({
  version: z.literal(1),
  /** Keyed by the cluster's bootstrap list (sorted), so history follows the cluster, not the window. */
  history: z.record(z.string(), z.array(Entry)),
  templates: z.array(Template),
});
export type ProduceDocument = z.output<typeof ProduceDocument>;

export function createProduceStore(userDataDir: string, log: Logger): JsonStore<ProduceDocument> {
  return createJsonStore({
    file: join(userDataDir, 'produce.json'),
    schema: ProduceDocument,
    version: 1,
    defaults: () => ({ version: 1 as const, history: {}, templates: [] }),
    log,
  });
}

export function withHistoryEntry(doc: ProduceDocument, cluster: string, entry: HistoryEntry): ProduceDocument {
  const list = [entry, ...(doc.history[cluster] ?? [])].slice(0, HISTORY_PER_CLUSTER);
  return { ...doc, history: { ...doc.history, [cluster]: list } };
}

/** The example every Kafka tutorial starts with, always available. */
export const BUILT_IN_TEMPLATES: Template[] = [
  {
    id: 'builtin-rider-updates',
    name: 'rider-updates: location update',
    topic: 'rider-updates',
    builtIn: true,
    message: {
      key: { format: 'text', text: 'location-update' },
      value: { format: 'json', text: '{\n  "rider_name": "Master Chief",\n  "loc": "SOUTH"\n}' },
      headers: [],
      partition: 0,
      timestamp: null,
    },
  },
];
