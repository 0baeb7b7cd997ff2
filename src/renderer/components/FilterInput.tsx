/** The "filter as you type" box every list has; `/` focuses it (`data-page-filter`, see features/commands/page-filter.ts). */
export function FilterInput({ value, onChange, placeholder, label }: { value: string; onChange: (v: string) => void; placeholder?: string; label: string }) {
  return (
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
}
