import { useEffect } from 'react';

/**
 * `#/groups/<id>/reset` (the palette's "Reset offsets of <group>…"): once the group has loaded,
 * scrolls its section into view and puts the focus on the section's first control.
 */
export function useRevealSection(section: string | undefined, loaded: boolean): void {
  useEffect(() => {
    if (!section || !loaded) return;
    const el = document.querySelector<HTMLElement>(`[data-section="${CSS.escape(section)}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.querySelector<HTMLElement>('select, input, button, textarea')?.focus({ preventScroll: true });
  }, [section, loaded]);
}
