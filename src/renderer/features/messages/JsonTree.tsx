import { useMemo } from 'react';
import { groupLarge } from './json-groups';
import { JsonView, type Props as JsonViewProps } from 'react-json-view-lite';

/** Our own class names (messages.css): the library's stylesheet is not loaded, colours follow the theme. */
const STYLE: NonNullable<JsonViewProps['style']> = {
  container: 'json-tree',
  basicChildStyle: 'json-tree__child',
  childFieldsContainer: 'json-tree__children',
  label: 'json-tree__label',
  clickableLabel: 'json-tree__label json-tree__clickable',
  nullValue: 'json-null',
  undefinedValue: 'json-null',
  stringValue: 'json-string',
  booleanValue: 'json-boolean',
  numberValue: 'json-number',
  otherValue: 'json-other',
  punctuation: 'json-tree__punctuation',
  collapseIcon: 'json-tree__expander json-tree__expander--open',
  expandIcon: 'json-tree__expander json-tree__expander--closed',
  collapsedContent: 'json-tree__collapsed',
  noQuotesForStringValues: false,
  quotesForFieldNames: true,
  ariaLables: { collapseJson: 'Fold', expandJson: 'Unfold' },
  // Escapes control characters in strings, so a value shows exactly what the JSON holds.
  stringifyStringValues: true,
};

/** Children rendered when a node starts unfolded; bigger nodes start folded (a 256 KiB preview stays fast). */
const ROOT_MAX_CHILDREN = 200;
const NESTED_MAX_CHILDREN = 50;
const UNFOLDED_DEPTH = 3;
/** Above this size (characters of the pretty text) only the root starts unfolded, so unfolding a long list stays cheap. */
const SMALL_DOCUMENT = 16 * 1024;

const childCount = (value: unknown) => (Array.isArray(value) ? value.length : typeof value === 'object' && value !== null ? Object.keys(value).length : 0);

/** Which nodes start unfolded: the first levels of a small document, only the root of a big one; never a large node. */
export function unfoldPolicy(documentChars: number): (level: number, value: unknown) => boolean {
  const depth = documentChars <= SMALL_DOCUMENT ? UNFOLDED_DEPTH : 1;
  return (level, value) => {
    if (level === 0) return childCount(value) <= ROOT_MAX_CHILDREN;
    return level < depth && childCount(value) <= NESTED_MAX_CHILDREN;
  };
}

function primitiveClass(value: unknown): string {
  if (value === null) return 'json-null';
  if (typeof value === 'string') return 'json-string';
  if (typeof value === 'number') return 'json-number';
  if (typeof value === 'boolean') return 'json-boolean';
  return 'json-other';
}

/** A parsed JSON document as a foldable, highlighted tree; rendered as text only (React elements, no HTML). */
export function JsonTree({ json, chars, label, testId }: { json: unknown; chars: number; label: string; testId?: string }) {
  const policy = useMemo(() => unfoldPolicy(chars), [chars]);
  const grouped = useMemo(() => groupLarge(json), [json]);
  if (typeof json !== 'object' || json === null) {
    return (
      <pre className="json-tree" data-testid={testId}>
        <span className={primitiveClass(json)}>{JSON.stringify(json)}</span>
      </pre>
    );
  }
  return (
    <div className="json-tree__scroll" data-testid={testId}>
      <JsonView data={grouped as object} style={STYLE} shouldExpandNode={policy} aria-label={label} />
    </div>
  );
}
