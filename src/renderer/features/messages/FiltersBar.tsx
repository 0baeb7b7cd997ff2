import { useMemo } from 'react';
import type { MessageFilterInput } from '../../../shared/api';
import { ExpressionError, parseExpression } from '../../../shared/filter/expression';
import { compileSafeRegex } from '../../../shared/filter/safe-regex';
import { fromDateInput } from '../../lib/date-format';
import { useDateFormat } from '../../lib/use-date-format';
import { currentDateOptions } from '../../state/settings-store';
import { DateTimeInput } from '../../components/DateTimeInput';
import { KeyAndHeaderFilters } from './KeyAndHeaderFilters';

/** The filters as typed in the bar; times as typed ("2026-12-02 14:03:05") in the app's time zone (Settings). */
export interface FilterDraft {
  text: string;
  regex: boolean;
  caseSensitive: boolean;
  expression: string;
  fromTime: string;
  toTime: string;
  /** An exact key; empty: any. */
  key: string;
  /** Read every partition for the key instead of the one the default partitioner picks. */
  keyScanAll: boolean;
  headerKey: string;
  headerValue: string;
}

export const emptyFilter: FilterDraft = { text: '', regex: false, caseSensitive: false, expression: '', fromTime: '', toTime: '', key: '', keyScanAll: false, headerKey: '', headerValue: '' };

/** What main gets: times as epoch ms, empty fields left out. */
export function toMessageFilter(d: FilterDraft): MessageFilterInput {
  const zone = currentDateOptions().timeZone;
  const time = (s: string) => fromDateInput(s, zone);
  return {
    text: d.text,
    regex: d.regex,
    caseSensitive: d.caseSensitive,
    expression: d.expression,
    fromTime: Number.isFinite(time(d.fromTime)) ? time(d.fromTime) : null,
    toTime: Number.isFinite(time(d.toTime)) ? time(d.toTime) : null,
    key: d.key === '' ? null : d.key,
    keyScan: d.keyScanAll ? 'all' : 'partition',
    headerKey: d.headerKey,
    headerValue: d.headerValue,
  };
}

/** A problem with the draft the user can fix before reading (main checks again). */
export function filterProblem(d: FilterDraft): string | null {
  if (d.regex && d.text) {
    try {
      compileSafeRegex(d.text);
    } catch (error) {
      return `Regular expression: ${(error as Error).message}`;
    }
  }
  if (d.expression.trim()) {
    try {
      parseExpression(d.expression);
    } catch (error) {
      // Not only ExpressionError: a pathological input (thousands of nested "!") overflows the
      // stack, and that must not take the window down with it.
      return `Expression: ${error instanceof ExpressionError ? error.message : 'too deeply nested'}`;
    }
  }
  return null;
}

/** Filters that run in main while reading and tailing: only matches travel to the window. */
export function FiltersBar({ draft, onChange }: { draft: FilterDraft; onChange(draft: FilterDraft): void }) {
  const problem = useMemo(() => filterProblem(draft), [draft]);
  const dates = useDateFormat();
  const set = <K extends keyof FilterDraft>(key: K, value: FilterDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <fieldset className="messages-filters" aria-label="Filters">
      <KeyAndHeaderFilters draft={draft} onChange={onChange} />
      <label className="field">
        <span>Text in key, value or headers</span>
        <input aria-label="Search text" value={draft.text} onChange={(e) => set('text', e.target.value)} placeholder={draft.regex ? 'regular expression' : 'text'} />
      </label>
      <label className="checkbox">
        <input type="checkbox" aria-label="Regex" checked={draft.regex} onChange={(e) => set('regex', e.target.checked)} /> regex
      </label>
      <label className="checkbox">
        <input type="checkbox" aria-label="Case-sensitive" checked={draft.caseSensitive} onChange={(e) => set('caseSensitive', e.target.checked)} /> Aa
      </label>
      <label className="field messages-filters__expression">
        <span>JSON filter</span>
        <input
          aria-label="JSON filter"
          className="mono"
          value={draft.expression}
          onChange={(e) => set('expression', e.target.value)}
          placeholder='value.loc == "SOUTH" && value.amount > 100'
          aria-invalid={problem?.startsWith('Expression') ?? false}
        />
      </label>
      <label className="field">
        <span>From time ({dates.zone})</span>
        <DateTimeInput label="From time" value={draft.fromTime} onChange={(v) => set('fromTime', v)} />
      </label>
      <label className="field">
        <span>To time ({dates.zone})</span>
        <DateTimeInput label="To time" value={draft.toTime} onChange={(v) => set('toTime', v)} />
      </label>
      {problem && (
        <div className="messages-filters__problem" role="status" data-testid="filter-problem">
          {problem}
        </div>
      )}
    </fieldset>
  );
}
