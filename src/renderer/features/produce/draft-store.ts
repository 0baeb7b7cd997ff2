import { create } from 'zustand';
import type { Acks, Compression } from '../../../shared/api';
import { emptyDraft, type DraftState } from './draft';

/** What the Produce form holds for one connection and topic, kept while the user is elsewhere. */
export interface SavedForm {
  draft: DraftState;
  compression: Compression;
  acks: Acks;
  count: string;
  rate: string;
}

export const emptyForm = (): SavedForm => ({ draft: emptyDraft(), compression: 'none', acks: 'all', count: '1000', rate: '' });

/** Forms remembered per connection before the oldest are forgotten (a topic typed letter by letter makes a few). */
const MAX_FORMS = 100;

interface DraftStore {
  /** By `connectionId \0 topic`. */
  forms: Record<string, SavedForm>;
  /** The topic last worked on per connection, for opening Produce from the sidebar. */
  lastTopic: Record<string, string>;
  save(connectionId: string, topic: string, form: SavedForm): void;
}

export const formKey = (connectionId: string, topic: string) => `${connectionId}\u0000${topic}`;

/**
 * Session memory of the Produce form (not persisted to disk): leaving the page unmounts it,
 * and coming back, to the same topic or from the sidebar, finds the message as it was left.
 */
export const useProduceDrafts = create<DraftStore>()((set) => ({
  forms: {},
  lastTopic: {},
  save: (connectionId, topic, form) =>
    set((s) => {
      const key = formKey(connectionId, topic);
      const { [key]: _old, ...rest } = s.forms;
      const entries = Object.entries(rest);
      const kept = entries.length >= MAX_FORMS ? Object.fromEntries(entries.slice(entries.length - MAX_FORMS + 1)) : rest;
      return { forms: { ...kept, [key]: form }, lastTopic: { ...s.lastTopic, [connectionId]: topic } };
    }),
}));

/** The form to start with: the one left for this topic, else (opened without a topic) the last one of the connection. */
export function initialForm(connectionId: string, initialTopic: string | undefined): { topic: string; form: SavedForm } {
  const { forms, lastTopic } = useProduceDrafts.getState();
  const topic = initialTopic ?? lastTopic[connectionId] ?? '';
  return { topic, form: forms[formKey(connectionId, topic)] ?? emptyForm() };
}
