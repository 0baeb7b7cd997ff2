import { create } from 'zustand';

/** Which of the app-wide dialogs is open: the command palette or the shortcuts list (never both). */
interface KeyboardState {
  open: 'palette' | 'help' | null;
  /** Text the palette starts with (e.g. "produce " from "Produce to a topic…"). */
  paletteQuery: string;
  /** Counts openings of the palette, so each starts afresh (a new query, the first result highlighted). */
  session: number;
  openPalette(query?: string): void;
  openHelp(): void;
  close(): void;
}

export const useKeyboard = create<KeyboardState>()((set) => ({
  open: null,
  paletteQuery: '',
  session: 0,
  openPalette: (query = '') => set((s) => ({ open: 'palette', paletteQuery: query, session: s.session + 1 })),
  openHelp: () => set({ open: 'help' }),
  close: () => set({ open: null }),
}));
