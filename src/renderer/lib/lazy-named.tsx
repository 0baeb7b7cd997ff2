import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Loading } from '../components/Loading';

/**
 * React.lazy for a named export: the module (and what only it imports, such as CodeMirror or
 * uPlot) goes into its own chunk, loaded the first time the component renders. Keeps the
 * renderer's initial JS small (see scripts/check-bundle-size.mjs).
 */
export function lazyNamed<M extends Record<K, ComponentType<never>>, K extends keyof M & string>(load: () => Promise<M>, name: K): M[K] {
  const Lazy = lazy(async () => ({ default: (await load())[name] as unknown as ComponentType }));
  return Lazy as unknown as M[K];
}

/** Where a lazy part shows a quiet "Loading…" while its chunk arrives. */
export function LazyBoundary({ children, label }: { children: ReactNode; label?: string }) {
  return <Suspense fallback={<Loading label={label} />}>{children}</Suspense>;
}
