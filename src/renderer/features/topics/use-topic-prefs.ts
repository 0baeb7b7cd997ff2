import { useCallback, useContext, useMemo } from 'react';
import type { TopicTemplate } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { ConnectionScope } from '../../state/connection-scope';
import { useSession } from '../../state/session-store';
import { updateSettings, useSettings, useSettingsStore } from '../../state/settings-store';
import { clusterKey } from './cluster-key';
import { toggleFavourite } from './topic-tree';

const NONE: string[] = [];
const NO_TEMPLATES: TopicTemplate[] = [];

/** This page's cluster key (see cluster-key.ts). */
function useClusterKey(): string {
  const scoped = useContext(ConnectionScope);
  const active = useSession((s) => s.connection);
  const connection = scoped ?? active;
  return connection ? clusterKey(connection) : '';
}

/** The starred topics of this cluster, kept by main in the settings. */
export function useFavouriteTopics() {
  const api = useApi();
  const key = useClusterKey();
  const list = useSettings().topicFavourites[key] ?? NONE;
  const favourites = useMemo(() => new Set(list), [list]);
  const toggle = useCallback(
    (topic: string) => {
      // The latest stored lists, not this render's: two quick clicks both count.
      const all = useSettingsStore.getState().settings.topicFavourites;
      return updateSettings(api, { topicFavourites: { ...all, [key]: toggleFavourite(all[key] ?? [], topic) } });
    },
    [api, key],
  );
  return { favourites, toggle };
}

/** Saved create-topic forms of this cluster. Saving under an existing name replaces it. */
export function useTopicTemplates() {
  const api = useApi();
  const key = useClusterKey();
  const templates = useSettings().topicTemplates[key] ?? NO_TEMPLATES;
  const save = useCallback(
    (template: TopicTemplate) => {
      const all = useSettingsStore.getState().settings.topicTemplates;
      const others = (all[key] ?? []).filter((t) => t.name !== template.name);
      return updateSettings(api, { topicTemplates: { ...all, [key]: [...others, template].sort((a, b) => a.name.localeCompare(b.name)) } });
    },
    [api, key],
  );
  const remove = useCallback(
    (name: string) => {
      const all = useSettingsStore.getState().settings.topicTemplates;
      return updateSettings(api, { topicTemplates: { ...all, [key]: (all[key] ?? []).filter((t) => t.name !== name) } });
    },
    [api, key],
  );
  return { templates, save, remove };
}
