/** A row of radio buttons that looks like a segmented control (keyboard: arrows, as radios do). */
export function ChoiceGroup<T extends string>({ label, name, value, choices, onChange }: { label: string; name: string; value: T; choices: { value: T; label: string }[]; onChange(value: T): void }) {
  return (
    <div className="choice-group" role="radiogroup" aria-label={label}>
      {choices.map((c) => (
        <label key={c.value} className={value === c.value ? 'active' : ''}>
          <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} />
          {c.label}
        </label>
      ))}
    </div>
  );
}
