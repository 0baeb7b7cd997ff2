import { CommandPalette } from './CommandPalette';
import { GlobalShortcuts } from './GlobalShortcuts';
import { useKeyboard } from './keyboard-store';
import { ShortcutsDialog } from './ShortcutsDialog';

/** Mounted once at the app root: the global shortcuts, the command palette and the shortcuts list. */
export function Keyboard() {
  const open = useKeyboard((s) => s.open);
  const session = useKeyboard((s) => s.session);
  return (
    <>
      <GlobalShortcuts />
      {open === 'palette' && <CommandPalette key={session} />}
      {open === 'help' && <ShortcutsDialog />}
    </>
  );
}

/** The sidebar's way in for mouse users, naming the shortcut. */
export function PaletteButton() {
  const openPalette = useKeyboard((s) => s.openPalette);
  return (
    <button type="button" className="palette-button" onClick={() => openPalette()} aria-keyshortcuts="Control+K Meta+K">
      <span>Go to…</span>
      <kbd>Ctrl K</kbd>
    </button>
  );
}
