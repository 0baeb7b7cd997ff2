import { partitionForKey } from '../../../shared/produce/murmur2';
import type { OutgoingRecord } from '../../kafka/ports/producer';

/**
 * Reads an imported file's lines as records. NDJSON: one object per line with `key`, `value`
 * (a string is sent as is, anything else as JSON; null is a tombstone), `headers` (an object
 * or [{key, value}]) and `partition`. "lines": every non-empty line is a value with a null key.
 */
export function importedRecords(content: string, format: 'ndjson' | 'lines', partitionCount: number): { total: number; record(seq: number): OutgoingRecord } {
  // Non-empty lines and their 1-based numbers (for error messages), without a regex split.
  const texts: string[] = [];
  const numbers: number[] = [];
  content.split('\n').forEach((line, i) => {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (/\S/.test(text)) {
      texts.push(text);
      numbers.push(i + 1);
    }
  });
  let roundRobin = 0;
  const place = (key: Buffer | null, partition: unknown, line: number) => {
    if (partition !== undefined && partition !== null) {
      if (!Number.isInteger(partition) || (partition as number) < 0 || (partition as number) >= partitionCount) {
        throw new Error(`line ${line}: partition ${JSON.stringify(partition)} does not exist (0–${partitionCount - 1})`);
      }
      return partition as number;
    }
    return key !== null ? partitionForKey(key, partitionCount) : roundRobin++ % partitionCount;
  };

  return {
    total: texts.length,
    record(seq) {
      const text = texts[seq - 1]!;
      const number = numbers[seq - 1]!;
      if (format === 'lines') return { key: null, value: Buffer.from(text, 'utf8'), headers: [], partition: place(null, undefined, number), timestamp: Date.now() };
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch (error) {
        throw new Error(`line ${number}: not valid JSON (${(error as Error).message})`, { cause: error });
      }
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new Error(`line ${number}: expected an object with key, value, headers, partition`);
      const { key, value, headers, partition } = row as Record<string, unknown>;
      const keyBytes = toBytes(key);
      // The value stays a string: the producer writes it into the batch without an extra copy.
      const valueText = value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);
      return { key: keyBytes, value: valueText, headers: toHeaders(headers, number), partition: place(keyBytes, partition, number), timestamp: Date.now() };
    },
  };
}

function toBytes(v: unknown): Buffer | null {
  if (v === undefined || v === null) return null;
  return Buffer.from(typeof v === 'string' ? v : JSON.stringify(v), 'utf8');
}

function toHeaders(h: unknown, line: number): { key: string; value: Buffer }[] {
  if (h === undefined || h === null) return [];
  const pairs: [unknown, unknown][] = Array.isArray(h) ? h.map((x) => [(x as { key?: unknown })?.key, (x as { value?: unknown })?.value]) : Object.entries(h as object);
  return pairs.map(([key, value]) => {
    if (typeof key !== 'string' || key === '') throw new Error(`line ${line}: every header needs a non-empty string key`);
    return { key, value: toBytes(value) ?? Buffer.alloc(0) };
  });
}
