import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';

/** useState that survives reloads (localStorage), for view preferences such as table sorting. */
export function usePersistentState<T>(key: string, initial: T): [T, Dispatch<SetStateAction<T>>] {
  const storageKey = `kafka-explorer.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = window.localStorage.getItem(storageKey);
      return stored === null ? initial : (JSON.parse(stored) as T);
    } catch {
      return initial;
    }
  });
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (next) => {
      setValue((previous) => {
        const resolved = typeof next === 'function' ? (next as (p: T) => T)(previous) : next;
        try {
          window.localStorage.setItem(storageKey, JSON.stringify(resolved));
        } catch {
          // Storage full or disabled: the preference just is not remembered.
        }
        return resolved;
      });
    },
    [storageKey],
  );
  return [value, set];
}
