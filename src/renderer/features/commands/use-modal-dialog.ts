import { useEffect, useRef } from 'react';

/**
 * A native modal <dialog>, shown while mounted: the browser traps focus in it, puts it above
 * everything, and gives it Escape (its `cancel` event). Focus returns to where it was on close.
 */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      before?.focus?.();
    };
  }, []);
  return ref;
}
