import type { HeaderRewrite } from '../../../shared/api';

/** The header changes of a copy, applied in order: set (replace every header of that key), add (one more), remove. */
export function HeaderRewritesEditor({ value, onChange }: { value: HeaderRewrite[]; onChange(next: HeaderRewrite[]): void }) {
  const update = (i: number, next: HeaderRewrite) => onChange(value.map((w, j) => (j === i ? next : w)));
  return (
    <div className="copy-rewrites" role="group" aria-label="Header changes">
      {value.map((w, i) => (
        <div className="copy-rewrites__row" key={i}>
          <select aria-label={`Header change ${i + 1}`} value={w.op} onChange={(e) => update(i, e.target.value === 'remove' ? { op: 'remove', key: w.key } : { op: e.target.value as 'set' | 'add', key: w.key, value: 'value' in w ? w.value : '' })}>
            <option value="set">Set</option>
            <option value="add">Add</option>
            <option value="remove">Remove</option>
          </select>
          <input aria-label={`Header ${i + 1} key`} placeholder="header key" value={w.key} onChange={(e) => update(i, { ...w, key: e.target.value })} />
          {w.op !== 'remove' && <input aria-label={`Header ${i + 1} value`} placeholder="value" value={w.value} onChange={(e) => update(i, { ...w, value: e.target.value })} />}
          <button type="button" className="button small" aria-label={`Remove header change ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button small" onClick={() => onChange([...value, { op: 'set', key: '', value: '' }])}>
        Add header change
      </button>
    </div>
  );
}
