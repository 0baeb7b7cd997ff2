export interface FilterInputProps {
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  label: string;
  /** Rows the filter leaves and rows in all: "12 of 500 shown" beside the box while it holds text. */
  shown?: number | undefined;
  total?: number | undefined;
}

/** The "filter as you type" box every list has, with how many rows it leaves; `/` focuses it (`data-page-filter`, see features/commands/page-filter.ts). */
export function FilterInput({ value, onChange, placeholder, label, shown, total }: FilterInputProps) {
  const input = (
    <input
      type="search"
      className="filter-input"
      data-page-filter=""
      aria-label={label}
      placeholder={placeholder ?? 'Filter…'}
      value={value}
      spellCheck={false}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  if (shown === undefined || total === undefined) return input;
  return (
    <span className="filter-box">
      {input}
      <span className="filter-count" aria-live="polite" data-testid="filter-count">
        {value ? filterCount(shown, total) : ''}
      </span>
    </span>
  );
}

/** "12 of 500 shown", with thousands separated. */
export function filterCount(shown: number, total: number): string {
  return `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} shown`;
}
