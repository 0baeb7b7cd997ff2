/** One key's change between a connector's current config and an edit of it. */
export interface ConfigChange {
  key: string;
  kind: 'added' | 'removed' | 'changed';
  before: string | null;
  after: string | null;
}

/** Key-by-key differences, sorted by key: what "Apply" will change on the worker. */
export function configChanges(before: Record<string, string>, after: Record<string, string>): ConfigChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: ConfigChange[] = [];
  for (const key of keys) {
    const b = Object.hasOwn(before, key) ? before[key]! : null;
    const a = Object.hasOwn(after, key) ? after[key]! : null;
    if (b === a) continue;
    out.push({ key, kind: b === null ? 'added' : a === null ? 'removed' : 'changed', before: b, after: a });
  }
  return out;
}

/** The raw JSON mode's text as a config: an object of strings (numbers and booleans are written as the worker reads them). */
export function parseConfigJson(text: string): { config: Record<string, string> } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `Not JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'The config is a JSON object of keys and values.' };
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string') config[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') config[key] = String(value);
    else return { error: `"${key}" must be a string, number or boolean.` };
  }
  return { config };
}
