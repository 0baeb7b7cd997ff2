import { useEffect, useRef } from 'react';
import { pushEscape } from './escape-stack';

/** While mounted (and `active`), Escape calls `onEscape` unless something opened later is on top. */
export function useEscape(onEscape: () => void, active = true): void {
  const latest = useRef(onEscape);
  useEffect(() => {
    latest.current = onEscape;
  });
  useEffect(() => (active ? pushEscape(() => latest.current()) : undefined), [active]);
}
