/**
 * The newest `capacity` items offered (each with its extra, e.g. a record and its decoded
 * parts), oldest first, and how many older ones fell out. Main holds a long read's matches here
 * instead of pushing them: the window keeps only its newest N anyway, so a match that N newer
 * ones follow is counted, never converted or serialized.
 */
export class HeldMatches<T, E> {
  private readonly items: (T | undefined)[];
  private readonly extras: (E | undefined)[];
  private start = 0;
  private count = 0;
  /** Items pushed out by newer ones since the last take(). */
  private fellOut = 0;

  constructor(
    readonly capacity: number,
    /** Told of each item a newer one pushes out: what only it kept alive may be let go. */
    private readonly fellOutOne: ((item: T, extra: E) => void) | null = null,
  ) {
    this.items = new Array<T | undefined>(capacity);
    this.extras = new Array<E | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  offer(item: T, extra: E): void {
    if (this.count === this.capacity) {
      if (this.fellOutOne) this.fellOutOne(this.items[this.start] as T, this.extras[this.start] as E);
      this.items[this.start] = this.extras[this.start] = undefined;
      this.start = (this.start + 1) % this.capacity;
      this.count--;
      this.fellOut++;
    }
    const at = (this.start + this.count) % this.capacity;
    this.items[at] = item;
    this.extras[at] = extra;
    this.count++;
  }

  /** Counts `n` items offered and pushed out at once by newer ones (never stored: the caller knows). */
  fallOut(n: number): void {
    this.fellOut += n;
  }

  /** Hands the oldest `n` held items to `each` (oldest first) and lets go of them. */
  takeOldest(n: number, each: (item: T, extra: E) => void): void {
    for (let i = 0; i < n && this.count > 0; i++) {
      const at = this.start;
      const item = this.items[at] as T;
      const extra = this.extras[at] as E;
      this.items[at] = this.extras[at] = undefined;
      this.start = (this.start + 1) % this.capacity;
      this.count--;
      each(item, extra);
    }
    if (this.count === 0) this.start = 0;
  }

  /** How many fell out since the last take (or takeFellOut); counts from zero again. */
  takeFellOut(): number {
    const fellOut = this.fellOut;
    this.fellOut = 0;
    return fellOut;
  }

  /** Empties the ring: hands each held item (oldest first) to `each`; returns how many fell out since the last take. */
  take(each: (item: T, extra: E) => void): number {
    for (let i = 0; i < this.count; i++) {
      const at = (this.start + i) % this.capacity;
      each(this.items[at] as T, this.extras[at] as E);
      this.items[at] = this.extras[at] = undefined;
    }
    const fellOut = this.fellOut;
    this.start = this.count = this.fellOut = 0;
    return fellOut;
  }
}
