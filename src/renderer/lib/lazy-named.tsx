import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Loading } from '../components/Loading';

export type Preloadable<C> = C & {
  /** Fetches and evaluates the chunk now; a later first render then shows the component at once. */
  preload(): Promise<void>;
};

/**
 * React.lazy for a named export: the module (and what only it imports, such as CodeMirror or
 * uPlot) goes into its own chunk, loaded the first time the component renders or on `preload()`.
 * Keeps the renderer's initial JS small (see scripts/check-bundle-size.mjs).
 */
export function lazyNamed<M extends Record<K, ComponentType<never>>, K extends keyof M & string>(load: () => Promise<M>, name: K): Preloadable<M[K]> {
  let loaded: M | undefined;
  const preload = async () => {
    loaded ??= await load();
  };
  const Lazy = lazy(() => {
    const component = { default: loaded?.[name] as unknown as ComponentType };
    // Already preloaded: a thenable that resolves synchronously lets React render the page in the
    // same pass instead of showing the fallback for a frame (it reads the result right after `then`).
    if (loaded) return { then: (resolve: (m: typeof component) => void) => resolve(component) } as unknown as Promise<typeof component>;
    return preload().then(() => ({ default: loaded![name] as unknown as ComponentType }));
  });
  return Object.assign(Lazy, { preload }) as unknown as Preloadable<M[K]>;
}

/** Where a lazy part shows a quiet "Loading…" while its chunk arrives. */
export function LazyBoundary({ children, label }: { children: ReactNode; label?: string }) {
  return <Suspense fallback={<Loading label={label} />}>{children}</Suspense>;
}
