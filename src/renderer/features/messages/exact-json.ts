/** JSON.rawJSON and the reviver's source text (ES2025; Chromium 114+, so Electron; not Node 20). */
const rawJSON = (JSON as { rawJSON?: (text: string) => unknown }).rawJSON;
type ExactReviver = (key: string, value: unknown, context?: { source?: string }) => unknown;

/**
 * Integers beyond 2^53 (int64 ids are common in Kafka payloads) are kept exact as BigInt, which
 * the tree shows with an `n`, instead of silently rounded; where the runtime lacks source text
 * access they are parsed as plain numbers.
 */
const exactIntegers: ExactReviver = (_key, value, context) =>
  typeof value === 'number' && !Number.isSafeInteger(value) && context?.source !== undefined && /^-?\d+$/.test(context.source) ? BigInt(context.source) : value;

/** JSON.parse keeping big integers exact where the runtime can. */
export function parseExact(text: string): unknown {
  return rawJSON ? JSON.parse(text, exactIntegers as Parameters<typeof JSON.parse>[1]) : JSON.parse(text);
}

/** Pretty JSON, big integers written with all their digits. */
export function stringifyExact(json: unknown): string {
  return JSON.stringify(json, (_key, value: unknown) => (typeof value === 'bigint' && rawJSON ? rawJSON(value.toString()) : value), 2);
}
