import { create } from 'zustand';

/** Which of the app-wide dialogs is open: the command palette or the shortcuts list (never both). */
interface KeyboardState {
  open: 'palette' | 'help' | null;
  /** Text the palette starts with (e.g. "produce " from "Produce to a topic…"). */
  paletteQuery: string;
  openPalette(query?: string): void;
  openHelp(): void;
  close(): void;
}

export const useKeyboard = create<KeyboardState>()((set) => ({
  open: null,
  paletteQuery: '',
  openPalette: (query = '') => set({ open: 'palette', paletteQuery: query }),
  openHelp: () => set({ open: 'help' }),
  close: () => set({ open: null }),
}));
