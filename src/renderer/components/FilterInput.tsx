/** The "filter as you type" box every list has. */
export function FilterInput({ value, onChange, placeholder, label }: { value: string; onChange: (v: string) => void; placeholder?: string; label: string }) {
  return (
    <input
      type="search"
      className="filter-input"
      aria-label={label}
      placeholder={placeholder ?? 'Filter…'}
      value={value}
      spellCheck={false}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
