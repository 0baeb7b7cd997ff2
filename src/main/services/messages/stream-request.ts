import type { MessageFilter, MessagesBatch, StartPosition } from '../../../shared/api';
import type { SchemaDecoder } from '../../schemas/schema-decoder';
import type { RecordMasker } from '../masking/record-masker';

/** What a streamed read needs, search or tail: where, what to keep, how to stop, where to push. */
export interface StreamRequest {
  runId: string;
  topic: string;
  partitions: number[] | null;
  filter: MessageFilter;
  signal: AbortSignal;
  push(batch: MessagesBatch): void;
  /** Decodes schema-framed keys and values (the connection's registry); absent: shown raw. */
  schemas?: SchemaDecoder;
  /** The profile's masking rules for this topic: applied before the filter, so a masked value cannot be found. */
  mask?: RecordMasker | null;
  /**
   * Bytes pushed to the window and not yet taken by it (absent where the transport cannot say).
   * Above MAX_BACKLOG_BYTES a tail waits before fetching more, and a search holds back its
   * in-between pushes of the newest matches (see BatchPusher).
   */
  backlog?(): number;
}

/**
 * Pushed bytes the window may leave untaken before a read holds back: a topic written faster
 * than the window reads (50,000 msg/s) otherwise piles up in main's socket buffer (64 MB in 30 s,
 * growing).
 */
export const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;
/** How often a read held back by the backlog looks again. */
export const BACKLOG_POLL_MS = 50;

export interface SearchRequest extends StreamRequest {
  position: StartPosition;
  limit: number;
  /** How many messages the window keeps: the rest are counted, not pushed (see BatchPusher). */
  keep?: number;
}

export interface TailRequest extends StreamRequest {
  /** Where a paused tail stopped, per partition; others start at their end. */
  resumeFrom?: { partition: number; offset: string }[] | null;
  /** False once the connection is closed: the tail ends quietly. */
  isOpen(): boolean;
  /** The connection's health: an outage makes the tail wait for the cluster instead of ending. */
  health?: TailHealth;
}

export interface TailHealth {
  /** The work, or the lost error as soon as the connection is lost (a frozen broker holds a fetch). */
  guard<T>(work: Promise<T>): Promise<T>;
  /** Resolves once the connection is not lost (or the signal aborts). */
  waitUntilUsable(signal: AbortSignal): Promise<void>;
}
