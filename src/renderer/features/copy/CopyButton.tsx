import { useState } from 'react';
import { CopyDialog, type ReadSets } from './CopyDialog';

/** Opens the copy/replay dialog: for what was read (`sets`), or for a range of the topic. */
export function CopyButton({ topic, sets, label = 'Copy to topic…' }: { topic: string; sets?: ReadSets; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button small" onClick={() => setOpen(true)} title="Copy or replay messages to a topic on this or another open cluster">
        {label}
      </button>
      {open && <CopyDialog topic={topic} {...(sets ? { sets } : {})} onClose={() => setOpen(false)} />}
    </>
  );
}
