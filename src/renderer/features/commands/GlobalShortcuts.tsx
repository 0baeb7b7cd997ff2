import { useEffect, useRef } from 'react';
import { useToggleScreenShare } from '../masking/screen-share';
import { closeTopmost } from './escape-stack';
import { useKeyboard } from './keyboard-store';
import { actionFor, allowedWhileTyping, isTypingTarget } from './keymap';
import { focusPageFilter, PAGE_FILTER_ATTRIBUTE } from './page-filter';

/** The one keydown listener for the app's global shortcuts (keymap.ts); renders nothing. */
export function GlobalShortcuts() {
  const toggle = useToggleScreenShare();
  const toggleScreenShare = useRef(toggle);
  useEffect(() => {
    toggleScreenShare.current = toggle;
  }, [toggle]);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      // A page that handled the key itself, or an input method composing a character, wins.
      if (e.defaultPrevented || e.isComposing) return;
      const action = actionFor(e);
      if (!action) return;
      const keyboard = useKeyboard.getState();
      if (action === 'screen-share') {
        e.preventDefault();
        void toggleScreenShare.current().catch(() => undefined);
        return;
      }
      if (action === 'palette') {
        e.preventDefault();
        if (keyboard.open === 'palette') keyboard.close();
        else keyboard.openPalette();
        return;
      }
      // An open palette or help dialog has the keyboard (the browser gives it Escape).
      if (keyboard.open) return;
      const target = e.target instanceof Element ? e.target : null;
      if (!allowedWhileTyping(action) && isTypingTarget(target)) return;
      if (action === 'focus-filter') {
        if (focusPageFilter()) e.preventDefault();
      } else if (action === 'help') {
        e.preventDefault();
        keyboard.openHelp();
      } else if (closeTopmost()) {
        e.preventDefault();
      } else if (target?.hasAttribute(PAGE_FILTER_ATTRIBUTE) && target instanceof HTMLElement) {
        // Nothing to close: Escape leaves the filter, so `/` and `?` work again.
        target.blur();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return null;
}
