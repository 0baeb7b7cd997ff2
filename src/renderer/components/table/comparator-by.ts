import type { SortingState } from '@tanstack/react-table';

/** What each sortable column of a page-sorted (windowed) table sorts by. */
export type SortKeys<T> = Record<string, (row: T) => string | number>;

/** Orders two different sort values; the default is plain `<` (code-unit order for text). */
export type CompareValues = (x: string | number, y: string | number) => number;

const plain: CompareValues = (x, y) => (x < y ? -1 : 1);

/**
 * A comparator for the table's first sort column (`fallback` when none or unknown). Rows whose
 * values are equal are ordered by `tie`, so the order is stable whichever column sorts.
 */
export function comparatorBy<T>(
  sorting: SortingState,
  keys: SortKeys<T>,
  fallback: string,
  tie: (a: T, b: T) => number,
  compare: CompareValues = plain,
): (a: T, b: T) => number {
  const by = sorting[0];
  const key = (by && keys[by.id]) || keys[fallback];
  if (!key) throw new Error(`no sort key for the fallback column ${fallback}`);
  const sign = by?.desc ? -1 : 1;
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x !== y ? compare(x, y) * sign : tie(a, b);
  };
}
