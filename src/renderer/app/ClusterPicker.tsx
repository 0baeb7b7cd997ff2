import type React from 'react';
import { useEffect } from 'react';
import { useClusters } from '../state/clusters-store';
import { switchToCluster } from './cluster-navigation';
import './clusters.css';

/** Ctrl+1..9 (Cmd on macOS) picks the n-th open cluster; `null` for any other key. */
export function clusterShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): number | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  return /^[1-9]$/.test(event.key) ? Number(event.key) - 1 : null;
}

/**
 * The clusters open in this window, like a workspace switcher: each with its colour, the active
 * one pressed; a click or Ctrl+1..9 switches (the one left keeps its page and reads), and
 * "Connect another…" opens the connect screen without closing any.
 */
export function ClusterPicker() {
  const open = useClusters((s) => s.open);
  const activeId = useClusters((s) => s.activeId);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const index = clusterShortcut(event);
      if (index === null) return;
      const target = useClusters.getState().open[index];
      if (!target) return;
      event.preventDefault();
      switchToCluster(target);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="cluster-picker" role="group" aria-label="Open clusters">
      {open.length > 1 &&
        open.map((info, i) => (
          <button
            key={info.connectionId}
            type="button"
            className="cluster-picker__tab"
            aria-pressed={info.connectionId === activeId}
            title={`${info.name} — ${info.brokers.join(', ')}${i < 9 ? ` (Ctrl+${i + 1})` : ''}`}
            style={info.color ? ({ '--cluster-color': info.color } as React.CSSProperties) : undefined}
            onClick={() => switchToCluster(info)}
          >
            <span className="cluster-picker__dot" aria-hidden />
            <span className="cluster-picker__name">{info.name}</span>
            {i < 9 && <span className="cluster-picker__key" aria-hidden>{i + 1}</span>}
          </button>
        ))}
      <button type="button" className="cluster-picker__tab cluster-picker__add" onClick={() => useClusters.getState().setAdding(true)} title="Open the connect screen; the clusters open now stay open">
        + Connect another…
      </button>
    </div>
  );
}
