/** One formatter for every count: `n.toLocaleString('en')` looks the locale up again on each call, per cell. */
const counts = new Intl.NumberFormat('en');

/** 1234567 → "1,234,567". */
export function formatCount(n: number | bigint): string {
  return counts.format(n);
}
