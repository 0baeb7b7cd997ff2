import type { WireMessage } from '../../../shared/api/message-wire';

interface Candidate {
  timestamp: number;
  partition: number;
  offset: number;
  /** The message when it matched the filter; null when it only counts for "newest". */
  match: WireMessage | null;
}

/**
 * "The newest N messages overall": each partition's newest N are read, and only the N newest of
 * all of them (by timestamp, then partition and offset) are kept. Matches of the filter are
 * chosen among those N, so a filter never reaches further back than the position says.
 * Memory stays under 2N candidates however many partitions are read.
 */
export class NewestOverall {
  private candidates: Candidate[] = [];

  constructor(private readonly count: number) {}

  offer(timestamp: number, partition: number, offset: number, match: WireMessage | null): void {
    this.candidates.push({ timestamp, partition, offset, match });
    if (this.candidates.length >= 2 * this.count) this.trim();
  }

  /** The matches among the newest N, newest first. */
  matches(): WireMessage[] {
    this.trim();
    return this.candidates.flatMap((c) => (c.match ? [c.match] : []));
  }

  private trim(): void {
    this.candidates.sort((a, b) => b.timestamp - a.timestamp || a.partition - b.partition || b.offset - a.offset);
    this.candidates.length = Math.min(this.candidates.length, this.count);
  }
}
