/** Most children a node shows at once. */
export const GROUP_SIZE = 100;

/**
 * Arrays and objects with more than GROUP_SIZE children become groups labelled by index range
 * ("[0 … 99]", "[100 … 199]", …, nested again when there are more than GROUP_SIZE groups), as
 * browser dev tools do: unfolding any node then renders at most GROUP_SIZE rows, so a 256 KiB
 * array of small objects unfolds in a few milliseconds instead of rendering thousands of rows.
 */
export function groupLarge(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(groupLarge);
    return items.length > GROUP_SIZE ? ranges(0, items.length, (from, to) => items.slice(from, to)) : items;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => [k, groupLarge(v)] as const);
    const whole = (from: number, to: number) => Object.fromEntries(entries.slice(from, to));
    return entries.length > GROUP_SIZE ? ranges(0, entries.length, whole) : whole(0, entries.length);
  }
  return value;
}

function ranges(from: number, to: number, leaf: (from: number, to: number) => unknown): unknown {
  if (to - from <= GROUP_SIZE) return leaf(from, to);
  let size = GROUP_SIZE;
  while ((to - from) / size > GROUP_SIZE) size *= GROUP_SIZE;
  const out: Record<string, unknown> = {};
  for (let at = from; at < to; at += size) {
    const end = Math.min(to, at + size);
    out[`[${at} … ${end - 1}]`] = ranges(at, end, leaf);
  }
  return out;
}
