/**
 * Kafka's default partitioner for keyed records (Java's Utils.murmur2 with seed 0x9747b28c,
 * then `toPositive(hash) % partitions`), so a key lands where Java and librdkafka
 * (`partitioner=murmur2_random`) put it. Shared: the form predicts, main sends.
 * Hashes data[start, end): all of it by default.
 */
export function murmur2(data: Uint8Array, start = 0, end = data.length): number {
  const length = end - start;
  const seed = 0x9747b28c;
  const m = 0x5bd1e995;
  const r = 24;
  let h = seed ^ length;
  const length4 = length >> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = start + i * 4;
    let k = (data[i4]! & 0xff) + ((data[i4 + 1]! & 0xff) << 8) + ((data[i4 + 2]! & 0xff) << 16) + ((data[i4 + 3]! & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const index = start + length4 * 4;
  // Java's switch falls through from 3 to 2 to 1; spelled out here.
  const tail = length % 4;
  if (tail >= 3) h ^= (data[index + 2]! & 0xff) << 16;
  if (tail >= 2) h ^= (data[index + 1]! & 0xff) << 8;
  if (tail >= 1) {
    h ^= data[index]! & 0xff;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** The partition Kafka's default partitioner picks for a non-null key. */
export function partitionForKey(key: Uint8Array, partitionCount: number): number {
  return (murmur2(key) & 0x7fffffff) % partitionCount;
}

/**
 * The partition for a text key, without encoding it first: an ASCII key's UTF-8 bytes are its
 * char codes, so they are hashed as they are (a burst's keys need no Buffer each); other text
 * is encoded as UTF-8.
 */
export function partitionForText(key: string, partitionCount: number): number {
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) > 0x7f) return partitionForKey(new TextEncoder().encode(key), partitionCount);
  }
  return (murmur2Ascii(key) & 0x7fffffff) % partitionCount;
}

/** murmur2 above, over an ASCII string's char codes (its bytes). */
function murmur2Ascii(data: string): number {
  const length = data.length;
  const m = 0x5bd1e995;
  let h = 0x9747b28c ^ length;
  const length4 = length >> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = data.charCodeAt(i4) + (data.charCodeAt(i4 + 1) << 8) + (data.charCodeAt(i4 + 2) << 16) + (data.charCodeAt(i4 + 3) << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const index = length4 * 4;
  const tail = length % 4;
  if (tail >= 3) h ^= data.charCodeAt(index + 2) << 16;
  if (tail >= 2) h ^= data.charCodeAt(index + 1) << 8;
  if (tail >= 1) {
    h ^= data.charCodeAt(index);
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}
