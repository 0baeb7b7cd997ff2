import type { MaskingRuleInput } from '../../../shared/api';

const ACTIONS = [
  { value: 'mask', label: 'Mask', title: 'Replace with ****' },
  { value: 'hash', label: 'Hash', title: 'A keyed hash: equal values stay equal' },
  { value: 'drop', label: 'Drop', title: 'Remove the field or the match' },
] as const;

/**
 * A profile's masking rules: main applies them to everything read through the profile before
 * it reaches a window, a file or another topic (and before a search looks at it).
 */
export function MaskingRulesFields(props: { rules: MaskingRuleInput[]; onChange(rules: MaskingRuleInput[]): void }) {
  const { rules } = props;
  const update = (i: number, patch: Partial<MaskingRuleInput>) => props.onChange(rules.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const add = () => props.onChange([...rules, { topic: '*', kind: 'field', pattern: '', action: 'mask', onlyWhenSharing: false }]);
  return (
    <fieldset className="profile-form__section masking-rules">
      <legend>Masking</legend>
      <p className="field-help">
        Hide personal data in what this profile reads: a field of JSON (or schema-decoded) keys and values, e.g. <code>customer.email</code>, <code>items[*].card</code>,{' '}
        <code>..email</code> (at any depth), or a regular expression (RE2) over keys, values and headers. Masked values cannot be found by a search. Hashes are keyed per profile,
        so equal values still match.
      </p>
      {rules.length > 0 && (
        <table className="masking-rules__table">
          <colgroup>
            <col style={{ width: '18%' }} />
            <col style={{ width: 86 }} />
            <col />
            <col style={{ width: 86 }} />
            <col style={{ width: 60 }} />
            <col style={{ width: 40 }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Topics</th>
              <th scope="col">Kind</th>
              <th scope="col">Field or pattern</th>
              <th scope="col">Action</th>
              <th scope="col" title="Only while screen-share mode is on">Sharing only</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={i}>
                <td>
                  <input aria-label={`Rule ${i + 1} topics`} value={r.topic} onChange={(e) => update(i, { topic: e.target.value })} placeholder="orders* or *" spellCheck={false} />
                </td>
                <td>
                  <select aria-label={`Rule ${i + 1} kind`} value={r.kind} onChange={(e) => update(i, { kind: e.target.value as MaskingRuleInput['kind'] })}>
                    <option value="field">Field</option>
                    <option value="regex">Regex</option>
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Rule ${i + 1} ${r.kind === 'field' ? 'field path' : 'pattern'}`}
                    value={r.pattern}
                    onChange={(e) => update(i, { pattern: e.target.value })}
                    placeholder={r.kind === 'field' ? 'customer.email' : '[\\w.+-]+@[\\w-]+\\.[\\w.]+'}
                    spellCheck={false}
                    required
                  />
                </td>
                <td>
                  <select aria-label={`Rule ${i + 1} action`} value={r.action ?? 'mask'} onChange={(e) => update(i, { action: e.target.value as MaskingRuleInput['action'] })}>
                    {ACTIONS.map((a) => (
                      <option key={a.value} value={a.value} title={a.title}>
                        {a.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="masking-rules__center">
                  <input type="checkbox" aria-label={`Rule ${i + 1} only in screen-share mode`} checked={r.onlyWhenSharing ?? false} onChange={(e) => update(i, { onlyWhenSharing: e.target.checked })} />
                </td>
                <td>
                  <button type="button" className="button small" aria-label={`Remove rule ${i + 1}`} title="Remove this rule" onClick={() => props.onChange(rules.filter((_, k) => k !== i))}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="button" onClick={add}>
        Add masking rule
      </button>
    </fieldset>
  );
}
