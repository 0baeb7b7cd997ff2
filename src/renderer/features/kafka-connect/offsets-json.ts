import type { ConnectorOffsets } from '../../../shared/api';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The offsets editor's text as the worker's PATCH body takes it, or what is wrong with it. */
export function parseOffsetsJson(text: string): { offsets: ConnectorOffsets['offsets'] } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `Not JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(parsed)) return { error: 'Offsets are a JSON list of { "partition": {…}, "offset": {…} or null }.' };
  if (parsed.length === 0) return { error: 'The list is empty: nothing to write (use Reset to remove all offsets).' };
  const offsets: ConnectorOffsets['offsets'] = [];
  for (const [i, entry] of parsed.entries()) {
    if (!isObject(entry) || !isObject(entry.partition)) return { error: `Entry ${i + 1} needs a "partition" object.` };
    if (entry.offset !== null && !isObject(entry.offset)) return { error: `Entry ${i + 1}: "offset" is an object, or null to remove it.` };
    offsets.push({ partition: entry.partition, offset: entry.offset });
  }
  return { offsets };
}
