/**
 * A fixed-capacity buffer that keeps the newest items: pushing past capacity overwrites the
 * oldest and counts them as dropped. O(1) per item, no array shifting, so a tail at tens of
 * thousands of messages a second costs the same at 50,000 kept as at 50. With a `weigh`
 * function it also keeps the total weight (e.g. bytes) under `maxWeight`: 50,000 big messages
 * must not take gigabytes.
 */
export class RingBuffer<T> {
  private items: (T | undefined)[];
  private weights: number[];
  private start = 0;
  private count = 0;
  private weight = 0;
  /** Items pushed out by newer ones since the last clear. */
  dropped = 0;

  constructor(
    private cap: number,
    private readonly budget: { weigh: (item: T) => number; maxWeight: number } | null = null,
  ) {
    this.items = new Array<T | undefined>(cap);
    this.weights = new Array<number>(cap).fill(0);
  }

  get capacity(): number {
    return this.cap;
  }

  get size(): number {
    return this.count;
  }

  push(batch: readonly T[]): void {
    this.pushConverted(batch, (item) => item);
  }

  /** Converts only what is kept: a batch bigger than the buffer costs no more than the buffer. */
  pushConverted<S>(batch: readonly S[], convert: (item: S) => T): void {
    // A batch bigger than the buffer: only its tail can be kept.
    const skip = Math.max(0, batch.length - this.cap);
    this.dropped += skip;
    for (let i = skip; i < batch.length; i++) {
      if (this.count === this.cap) this.dropOldest();
      const item = convert(batch[i]!);
      const at = (this.start + this.count) % this.cap;
      const weight = this.budget ? this.budget.weigh(item) : 0;
      this.items[at] = item;
      this.weights[at] = weight;
      this.weight += weight;
      this.count++;
      // Over budget: the oldest go, but the newest item always stays.
      while (this.budget && this.weight > this.budget.maxWeight && this.count > 1) this.dropOldest();
    }
  }

  /** Oldest first. */
  toArray(): T[] {
    const out = new Array<T>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.items[(this.start + i) % this.cap] as T;
    return out;
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.cap);
    this.weights = new Array<number>(this.cap).fill(0);
    this.start = 0;
    this.count = 0;
    this.weight = 0;
    this.dropped = 0;
  }

  /** Changes the capacity, keeping the newest items that fit. */
  resize(capacity: number): void {
    const kept = this.toArray();
    const cut = Math.max(0, kept.length - capacity);
    const dropped = this.dropped + cut;
    this.cap = capacity;
    this.clear();
    this.push(kept.slice(cut));
    this.dropped += dropped;
  }

  private dropOldest(): void {
    this.weight -= this.weights[this.start]!;
    this.items[this.start] = undefined;
    this.start = (this.start + 1) % this.cap;
    this.count--;
    this.dropped++;
  }
}
