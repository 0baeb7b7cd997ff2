/**
 * The app's global shortcuts, in one place: what each key does, how the `?` dialog lists it,
 * and when it must stay quiet (typing in a field or an editor).
 */
export type ShortcutAction = 'palette' | 'focus-filter' | 'help' | 'escape' | 'screen-share';

export interface Shortcut {
  action: ShortcutAction;
  /** As the help dialog shows it, one entry per key combination. */
  keys: string[];
  description: string;
  /** Also fires while typing in a field or an editor. */
  whileTyping: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'palette', keys: ['Ctrl+K', '⌘K'], description: 'Command palette: go to any page, topic, group, broker or profile, or run an action', whileTyping: true },
  { action: 'focus-filter', keys: ['/'], description: "Focus the page's filter", whileTyping: false },
  { action: 'help', keys: ['?'], description: 'Show these shortcuts', whileTyping: false },
  { action: 'escape', keys: ['Esc'], description: 'Close the topmost pane, dialog or form', whileTyping: true },
  { action: 'screen-share', keys: ['Ctrl+Shift+M', '⌘⇧M'], description: 'Screen-share mode on or off: every masking rule applies', whileTyping: true },
];

/** Keys that work inside the command palette's list, shown in the help too. */
export const PALETTE_KEYS: readonly { keys: string[]; description: string }[] = [
  { keys: ['↑', '↓'], description: 'Move through the results' },
  { keys: ['Enter'], description: 'Open or run the highlighted result' },
  { keys: ['produce …', 'tail …', 'reset …'], description: 'Start with an action, then a topic or group name: “tail rider”, “reset analytics”' },
];

/** The part of a keyboard event the keymap reads (a plain object in tests). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
}

/** Which action a key press asks for, or null. Modifiers other than the ones listed never match. */
export function actionFor(press: KeyPress): ShortcutAction | null {
  if (press.altKey) return null;
  if ((press.ctrlKey || press.metaKey) && press.key.toLowerCase() === 'k') return 'palette';
  if ((press.ctrlKey || press.metaKey) && press.shiftKey && press.key.toLowerCase() === 'm') return 'screen-share';
  if (press.ctrlKey || press.metaKey) return null;
  if (press.key === 'Escape') return 'escape';
  if (press.key === '/') return 'focus-filter';
  if (press.key === '?') return 'help';
  return null;
}

/** Whether the shortcut may fire with `typing` true (the focus is in a field or editor). */
export function allowedWhileTyping(action: ShortcutAction): boolean {
  return SHORTCUTS.find((s) => s.action === action)?.whileTyping ?? false;
}

const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** True when keys typed at `el` are text: a text field, a select, or an editor (CodeMirror is contenteditable). */
export function isTypingTarget(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NOT_TEXT_INPUTS.has((el as HTMLInputElement).type);
  return (el as HTMLElement).isContentEditable || el.closest('[contenteditable=""], [contenteditable="true"]') !== null;
}
