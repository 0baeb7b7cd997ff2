import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The header row's columns as Chromium resolved them (plain px, e.g. "260px 120px 431px"), for
 * the body rows: the header's `minmax(…)`/`fr` template is sized once, and each row then lays
 * out fixed tracks instead of sizing the same tracks again (the bulk of a frame's layout when a
 * scroll draws forty new rows). Follows the header on every resize; `template` until measured.
 */
export function useResolvedTemplate(head: RefObject<HTMLElement | null>, template: string): string {
  const [resolved, setResolved] = useState<{ from: string; px: string } | null>(null);
  useLayoutEffect(() => {
    const row = head.current?.querySelector<HTMLElement>('[role=row]');
    if (!row) return;
    const read = () => {
      const px = getComputedStyle(row).gridTemplateColumns;
      // Only a list of lengths is usable as is ("none" or a template string means not laid out).
      if (/^[\d.]+px( [\d.]+px)*$/.test(px)) setResolved((old) => (old?.from === template && old.px === px ? old : { from: template, px }));
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(row);
    return () => observer.disconnect();
  }, [head, template]);
  return resolved?.from === template ? resolved.px : template;
}
