/** "Type the name to confirm": the guard in front of every destructive action. */
export function TypedConfirmation({ expected, value, onChange, label }: { expected: string; value: string; onChange: (v: string) => void; label: string }) {
  return (
    <label className="field typed-confirmation">
      <span>
        Type <code>{expected}</code> to confirm
      </span>
      <input aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} placeholder={expected} autoComplete="off" spellCheck={false} />
    </label>
  );
}
