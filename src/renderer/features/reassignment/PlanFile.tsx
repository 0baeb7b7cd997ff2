import { useRef, useState } from 'react';
import type { PartitionTarget } from '../../../shared/reassignment/plan';
import { parseReassignJson, toReassignJson } from '../../../shared/reassignment/reassign-json';

/** Export and import in the JSON of kafka-reassign-partitions.sh, so a plan can be reviewed and run by others. */
export function PlanFile({ targets, onImport }: { targets: PartitionTarget[]; onImport: (targets: PartitionTarget[]) => void }) {
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const json = toReassignJson(targets);

  const load = (value: string) => {
    try {
      onImport(parseReassignJson(value));
      setError(null);
      setOpen(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'reassignment.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };

  return (
    <div className="plan-file">
      <div className="form-row">
        <button type="button" className="button small" aria-expanded={open === 'export'} onClick={() => setOpen(open === 'export' ? null : 'export')}>
          Export JSON
        </button>
        <button type="button" className="button small" aria-expanded={open === 'import'} onClick={() => (setOpen(open === 'import' ? null : 'import'), setError(null))}>
          Import JSON
        </button>
      </div>
      {open === 'export' && (
        <div className="plan-file__panel">
          <p className="text-muted">
            For <code>kafka-reassign-partitions.sh --execute --reassignment-json-file</code>: every partition shown, changed or not.
          </p>
          <textarea className="mono" aria-label="Plan as JSON" readOnly rows={8} value={json} />
          <div className="form-row">
            <button type="button" className="button small" onClick={() => void navigator.clipboard?.writeText(json)}>
              Copy
            </button>
            <button type="button" className="button small" onClick={download}>
              Download reassignment.json
            </button>
          </div>
        </div>
      )}
      {open === 'import' && (
        <div className="plan-file__panel">
          <textarea className="mono" aria-label="Paste a plan" rows={8} value={text} onChange={(e) => setText(e.target.value)} placeholder='{"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[1,2]}]}' spellCheck={false} />
          <div className="form-row">
            <button type="button" className="button small primary" disabled={!text.trim()} onClick={() => load(text)}>
              Load plan
            </button>
            <input ref={file} type="file" accept=".json,application/json" hidden onChange={(e) => void e.target.files?.[0]?.text().then((t) => (setText(t), load(t)))} />
            <button type="button" className="button small" onClick={() => file.current?.click()}>
              From a file…
            </button>
          </div>
          {error && (
            <p className="text-bad" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
