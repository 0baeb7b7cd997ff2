import { create } from 'zustand';

/** Whether the Topics page shows its create form; a store, so the command palette can open it from anywhere. */
export const useCreateTopicForm = create<{ open: boolean; setOpen(open: boolean): void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
