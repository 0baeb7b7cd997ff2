import { MAX_LATEST_KEYS, MAX_SEARCH_MATCHES, type SearchSummary } from '../../../shared/api';
import { WIRE_BASE64, type WireMessage } from '../../../shared/api/message-wire';
import type { KafkaClient } from '../../kafka/client';
import { linkedController } from '../cancellable';
import { searchMessages } from './search-messages';
import type { SearchRequest } from './stream-request';

/** What the kept messages may weigh (their previews), besides the key count. */
const MAX_LATEST_CHARS = 128 * 1024 * 1024;
const PUSH_BATCH = 5_000;

/**
 * The compacted view of a range: the latest message per key, as a compacted topic will hold it
 * once the cleaner has run. Reads the range as a search does (filters and masking included),
 * folds the matches into one entry per key as they stream, forwards only the progress while
 * reading, and sends the kept messages at the end. Memory is bounded: at MAX_LATEST_KEYS keys
 * (or MAX_LATEST_CHARS of previews) the read stops and says so.
 */
export async function latestPerKey(client: KafkaClient, req: SearchRequest & { tombstones: boolean }): Promise<SearchSummary> {
  const latest = new Map<string, WireMessage>();
  let chars = 0;
  let unkeyed = 0;
  let capped = false;
  const stop = linkedController(req.signal);
  const weigh = (m: WireMessage) => 64 + (m[4]?.[0].length ?? 0) + (m[5]?.[0].length ?? 0);
  const fold = (m: WireMessage) => {
    const key = m[4];
    if (key === null) {
      unkeyed++;
      return;
    }
    const id = `${key[2] & WIRE_BASE64}:${key[0]}`;
    const kept = latest.get(id);
    if (!kept && (latest.size >= MAX_LATEST_KEYS || chars >= MAX_LATEST_CHARS)) {
      capped = true;
      stop.abort();
      return;
    }
    // Within a partition later offsets win; a key in two partitions (another partitioner): the later time.
    if (kept && (kept[0] === m[0] ? Number(kept[1]) > Number(m[1]) : Number(kept[2]) > Number(m[2]))) return;
    chars += weigh(m) - (kept ? weigh(kept) : 0);
    latest.set(id, m);
  };
  let summary: SearchSummary;
  try {
    summary = await searchMessages(client, {
      ...req,
      limit: MAX_SEARCH_MATCHES,
      signal: stop.signal,
      push: (batch) => {
        for (const m of batch.messages) fold(m);
        if (batch.progress) req.push({ runId: req.runId, messages: [], progress: batch.progress });
      },
    });
  } finally {
    stop.release();
  }
  const kept = [...latest.values()];
  const tombstones = kept.reduce((n, m) => n + (m[5] === null ? 1 : 0), 0);
  const shown = (req.tombstones ? kept : kept.filter((m) => m[5] !== null)).sort((a, b) => a[0] - b[0] || Number(a[1]) - Number(b[1]));
  for (let i = 0; i < shown.length; i += PUSH_BATCH) {
    const last = i + PUSH_BATCH >= shown.length;
    req.push({ runId: req.runId, messages: shown.slice(i, i + PUSH_BATCH), progress: last ? summary.progress : null });
  }
  return {
    ...summary,
    limitReached: false,
    cancelled: req.signal.aborted,
    latestPerKey: { keys: latest.size, tombstones, unkeyed, capped },
  };
}
