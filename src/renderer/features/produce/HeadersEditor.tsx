/** Header rows; repeated keys are allowed (Kafka keeps them all). Values may hold placeholders. */
export function HeadersEditor({ headers, onChange }: { headers: { key: string; value: string }[]; onChange(h: { key: string; value: string }[]): void }) {
  const set = (i: number, patch: Partial<{ key: string; value: string }>) => onChange(headers.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  return (
    <fieldset className="headers-editor">
      <legend>Headers</legend>
      {headers.map((h, i) => (
        <div className="headers-editor__row" key={i}>
          <input aria-label={`Header ${i + 1} key`} placeholder="key" value={h.key} onChange={(e) => set(i, { key: e.target.value })} />
          <input aria-label={`Header ${i + 1} value`} placeholder="value" value={h.value} onChange={(e) => set(i, { value: e.target.value })} />
          <button type="button" className="button small ghost" aria-label={`Remove header ${i + 1}`} onClick={() => onChange(headers.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="button small" onClick={() => onChange([...headers, { key: '', value: '' }])}>
        Add header
      </button>
    </fieldset>
  );
}
