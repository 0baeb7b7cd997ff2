import { useMemo } from 'react';
import type { EncodedBytes } from '../../../shared/api';
import { usePersistentState } from '../../lib/use-persistent-state';
import { decodeAs, isViewChoice, VIEW_LABELS, VIEWS, type Decoded, type ViewChoice } from './decode-view';
import { lazyNamed, LazyBoundary } from '../../lib/lazy-named';
import { LimitedText } from './LimitedText';

/** The tree view's own chunk: only when a JSON message is opened. */
const JsonTree = lazyNamed(() => import('./JsonTree'), 'JsonTree');

/** The view last chosen for a part (key, value, headers), remembered across messages and reloads. */
export function useViewChoice(part: 'key' | 'value' | 'headers'): [ViewChoice, (v: ViewChoice) => void] {
  const [stored, setStored] = usePersistentState<ViewChoice>(`messages.detail.view.${part}`, 'auto');
  return [isViewChoice(stored) ? stored : 'auto', setStored];
}

export function ViewSelect({ label, value, onChange }: { label: string; value: ViewChoice; onChange(v: ViewChoice): void }) {
  return (
    <select className="message-detail__view" aria-label={label} value={value} onChange={(e) => onChange(e.target.value as ViewChoice)}>
      {VIEWS.map((v) => (
        <option key={v} value={v}>
          {VIEW_LABELS[v]}
        </option>
      ))}
    </select>
  );
}

/** Decodes once per bytes/view pair: a 256 KiB preview is parsed or dumped only when needed. */
export function useDecoded(bytes: EncodedBytes | null, view: ViewChoice): Decoded | null {
  return useMemo(() => (bytes === null ? null : decodeAs(bytes, view)), [bytes, view]);
}

/** The decoded bytes: a tree for JSON, text otherwise; a view that did not fit says why above. */
export function DecodedContent({ decoded, label, testId }: { decoded: Decoded; label: string; testId: string }) {
  return (
    <>
      {decoded.problem && (
        <div className="message-detail__problem" role="note" data-testid={`${testId}-problem`}>
          {decoded.problem}
        </div>
      )}
      {decoded.kind === 'json' ? (
        <LazyBoundary>
          <JsonTree json={decoded.json} chars={decoded.text.length} label={label} testId={testId} />
        </LazyBoundary>
      ) : (
        <LimitedText key={decoded.kind} text={decoded.text} className={`decoded decoded--${decoded.kind}`} testId={testId} />
      )}
    </>
  );
}
