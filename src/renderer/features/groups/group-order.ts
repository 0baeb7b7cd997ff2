import type { SortingState } from '@tanstack/react-table';
import type { GroupSummary } from '../../../shared/api';
import { type CompareValues, comparatorBy, type SortKeys } from '../../components/table/comparator-by';

/** What each sortable column sorts by (the table is windowed: the page orders the rows itself). */
const SORT_KEYS: SortKeys<GroupSummary> = {
  groupId: (g) => g.groupId,
  state: (g) => g.state,
  type: (g) => g.type,
  assignor: (g) => g.assignor,
  members: (g) => g.members,
  topics: (g) => g.topics.join(', '),
  trend: (g) => (g.trend === null ? '' : g.trend),
  // Groups that committed nothing sort below those with lag 0.
  lag: (g) => g.totalLag ?? -1,
};

/** The text columns the filter reads (the numbers are not searched). */
export const FILTER_COLUMNS = ['groupId', 'state', 'type', 'assignor', 'topics'];

/** Group ids compare as people read them: "g2" before "g10". */
const natural = new Intl.Collator('en', { numeric: true });

/** Numbers by value, text naturally (code-unit order only between texts the collator deems equal). */
const compareValues: CompareValues = (x, y) =>
  typeof x === 'number' && typeof y === 'number' ? x - y : natural.compare(String(x), String(y)) || (x < y ? -1 : 1);

const byGroupId = (a: GroupSummary, b: GroupSummary) => natural.compare(a.groupId, b.groupId);

/** A comparator for the table's sorting; ties by group id, so the order is stable. */
export function groupComparator(sorting: SortingState): (a: GroupSummary, b: GroupSummary) => number {
  return comparatorBy(sorting, SORT_KEYS, 'groupId', byGroupId, compareValues);
}

/**
 * Each summary's filterable text, lower-cased once (summaries are replaced, not changed, when new
 * details arrive): a keystroke then costs one `includes` per group, not five `toLowerCase`.
 */
const haystacks = new WeakMap<GroupSummary, string>();

function haystack(g: GroupSummary): string {
  let text = haystacks.get(g);
  if (text === undefined) {
    // A separator no one types, so a match never spans two columns.
    text = [g.groupId, g.state, g.type, g.assignor, g.topics.join(', ')].join('\u0000').toLowerCase();
    haystacks.set(g, text);
  }
  return text;
}

/** The groups whose text columns contain `filter` (case-insensitive); all of them for an empty filter. */
export function filterGroups(groups: readonly GroupSummary[], filter: string): readonly GroupSummary[] {
  const needle = filter.trim().toLowerCase();
  return needle ? groups.filter((g) => haystack(g).includes(needle)) : groups;
}
