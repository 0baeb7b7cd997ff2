import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useKeyboard } from './keyboard-store';
import { Highlighted } from './Highlighted';
import type { PaletteKind } from './palette-items';
import { buildPaletteIndex, searchPalette } from './palette-search';
import { usePaletteSources } from './use-palette-sources';
import { useModalDialog } from './use-modal-dialog';
import { useRunCommand } from './use-run-command';
import './commands.css';

const KIND_LABEL: Record<PaletteKind, string> = { page: 'page', action: 'action', topic: 'topic', group: 'group', broker: 'broker', profile: 'profile' };
const optionId = (i: number) => `palette-option-${i}`;

/**
 * Ctrl/Cmd+K: jump to any page, topic, group, broker or profile, or run an action, by typing a
 * few letters of it. The index is built once per opening; each keystroke is one fuzzy match.
 */
export function CommandPalette() {
  const initialQuery = useKeyboard((s) => s.paletteQuery);
  const close = useKeyboard((s) => s.close);
  const dialog = useModalDialog();
  const { sources, loading } = usePaletteSources();
  const index = useMemo(() => buildPaletteIndex(sources), [sources]);
  const [query, setQuery] = useState(initialQuery);
  // Typing never waits for the match: React renders the results when it has time.
  const searched = useDeferredValue(query);
  const results = useMemo(() => searchPalette(index, searched), [index, searched]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const runCommand = useRunCommand();

  const found = results.matches.findIndex((m) => m.item.id === activeId);
  const active = found >= 0 ? found : 0;
  const move = (by: number) => {
    const n = results.matches.length;
    if (n > 0) setActiveId(results.matches[(active + by + n) % n]!.item.id);
  };

  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active, results]);

  /**
   * Enter acts on what is typed now: typed fast, the deferred results may still be those of an
   * earlier query (an empty one lists "Overview" first), so they are searched again at once.
   */
  function chooseTyped() {
    if (searched === query) return void choose(results.matches[active]);
    const current = searchPalette(index, query).matches;
    void choose(current.find((m) => m.item.id === activeId) ?? current[0]);
  }

  async function choose(match: (typeof results.matches)[number] | undefined) {
    if (!match || running) return;
    const { command } = match.item;
    setRunning(match.item.id);
    setError(null);
    try {
      await runCommand(command);
      // "prefill" and "help" open the palette (anew) or the help themselves.
      if (command.type !== 'prefill' && command.type !== 'help') close();
    } catch (e) {
      setError(e);
    } finally {
      setRunning(null);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="palette"
      aria-label="Command palette"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <input
        className="palette__input"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-results"
        aria-autocomplete="list"
        aria-activedescendant={results.matches.length > 0 ? optionId(active) : undefined}
        aria-label="Go to a page, topic, group, broker or profile, or run an action"
        placeholder="Go to or do…  (try “orders”, “tail rider”, “reset analytics”)"
        spellCheck={false}
        autoFocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            move(e.key === 'ArrowDown' ? 1 : -1);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            chooseTyped();
          }
        }}
      />
      <ul id="palette-results" className="palette__results" role="listbox" aria-label="Results">
        {results.matches.map((m, i) => (
          <li
            key={m.item.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={`palette__option${i === active ? ' active' : ''}`}
            onMouseMove={() => i !== active && setActiveId(m.item.id)}
            onClick={() => void choose(m)}
          >
            <span className={`palette__kind kind-${m.item.kind}`}>{KIND_LABEL[m.item.kind]}</span>
            <span className="palette__title">
              <Highlighted text={m.item.title} indexes={m.indexes} />
            </span>
            {running === m.item.id ? <span className="palette__hint">working…</span> : m.item.hint && <span className="palette__hint">{m.item.hint}</span>}
          </li>
        ))}
      </ul>
      {results.matches.length === 0 && <p className="palette__empty">{results.verb ? `No ${results.verb.on} matches “${query}”` : `Nothing matches “${query}”`}</p>}
      <ErrorMessage error={error} title="Could not do that" />
      <div className="palette__footer" aria-live="polite">
        <span>{loading ? 'Loading topics, groups and profiles…' : results.total > results.matches.length ? `${results.matches.length} of ${results.total.toLocaleString('en')} shown: type more to narrow` : `${results.total.toLocaleString('en')} result${results.total === 1 ? '' : 's'}`}</span>
        <span className="spacer" />
        <span>
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close
        </span>
      </div>
    </dialog>
  );
}
