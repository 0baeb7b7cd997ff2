import type { FilterDraft } from './FiltersBar';

/**
 * An exact key (read in the one partition the default partitioner picks for it, unless asked to
 * scan them all) and a header's key and value.
 */
export function KeyAndHeaderFilters({ draft, onChange }: { draft: FilterDraft; onChange(draft: FilterDraft): void }) {
  const set = <K extends keyof FilterDraft>(key: K, value: FilterDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <>
      <label className="field">
        <span>Exact key</span>
        <input aria-label="Exact key" className="mono" value={draft.key} onChange={(e) => set('key', e.target.value)} placeholder="any key" spellCheck={false} />
      </label>
      {draft.key !== '' && (
        <span className="key-scan-note" role="note">
          {draft.keyScanAll ? (
            <>
              Scanning all partitions.{' '}
              <button type="button" className="link-button" onClick={() => set('keyScanAll', false)}>
                Read only the key&apos;s partition
              </button>
            </>
          ) : (
            <>
              Reads only the key&apos;s partition: assumes the default partitioner;{' '}
              <button type="button" className="link-button" onClick={() => set('keyScanAll', true)}>
                scan all partitions
              </button>{' '}
              instead
            </>
          )}
        </span>
      )}
      <label className="field">
        <span>Header key</span>
        <input aria-label="Header key" className="mono" value={draft.headerKey} onChange={(e) => set('headerKey', e.target.value)} placeholder="any header" spellCheck={false} />
      </label>
      <label className="field">
        <span>Header value contains</span>
        <input aria-label="Header value" value={draft.headerValue} onChange={(e) => set('headerValue', e.target.value)} placeholder="any value" spellCheck={false} />
      </label>
    </>
  );
}
